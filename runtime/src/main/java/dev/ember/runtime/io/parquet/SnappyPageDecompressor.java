package dev.ember.runtime.io.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.xerial.snappy.Snappy;

/**
 * Snappy pages decompressed in one call from the column chunk's heap buffer into the page's array.
 * parquet-mr's Snappy codec goes through a Hadoop decompressor stream: it copies each page into a
 * direct buffer, decompresses into another, and streams that into a new array, which cost a fifth of
 * the decompression time and a third of a scan's allocations. The length a page declares is checked
 * against its header before anything is written, so a corrupt page is an error, never a write past
 * the array.
 */
final class SnappyPageDecompressor implements BytesInputDecompressor {
  @Override
  public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
    ByteBuffer input = bytes.toByteBuffer();
    byte[] output = new byte[uncompressedSize];
    if (input.hasArray()) {
      decompress(input.array(), input.arrayOffset() + input.position(), input.remaining(), output);
    } else {
      byte[] copy = new byte[input.remaining()];
      input.duplicate().get(copy);
      decompress(copy, 0, copy.length, output);
    }
    return BytesInput.from(output);
  }

  @Override
  public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
      throws IOException {
    byte[] compressed = new byte[compressedSize];
    input.duplicate().get(compressed);
    byte[] decompressed = new byte[uncompressedSize];
    decompress(compressed, 0, compressedSize, decompressed);
    output.put(decompressed);
  }

  static void decompress(byte[] input, int offset, int length, byte[] output) throws IOException {
    int declared = declaredLength(input, offset, length);
    if (declared != output.length) {
      throw new IOException("Corrupt Snappy page: it decompresses to " + declared + " bytes, its header says "
          + output.length);
    }
    int produced;
    try {
      produced = Snappy.uncompress(input, offset, length, output, 0);
    } catch (IOException | RuntimeException e) {
      throw new IOException("Corrupt Snappy page: " + e.getMessage(), e);
    }
    if (produced != output.length) {
      throw new IOException("Corrupt Snappy page: it decompressed to " + produced + " bytes, its header says "
          + output.length);
    }
  }

  /**
   * The uncompressed length a Snappy block starts with: a little-endian base-128 varint of at most
   * five bytes. Read here rather than through snappy-java, whose native call pins the array and was
   * an eighth of a scan's samples.
   */
  static int declaredLength(byte[] input, int offset, int length) throws IOException {
    int value = 0;
    for (int i = 0; i < 5; i++) {
      if (i >= length) {
        throw new IOException("Corrupt Snappy page: it ends inside its length header");
      }
      int octet = input[offset + i] & 0xFF;
      if (i == 4 && octet > 0x07) {
        throw new IOException("Corrupt Snappy page: its length header is larger than 2 GB");
      }
      value |= (octet & 0x7F) << (7 * i);
      if ((octet & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("Corrupt Snappy page: its length header is longer than five bytes");
  }

  @Override
  public void release() {}
}
