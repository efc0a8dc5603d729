package dev.ember.runtime.operators.generate;

import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Spark's {@code explode} family over one batch: the input's last column is the collection (an array
 * or a map); every other column is repeated once per element, followed by the element's position
 * ({@code posexplode}) and the element ({@code col}) or entry ({@code key}, {@code value}). A null or
 * empty collection yields no row, or one row of nulls for the _outer forms.
 *
 * @param withPosition whether a 0-based {@code pos} column comes before the element
 * @param outer whether a null or empty collection yields a row of nulls
 * @param outputSchema the input's columns but the collection, then the generated ones
 */
public record Explode(boolean withPosition, boolean outer, StructType outputSchema) {
  public Explode {
    Objects.requireNonNull(outputSchema, "outputSchema is null");
  }

  /** A new batch, owned by the caller; {@code input} stays the caller's. */
  public ColumnBatch apply(ColumnBatch input, BufferAllocator allocator) {
    int collectionColumn = input.columnCount() - 1;
    ListVector collection = (ListVector) input.vector(collectionColumn);
    int[] sourceRows = new int[Math.max(16, input.rowCount())];
    int[] elements = new int[sourceRows.length];
    int count = 0;
    for (int row = 0; row < input.rowCount(); row++) {
      int start = collection.isNull(row) ? 0 : collection.getElementStartIndex(row);
      int end = collection.isNull(row) ? 0 : collection.getElementEndIndex(row);
      if (start == end && outer) {
        sourceRows = grow(sourceRows, count);
        elements = grow(elements, count);
        sourceRows[count] = row;
        elements[count++] = -1;
      }
      for (int element = start; element < end; element++) {
        sourceRows = grow(sourceRows, count);
        elements = grow(elements, count);
        sourceRows[count] = row;
        elements[count++] = element;
      }
    }
    List<FieldVector> vectors = new ArrayList<>(outputSchema.length());
    try {
      for (int column = 0; column < outputSchema.length(); column++) {
        vectors.add(ArrowTypes.allocateVector(outputSchema.apply(column), allocator, count));
      }
      for (int column = 0; column < collectionColumn; column++) {
        FieldVector from = input.vector(column);
        for (int i = 0; i < count; i++) {
          NestedValues.copy(from, sourceRows[i], vectors.get(column), i);
        }
      }
      int next = collectionColumn;
      if (withPosition) {
        IntVector positions = (IntVector) vectors.get(next++);
        for (int i = 0; i < count; i++) {
          if (elements[i] >= 0) {
            positions.setSafe(i, elements[i] - collection.getElementStartIndex(sourceRows[i]));
          }
        }
      }
      List<FieldVector> elementSources = new ArrayList<>();
      if (collection instanceof MapVector) {
        StructVector entries = (StructVector) collection.getDataVector();
        elementSources.add((FieldVector) entries.getChildByOrdinal(0));
        elementSources.add((FieldVector) entries.getChildByOrdinal(1));
      } else {
        elementSources.add(collection.getDataVector());
      }
      for (FieldVector source : elementSources) {
        FieldVector target = vectors.get(next++);
        for (int i = 0; i < count; i++) {
          if (elements[i] >= 0) {
            NestedValues.copy(source, elements[i], target, i);
          }
        }
      }
      for (FieldVector vector : vectors) {
        vector.setValueCount(count);
      }
      return new ColumnBatch(outputSchema, vectors, count);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  private static int[] grow(int[] array, int needed) {
    return needed < array.length ? array : java.util.Arrays.copyOf(array, array.length * 2);
  }
}
