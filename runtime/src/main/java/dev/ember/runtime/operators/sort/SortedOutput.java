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
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;

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
  /** Row numbers come in blocks of {@code 1 << BLOCK_BITS}; {@link #sourceOf} searches only the sources of one. */
  private static final int BLOCK_BITS = 10;
  /** The source holding the first row of each block. */
  private final int[] sourceOfBlock;
  /** Per column, the sources' buffer addresses when it can be copied by memory copies, else null. */
  private final FlatColumn[] flatColumns;

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
    this.sourceOfBlock = new int[(row >>> BLOCK_BITS) + 1];
    int source = 0;
    for (int block = 0; block < sourceOfBlock.length; block++) {
      while (source + 1 < sourceStarts.length && sourceStarts[source + 1] <= block << BLOCK_BITS) {
        source++;
      }
      sourceOfBlock[block] = source;
    }
    this.flatColumns = new FlatColumn[schema.length()];
    for (int column = 0; column < schema.length(); column++) {
      flatColumns[column] = FlatColumn.of(this.sources, column);
    }
  }

  /**
   * The buffer addresses of one fixed-width (not bit-packed) or string/binary column in every source,
   * read once: the copies then touch only the values, not the vector objects. {@code width} is -1
   * for strings and binaries.
   */
  private record FlatColumn(Class<?> vectorClass, int width, long[] validity, long[] data, long[] offsets,
      boolean[] mayHaveNulls) {
    static FlatColumn of(List<ColumnBatch> sources, int column) {
      if (sources.isEmpty()) {
        return null;
      }
      FieldVector first = sources.get(0).vector(column);
      int width;
      if (first instanceof BaseFixedWidthVector fixed && !(first instanceof BitVector)) {
        width = fixed.getTypeWidth();
      } else if (first instanceof BaseVariableWidthVector) {
        width = -1;
      } else {
        return null;
      }
      int count = sources.size();
      long[] validity = new long[count];
      long[] data = new long[count];
      long[] offsets = new long[count];
      boolean[] mayHaveNulls = new boolean[count];
      for (int source = 0; source < count; source++) {
        FieldVector vector = sources.get(source).vector(column);
        if (vector.getClass() != first.getClass()) {
          return null;
        }
        validity[source] = vector.getValidityBufferAddress();
        data[source] = vector.getDataBufferAddress();
        offsets[source] = width < 0 ? vector.getOffsetBufferAddress() : 0;
        mayHaveNulls[source] = vector.getNullCount() > 0;
      }
      return new FlatColumn(first.getClass(), width, validity, data, offsets, mayHaveNulls);
    }

    boolean isSet(int source, int row) {
      return !mayHaveNulls[source] || SortedOutput.isSet(validity[source], row);
    }

    /** Fills {@code target} (of this column's class, room for {@code rowCount}) from the listed rows. */
    void gather(FieldVector target, int[] source, int[] sourceRow, int rowCount) {
      long targetValidity = target.getValidityBufferAddress();
      MemoryUtil.setMemory(targetValidity, (rowCount + 7) / 8, (byte) 0);
      if (width >= 0) {
        long targetData = target.getDataBufferAddress();
        for (int out = 0; out < rowCount; out++) {
          int from = source[out];
          int row = sourceRow[out];
          if (isSet(from, row)) {
            setValid(targetValidity, out);
            copyValue(data[from] + (long) row * width, targetData + (long) out * width, width);
          }
        }
        return;
      }
      BaseVariableWidthVector variable = (BaseVariableWidthVector) target;
      long bytes = 0;
      for (int out = 0; out < rowCount; out++) {
        long entry = offsets[source[out]] + ((long) sourceRow[out] << 2);
        bytes += MemoryUtil.getInt(entry + 4) - MemoryUtil.getInt(entry);
      }
      ensureDataCapacity(variable, bytes, rowCount);
      long targetOffsets = variable.getOffsetBufferAddress();
      long targetData = variable.getDataBufferAddress();
      int end = 0;
      MemoryUtil.putInt(targetOffsets, 0);
      for (int out = 0; out < rowCount; out++) {
        int from = source[out];
        int row = sourceRow[out];
        if (isSet(from, row)) {
          setValid(targetValidity, out);
          long entry = offsets[from] + ((long) row << 2);
          int start = MemoryUtil.getInt(entry);
          int length = MemoryUtil.getInt(entry + 4) - start;
          MemoryUtil.copyMemory(data[from] + start, targetData + end, length);
          end += length;
        }
        MemoryUtil.putInt(targetOffsets + ((long) (out + 1) << 2), end);
      }
      variable.setLastSet(rowCount - 1);
    }
  }

  /** The source holding row {@code row}. */
  int sourceOf(int row) {
    int block = row >>> BLOCK_BITS;
    int low = sourceOfBlock[block];
    int high = block + 1 < sourceOfBlock.length ? sourceOfBlock[block + 1] + 1 : sourceStarts.length;
    int found = Arrays.binarySearch(sourceStarts, low, high, row);
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
      locate(order, first, batchRows, source, sourceRow);
      consumer.accept(copy(source, sourceRow, allocator), source, sourceRow);
    }
  }

  /** A new batch of the {@code batchRows} rows listed in {@code order} from position {@code first}. */
  ColumnBatch batch(ArrowBuf order, int first, int batchRows, BufferAllocator allocator) {
    int[] source = new int[batchRows];
    int[] sourceRow = new int[batchRows];
    locate(order, first, batchRows, source, sourceRow);
    return copy(source, sourceRow, allocator);
  }

  private void locate(ArrowBuf order, int first, int batchRows, int[] source, int[] sourceRow) {
    long rows = order.memoryAddress() + ((long) first << 2);
    for (int out = 0; out < batchRows; out++) {
      int row = MemoryUtil.getInt(rows + ((long) out << 2));
      source[out] = sourceOf(row);
      sourceRow[out] = row - sourceStarts[source[out]];
    }
  }

  private ColumnBatch copy(int[] source, int[] sourceRow, BufferAllocator allocator) {
    int rowCount = source.length;
    List<FieldVector> vectors = new ArrayList<>();
    try {
      vectors.addAll(ColumnBatch.allocateVectors(schema, allocator, rowCount));
      for (int column = 0; column < schema.length(); column++) {
        FieldVector target = vectors.get(column);
        FlatColumn flat = flatColumns[column];
        if (flat != null && flat.vectorClass() == target.getClass() && target.getValueCapacity() >= rowCount) {
          flat.gather(target, source, sourceRow, rowCount);
        } else if (!(target instanceof NullVector)) {
          for (int out = 0; out < rowCount; out++) {
            NestedValues.copy(sources.get(source[out]).vector(column), sourceRow[out], target, out);
          }
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
        if (!gatherFlat(target, column, from, fromRows, rowCount)) {
          for (int out = 0; out < rowCount; out++) {
            NestedValues.copy(from[out].vector(column), fromRows[out], target, out);
          }
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

  /**
   * Copies a void column, or a fixed-width (but not bit-packed) or string/binary column by memory copies, which is
   * where sorted output spends its time; false, copying nothing, for other columns. The sources
   * have the target's type, as they share the schema.
   */
  private static boolean gatherFlat(FieldVector target, int column, ColumnBatch[] from, int[] fromRows, int rowCount) {
    if (target instanceof NullVector) {
      // Every value is null: the value count set afterwards is all there is (Arrow cannot copy these).
      return true;
    }
    if (target.getValueCapacity() < rowCount) {
      return false;
    }
    for (int out = 0; out < rowCount; out++) {
      if (from[out].vector(column).getClass() != target.getClass()) {
        return false;
      }
    }
    if (target instanceof BaseFixedWidthVector fixed && !(target instanceof BitVector)) {
      gatherFixedWidth(fixed, column, from, fromRows, rowCount);
      return true;
    } else if (target instanceof BaseVariableWidthVector variable) {
      gatherVariableWidth(variable, column, from, fromRows, rowCount);
      return true;
    }
    return false;
  }

  private static boolean isSet(FieldVector vector, int row) {
    return isSet(vector.getValidityBufferAddress(), row);
  }

  private static boolean isSet(long validity, int row) {
    return (MemoryUtil.getByte(validity + (row >> 3)) >> (row & 7) & 1) != 0;
  }

  private static void copyValue(long from, long to, int width) {
    if (width == 8) {
      MemoryUtil.putLong(to, MemoryUtil.getLong(from));
    } else if (width == 4) {
      MemoryUtil.putInt(to, MemoryUtil.getInt(from));
    } else {
      MemoryUtil.copyMemory(from, to, width);
    }
  }

  private static void ensureDataCapacity(BaseVariableWidthVector target, long bytes, int rowCount) {
    if (bytes > Integer.MAX_VALUE) {
      throw new IllegalStateException("sorted output batch of " + rowCount + " rows needs " + bytes
          + " bytes of strings in column " + target.getName() + ", more than one vector holds");
    }
    if (target.getDataBuffer().capacity() < bytes) {
      target.reallocDataBuffer(bytes);
    }
  }

  private static void setValid(long validity, int row) {
    long address = validity + (row >> 3);
    MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) | (1 << (row & 7))));
  }

  private static void gatherFixedWidth(BaseFixedWidthVector target, int column, ColumnBatch[] from, int[] fromRows,
      int rowCount) {
    int width = target.getTypeWidth();
    long validity = target.getValidityBufferAddress();
    long data = target.getDataBufferAddress();
    MemoryUtil.setMemory(validity, (rowCount + 7) / 8, (byte) 0);
    for (int out = 0; out < rowCount; out++) {
      FieldVector source = from[out].vector(column);
      int row = fromRows[out];
      if (!isSet(source, row)) {
        continue;
      }
      setValid(validity, out);
      copyValue(source.getDataBufferAddress() + (long) row * width, data + (long) out * width, width);
    }
  }

  private static void gatherVariableWidth(BaseVariableWidthVector target, int column, ColumnBatch[] from,
      int[] fromRows, int rowCount) {
    long bytes = 0;
    for (int out = 0; out < rowCount; out++) {
      BaseVariableWidthVector source = (BaseVariableWidthVector) from[out].vector(column);
      long offsets = source.getOffsetBufferAddress() + ((long) fromRows[out] << 2);
      bytes += MemoryUtil.getInt(offsets + 4) - MemoryUtil.getInt(offsets);
    }
    ensureDataCapacity(target, bytes, rowCount);
    long validity = target.getValidityBufferAddress();
    long targetOffsets = target.getOffsetBufferAddress();
    long data = target.getDataBufferAddress();
    MemoryUtil.setMemory(validity, (rowCount + 7) / 8, (byte) 0);
    int end = 0;
    MemoryUtil.putInt(targetOffsets, 0);
    for (int out = 0; out < rowCount; out++) {
      BaseVariableWidthVector source = (BaseVariableWidthVector) from[out].vector(column);
      int row = fromRows[out];
      if (isSet(source, row)) {
        setValid(validity, out);
        long offsets = source.getOffsetBufferAddress() + ((long) row << 2);
        int start = MemoryUtil.getInt(offsets);
        int length = MemoryUtil.getInt(offsets + 4) - start;
        MemoryUtil.copyMemory(source.getDataBufferAddress() + start, data + end, length);
        end += length;
      }
      MemoryUtil.putInt(targetOffsets + ((long) (out + 1) << 2), end);
    }
    target.setLastSet(rowCount - 1);
  }
}
