package dev.ember.runtime.io.parquet;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The rarer encodings (DELTA_BINARY_PACKED, BYTE_STREAM_SPLIT, DELTA_BYTE_ARRAY for fixed-length
 * arrays …) through parquet-mr's own {@link ValuesReader}: one call per value, which is acceptable
 * only because these encodings are uncommon.
 */
final class ValuesReaderFixedWidthDecoder implements FixedWidthValuesDecoder {
  private final ValuesReader reader;
  private final PrimitiveTypeName type;
  private final int width;

  ValuesReaderFixedWidthDecoder(ValuesReader reader, PrimitiveTypeName type, int width) {
    this.reader = reader;
    this.type = type;
    this.width = width;
  }

  @Override
  public void read(int count, long address) {
    switch (type) {
      case BOOLEAN -> {
        for (int i = 0; i < count; i++) {
          MemoryUtil.putByte(address + i, (byte) (reader.readBoolean() ? 1 : 0));
        }
      }
      case INT32 -> {
        for (int i = 0; i < count; i++) {
          MemoryUtil.putInt(address + 4L * i, reader.readInteger());
        }
      }
      case FLOAT -> {
        for (int i = 0; i < count; i++) {
          MemoryUtil.putInt(address + 4L * i, Float.floatToRawIntBits(reader.readFloat()));
        }
      }
      case INT64 -> {
        for (int i = 0; i < count; i++) {
          MemoryUtil.putLong(address + 8L * i, reader.readLong());
        }
      }
      case DOUBLE -> {
        for (int i = 0; i < count; i++) {
          MemoryUtil.putLong(address + 8L * i, Double.doubleToRawLongBits(reader.readDouble()));
        }
      }
      default -> {
        for (int i = 0; i < count; i++) {
          Binary value = reader.readBytes();
          if (value.length() != width) {
            throw new IllegalStateException("Value of " + value.length() + " bytes in a column of width " + width);
          }
          byte[] bytes = value.getBytesUnsafe();
          MemoryUtil.copyToMemory(bytes, 0, address + (long) i * width, width);
        }
      }
    }
  }

  @Override
  public void readSelected(int count, int[] positions, int selected, long address) {
    int next = 0;
    for (int i = 0; i < count; i++) {
      if (next < selected && positions[next] == i) {
        // One value per call: these encodings are rare, and the switch is cheap next to parquet-mr's reader.
        read(1, address + (long) width * next++);
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
