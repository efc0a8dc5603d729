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

  /**
   * A second batch over the same buffers, without a copy: each buffer's reference count goes up, so
   * this batch and the view are closed independently and the memory is freed with the last of them.
   * Safe because vectors are never modified once their batch is built.
   */
  public ColumnBatch sharedView() {
    List<FieldVector> views = new ArrayList<>(vectors.length);
    try {
      for (FieldVector vector : vectors) {
        org.apache.arrow.vector.util.TransferPair transfer = vector.getTransferPair(vector.getAllocator());
        transfer.splitAndTransfer(0, rowCount);
        views.add((FieldVector) transfer.getTo());
      }
    } catch (RuntimeException | Error e) {
      views.forEach(FieldVector::close);
      throw e;
    }
    return new ColumnBatch(schema, views, rowCount);
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
