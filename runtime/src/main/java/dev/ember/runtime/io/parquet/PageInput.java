package dev.ember.runtime.io.parquet;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.BytesInput;

/**
 * A cursor over the bytes of one (decompressed) page section, on the heap so that the decoders read
 * it through array-view var handles, which the JIT turns into plain loads without bounds checks
 * per byte. Reading past {@link #limit()} fails with an exception naming the section.
 */
final class PageInput {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] bytes;
  private final int limit;
  private int position;

  PageInput(byte[] bytes, int position, int limit) {
    if (position < 0 || limit > bytes.length || position > limit) {
      throw new IllegalArgumentException("Page section [" + position + ", " + limit + ") is outside "
          + bytes.length + " bytes");
    }
    this.bytes = bytes;
    this.position = position;
    this.limit = limit;
  }

  /** The bytes of {@code input}, without a copy when parquet-mr already holds them in a heap array. */
  static PageInput of(BytesInput input) throws IOException {
    ByteBuffer buffer = input.toByteBuffer();
    if (buffer.hasArray()) {
      int start = buffer.arrayOffset() + buffer.position();
      return new PageInput(buffer.array(), start, start + buffer.remaining());
    }
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return new PageInput(copy, 0, copy.length);
  }

  byte[] array() {
    return bytes;
  }

  int position() {
    return position;
  }

  int limit() {
    return limit;
  }

  int remaining() {
    return limit - position;
  }

  /** Moves past {@code count} bytes that the caller read straight from {@link #array()}. */
  void skip(int count) {
    require(count);
    position += count;
  }

  /** The next {@code length} bytes as their own input; this one moves past them. */
  PageInput slice(int length) {
    require(length);
    PageInput slice = new PageInput(bytes, position, position + length);
    position += length;
    return slice;
  }

  int readUnsignedByte() {
    require(1);
    return bytes[position++] & 0xFF;
  }

  int readIntLittleEndian() {
    require(4);
    int value = (int) INT.get(bytes, position);
    position += 4;
    return value;
  }

  /** ULEB128, as in the RLE/bit-packed hybrid run headers. */
  int readUnsignedVarInt() {
    int value = 0;
    int shift = 0;
    while (true) {
      int next = readUnsignedByte();
      value |= (next & 0x7F) << shift;
      if ((next & 0x80) == 0) {
        return value;
      }
      shift += 7;
      if (shift > 28) {
        throw new IllegalStateException("Malformed variable-length integer in Parquet page at byte " + position);
      }
    }
  }

  /** A little-endian value of {@code byteCount} (0–4) bytes, as RLE runs store their repeated value. */
  int readPaddedInt(int byteCount) {
    require(byteCount);
    int value = 0;
    for (int i = 0; i < byteCount; i++) {
      value |= (bytes[position + i] & 0xFF) << (8 * i);
    }
    position += byteCount;
    return value;
  }

  static int getInt(byte[] bytes, int offset) {
    return (int) INT.get(bytes, offset);
  }

  static long getLong(byte[] bytes, int offset) {
    return (long) LONG.get(bytes, offset);
  }

  void require(int count) {
    if (count < 0 || count > limit - position) {
      throw new IllegalStateException("Parquet page is truncated: needs " + count + " more bytes at byte "
          + position + " but has " + (limit - position));
    }
  }
}
