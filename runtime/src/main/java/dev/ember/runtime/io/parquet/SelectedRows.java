package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies chosen rows of a decoded vector into a fresh one, densely: the filter columns of a late
 * materialised batch were decoded for more rows than the filter kept. Raw copies for the flat
 * layouts the Parquet reader produces; Arrow's row copy for anything else.
 */
final class SelectedRows {
  private SelectedRows() {}

  /**
   * Copies rows {@code rows[0 … count)} (ascending) of {@code source} to rows {@code 0 … count} of
   * {@code target}, a freshly allocated (all null) vector of the same type with room for them. The
   * caller sets the value count.
   */
  static void copy(FieldVector source, int[] rows, int count, FieldVector target) {
    if (source instanceof BitVector) {
      copyBits(source, rows, count, target);
    } else if (source instanceof BaseFixedWidthVector fixed) {
      copyFixedWidth(fixed, rows, count, (BaseFixedWidthVector) target);
    } else if (source instanceof BaseVariableWidthVector variable) {
      copyVariableWidth(variable, rows, count, (BaseVariableWidthVector) target);
    } else {
      for (int i = 0; i < count; i++) {
        target.copyFromSafe(rows[i], i, source);
      }
    }
  }

  private static void copyBits(FieldVector source, int[] rows, int count, FieldVector target) {
    long sourceData = source.getDataBuffer().memoryAddress();
    long targetData = target.getDataBuffer().memoryAddress();
    long sourceValidity = source.getValidityBuffer().memoryAddress();
    long targetValidity = target.getValidityBuffer().memoryAddress();
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      if (bit(sourceValidity, row)) {
        NullPlacement.setBit(targetValidity, i);
        if (bit(sourceData, row)) {
          NullPlacement.setBit(targetData, i);
        }
      }
    }
  }

  private static void copyFixedWidth(BaseFixedWidthVector source, int[] rows, int count, BaseFixedWidthVector target) {
    int width = source.getTypeWidth();
    long sourceData = source.getDataBuffer().memoryAddress();
    long targetData = target.getDataBuffer().memoryAddress();
    long sourceValidity = source.getValidityBuffer().memoryAddress();
    long targetValidity = target.getValidityBuffer().memoryAddress();
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      // Null rows' bytes are copied too: the reader leaves them zero, and kernels may read them.
      switch (width) {
        case 4 -> MemoryUtil.putInt(targetData + 4L * i, MemoryUtil.getInt(sourceData + 4L * row));
        case 8 -> MemoryUtil.putLong(targetData + 8L * i, MemoryUtil.getLong(sourceData + 8L * row));
        default -> MemoryUtil.copyMemory(sourceData + (long) width * row, targetData + (long) width * i, width);
      }
      if (bit(sourceValidity, row)) {
        NullPlacement.setBit(targetValidity, i);
      }
    }
  }

  private static void copyVariableWidth(BaseVariableWidthVector source, int[] rows, int count,
      BaseVariableWidthVector target) {
    long sourceOffsets = source.getOffsetBuffer().memoryAddress();
    long total = 0;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      total += MemoryUtil.getInt(sourceOffsets + 4L * row + 4) - MemoryUtil.getInt(sourceOffsets + 4L * row);
    }
    VariableWidthVectors.ensureDataCapacity(target, total);
    long sourceData = source.getDataBuffer().memoryAddress();
    long sourceValidity = source.getValidityBuffer().memoryAddress();
    long targetData = target.getDataBuffer().memoryAddress();
    long targetOffsets = target.getOffsetBuffer().memoryAddress();
    long targetValidity = target.getValidityBuffer().memoryAddress();
    int offset = 0;
    MemoryUtil.putInt(targetOffsets, 0);
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int start = MemoryUtil.getInt(sourceOffsets + 4L * row);
      int length = MemoryUtil.getInt(sourceOffsets + 4L * row + 4) - start;
      MemoryUtil.copyMemory(sourceData + start, targetData + offset, length);
      offset += length;
      MemoryUtil.putInt(targetOffsets + 4L * (i + 1), offset);
      if (bit(sourceValidity, row)) {
        NullPlacement.setBit(targetValidity, i);
      }
    }
    if (count > 0) {
      target.setLastSet(count - 1);
    }
  }

  private static boolean bit(long bits, int index) {
    return ((MemoryUtil.getByte(bits + (index >>> 3)) >>> (index & 7)) & 1) != 0;
  }
}
