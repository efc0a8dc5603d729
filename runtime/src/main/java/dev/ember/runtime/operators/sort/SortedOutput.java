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

  /** Receives the batches {@link #writeEach} makes, with the source and source row of each of their rows. */
  interface SortedBatchConsumer {
    /** Takes ownership of {@code batch}; row {@code i} was row {@code sourceRows[i]} of source {@code sources[i]}. */
    void accept(ColumnBatch batch, int[] sources, int[] sourceRows);
  }

  /** Batches of the first {@code rowCount} rows listed in {@code order} (int row numbers); the caller owns them. */
  List<ColumnBatch> write(ArrowBuf order, int rowCount, BufferAllocator allocator) {
    List<ColumnBatch> output = new ArrayList<>();
    try {
      writeEach(order, rowCount, allocator, (batch, sources, sourceRows) -> output.add(batch));
      return output;
    } catch (RuntimeException e) {
      output.forEach(ColumnBatch::close);
      throw e;
    }
  }

  /**
   * Hands {@code consumer} the first {@code rowCount} rows listed in {@code order}, one batch at a
   * time, so a caller that writes them away (a spilled run) never holds more than one copied batch.
   */
  void writeEach(ArrowBuf order, int rowCount, BufferAllocator allocator, SortedBatchConsumer consumer) {
    for (int first = 0; first < rowCount; first += SortSink.BATCH_ROWS) {
      int batchRows = Math.min(SortSink.BATCH_ROWS, rowCount - first);
      int[] source = new int[batchRows];
      int[] sourceRow = new int[batchRows];
      long rows = order.memoryAddress() + ((long) first << 2);
      for (int out = 0; out < batchRows; out++) {
        int row = MemoryUtil.getInt(rows + ((long) out << 2));
        source[out] = sourceOf(row);
        sourceRow[out] = row - sourceStarts[source[out]];
      }
      consumer.accept(copy(source, sourceRow, allocator), source, sourceRow);
    }
  }

  private ColumnBatch copy(int[] source, int[] sourceRow, BufferAllocator allocator) {
    ColumnBatch[] from = new ColumnBatch[source.length];
    for (int out = 0; out < source.length; out++) {
      from[out] = sources.get(source[out]);
    }
    return gather(schema, from, sourceRow, source.length, allocator, operator);
  }

  /**
   * A new batch of {@code rowCount} rows, row {@code i} copied from row {@code fromRows[i]} of
   * {@code from[i]}; only the first {@code schema.length()} columns of the sources are read.
   */
  static ColumnBatch gather(StructType schema, ColumnBatch[] from, int[] fromRows, int rowCount,
      BufferAllocator allocator, String operator) {
    List<FieldVector> vectors = new ArrayList<>();
    try {
      vectors.addAll(ColumnBatch.allocateVectors(schema, allocator, rowCount));
      for (int column = 0; column < schema.length(); column++) {
        FieldVector target = vectors.get(column);
        for (int out = 0; out < rowCount; out++) {
          NestedValues.copy(from[out].vector(column), fromRows[out], target, out);
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
