package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Decimals stored as BINARY (big-endian two's complement of any length up to 16 bytes): read as
 * binary into a scratch vector, then widened to 128 bits. Spark never writes these, so this path is
 * simple rather than fast.
 */
final class BinaryDecimalColumnReader implements ColumnChunkReader {
  private final BinaryColumnReader binary;
  private final VarBinaryVector scratch;

  BinaryDecimalColumnReader(BinaryColumnReader binary, BufferAllocator allocator, int batchRows) {
    this.binary = binary;
    this.scratch = new VarBinaryVector("decimal-bytes", allocator);
    scratch.setInitialCapacity(batchRows, 16);
    scratch.allocateNew();
  }

  @Override
  public void read(FieldVector vector, int rows) {
    scratch.reset();
    binary.read(scratch, rows);
    widen((DecimalVector) vector, rows);
  }

  @Override
  public void readSelected(FieldVector vector, int rows, int[] selection, int selected) {
    scratch.reset();
    binary.readSelected(scratch, rows, selection, selected);
    widen((DecimalVector) vector, selected);
  }

  @Override
  public void skip(int rows) {
    binary.skip(rows);
  }

  /** Turns the first {@code rows} byte strings of the scratch vector into {@code target}'s decimals. */
  private void widen(DecimalVector target, int rows) {
    long offsets = scratch.getOffsetBuffer().memoryAddress();
    long data = scratch.getDataBuffer().memoryAddress();
    long values = target.getDataBuffer().memoryAddress();
    for (int row = 0; row < rows; row++) {
      if (scratch.isNull(row)) {
        continue;
      }
      int start = MemoryUtil.getInt(offsets + 4L * row);
      int length = MemoryUtil.getInt(offsets + 4L * row + 4) - start;
      if (length > 16) {
        throw new IllegalStateException("A decimal of " + length + " bytes in row " + row + " does not fit 128 bits");
      }
      long at = values + (long) DecimalVector.TYPE_WIDTH * row;
      if (length == 0) {
        MemoryUtil.putLong(at, 0L);
        MemoryUtil.putLong(at + 8, 0L);
      } else {
        FixedWidthConversion.bigEndianToDecimal(data + start, length, at);
      }
      NullPlacement.setBit(target.getValidityBuffer().memoryAddress(), row);
    }
  }

  @Override
  public void close() {
    try {
      binary.close();
    } finally {
      scratch.close();
    }
  }
}
