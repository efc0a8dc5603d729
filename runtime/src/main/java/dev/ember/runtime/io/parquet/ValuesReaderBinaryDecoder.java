package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;

/**
 * DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY through parquet-mr's {@link ValuesReader}, one call
 * per value; these encodings are uncommon (Spark writes them only with data page v2).
 */
final class ValuesReaderBinaryDecoder implements BinaryValuesDecoder {
  private final ValuesReader reader;

  ValuesReaderBinaryDecoder(ValuesReader reader) {
    this.reader = reader;
  }

  @Override
  public void read(int count, BaseVariableWidthVector vector, int startRow) {
    int offset = VariableWidthVectors.startOffset(vector, startRow);
    long offsets = vector.getOffsetBuffer().memoryAddress() + 4L * (startRow + 1);
    for (int i = 0; i < count; i++) {
      Binary value = reader.readBytes();
      int length = value.length();
      VariableWidthVectors.ensureDataCapacity(vector, (long) offset + length);
      byte[] bytes = value.getBytesUnsafe();
      MemoryUtil.copyToMemory(bytes, 0, vector.getDataBuffer().memoryAddress() + offset, length);
      offset += length;
      MemoryUtil.putInt(offsets + 4L * i, offset);
    }
  }

  @Override
  public void readSelected(int count, int[] positions, int selected, BaseVariableWidthVector vector, int startRow) {
    int offset = VariableWidthVectors.startOffset(vector, startRow);
    long offsets = vector.getOffsetBuffer().memoryAddress() + 4L * (startRow + 1);
    int next = 0;
    for (int i = 0; i < count; i++) {
      if (next < selected && positions[next] == i) {
        Binary value = reader.readBytes();
        int length = value.length();
        VariableWidthVectors.ensureDataCapacity(vector, (long) offset + length);
        MemoryUtil.copyToMemory(value.getBytesUnsafe(), 0, vector.getDataBuffer().memoryAddress() + offset, length);
        offset += length;
        MemoryUtil.putInt(offsets + 4L * next++, offset);
      } else {
        reader.skip();
      }
    }
  }

  @Override
  public void skip(int count) {
    for (int i = 0; i < count; i++) {
      reader.skip();
    }
  }
}
