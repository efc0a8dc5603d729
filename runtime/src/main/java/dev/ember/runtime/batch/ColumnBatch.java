package dev.ember.runtime.batch;

import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A horizontal slice of a table: one Arrow vector per column, all with {@code rowCount} values.
 *
 * <p>Ownership: a batch owns its vectors; {@link #close()} releases them. Whoever holds a batch
 * closes it or hands it on, never both. Vectors are not modified after the batch is built.
 */
public final class ColumnBatch implements AutoCloseable {
  private final StructType schema;
  private final FieldVector[] vectors;
  private final int rowCount;

  public ColumnBatch(StructType schema, List<FieldVector> vectors, int rowCount) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.vectors = vectors.toArray(new FieldVector[0]);
    this.rowCount = rowCount;
    if (this.vectors.length != schema.length()) {
      throw new IllegalArgumentException(
          "batch has " + this.vectors.length + " vectors for a schema of " + schema.length() + " columns");
    }
    for (FieldVector vector : this.vectors) {
      if (vector.getValueCount() != rowCount) {
        throw new IllegalArgumentException(
            "vector " + vector.getName() + " has " + vector.getValueCount() + " values, batch has " + rowCount);
      }
    }
  }

  /** Allocates empty vectors for the schema with room for {@code capacity} rows; value counts are 0. */
  public static List<FieldVector> allocateVectors(StructType schema, BufferAllocator allocator, int capacity) {
    List<FieldVector> vectors = new ArrayList<>(schema.length());
    try {
      for (int i = 0; i < schema.length(); i++) {
        vectors.add(ArrowTypes.allocateVector(schema.apply(i), allocator, capacity));
      }
      return vectors;
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  /** An empty batch (zero rows) of the schema. */
  public static ColumnBatch empty(StructType schema, BufferAllocator allocator) {
    List<FieldVector> vectors = allocateVectors(schema, allocator, 0);
    vectors.forEach(v -> v.setValueCount(0));
    return new ColumnBatch(schema, vectors, 0);
  }

  public StructType schema() {
    return schema;
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return vectors.length;
  }

  public FieldVector vector(int column) {
    return vectors[column];
  }

  public List<FieldVector> vectors() {
    return List.of(vectors);
  }

  @Override
  public void close() {
    for (FieldVector vector : vectors) {
      vector.close();
    }
  }

  @Override
  public String toString() {
    return "ColumnBatch(" + rowCount + " rows, " + Arrays.toString(schema.fieldNames()) + ")";
  }
}
