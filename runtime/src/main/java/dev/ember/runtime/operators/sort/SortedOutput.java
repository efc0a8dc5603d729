package dev.ember.runtime.operators.sort;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies rows, in a given order, out of source batches into new batches of at most
 * {@link SortSink#BATCH_ROWS} rows. Rows are numbered across the sources in list order.
 */
final class SortedOutput {
  private final StructType schema;
  private final List<ColumnBatch> sources;
  /** Row number of each source's first row. */
  private final int[] sourceStarts;
  private final String operator;

  SortedOutput(StructType schema, List<ColumnBatch> sources, String operator) {
    this.schema = schema;
    this.sources = List.copyOf(sources);
    this.sourceStarts = new int[sources.size()];
    int row = 0;
    for (int i = 0; i < sources.size(); i++) {
      sourceStarts[i] = row;
      row += sources.get(i).rowCount();
    }
    this.operator = operator;
  }

  /** The source holding row {@code row}. */
  int sourceOf(int row) {
    int found = Arrays.binarySearch(sourceStarts, row);
    if (found >= 0) {
      // Several sources may start at the same row only if some are empty; take the last of them.
      while (found + 1 < sourceStarts.length && sourceStarts[found + 1] == row) {
        found++;
      }
      return found;
    }
    return -found - 2;
  }

  int sourceStart(int source) {
    return sourceStarts[source];
  }

  /** Batches of the first {@code rowCount} rows listed in {@code order} (int row numbers); the caller owns them. */
  List<ColumnBatch> write(ArrowBuf order, int rowCount, BufferAllocator allocator) {
    List<ColumnBatch> output = new ArrayList<>();
    try {
      for (int first = 0; first < rowCount; first += SortSink.BATCH_ROWS) {
        output.add(copy(order.memoryAddress() + ((long) first << 2), Math.min(SortSink.BATCH_ROWS, rowCount - first),
            allocator));
      }
      return output;
    } catch (RuntimeException e) {
      output.forEach(ColumnBatch::close);
      throw e;
    }
  }

  private ColumnBatch copy(long rows, int rowCount, BufferAllocator allocator) {
    int[] source = new int[rowCount];
    int[] sourceRow = new int[rowCount];
    for (int out = 0; out < rowCount; out++) {
      int row = MemoryUtil.getInt(rows + ((long) out << 2));
      source[out] = sourceOf(row);
      sourceRow[out] = row - sourceStarts[source[out]];
    }
    List<FieldVector> vectors = new ArrayList<>();
    try {
      vectors.addAll(ColumnBatch.allocateVectors(schema, allocator, rowCount));
      for (int column = 0; column < schema.length(); column++) {
        FieldVector target = vectors.get(column);
        for (int out = 0; out < rowCount; out++) {
          NestedValues.copy(sources.get(source[out]).vector(column), sourceRow[out], target, out);
        }
        target.setValueCount(rowCount);
      }
      return new ColumnBatch(schema, vectors, rowCount);
    } catch (OutOfMemoryException e) {
      vectors.forEach(FieldVector::close);
      throw OperatorMemory.refused(allocator, e, operator);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }
}
