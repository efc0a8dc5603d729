package dev.ember.runtime.io.parquet;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's deprecated {@code LZ4} codec, which Spark 4.2 writes for {@code compression=lz4}: LZ4
 * blocks in Hadoop's framing. Each frame is the uncompressed length (4 bytes, big-endian) and then
 * compressed chunks, each its compressed length (4 bytes, big-endian) and an LZ4 block, until the
 * frame's bytes are produced. Hadoop's own codec needs lz4-java, which Ember does not ship; this one
 * uses aircompressor's LZ4 blocks (a parquet-hadoop dependency). Pages that are not framed (some
 * old non-Java writers put a bare LZ4 block under this codec) are read as one bare block.
 */
final class HadoopLz4Codec {
  /** Hadoop's default LZ4 buffer ({@code io.compression.codec.lz4.buffersize}): the largest frame it reads. */
  static final int FRAME_BYTES = 256 * 1024;

  private HadoopLz4Codec() {}

  static BytesInputCompressor compressor() {
    return new BytesInputCompressor() {
      private final Lz4Compressor compressor = new Lz4Compressor();

      @Override
      public BytesInput compress(BytesInput bytes) throws IOException {
        byte[] input = bytes.toByteArray();
        if (input.length == 0) {
          return BytesInput.empty();
        }
        // Incompressible data grows a little, so frames hold a bit less than Hadoop's buffer.
        int frameBytes = FRAME_BYTES - 1024;
        int frames = Math.max(1, (input.length + frameBytes - 1) / frameBytes);
        byte[] output = new byte[frames * (8 + compressor.maxCompressedLength(frameBytes))];
        int at = 0;
        for (int start = 0; start < input.length; start += frameBytes) {
          int length = Math.min(frameBytes, input.length - start);
          putBigEndianInt(output, at, length);
          int compressed = compressor.compress(input, start, length, output, at + 8, output.length - at - 8);
          putBigEndianInt(output, at + 4, compressed);
          at += 8 + compressed;
        }
        return BytesInput.from(output, 0, at);
      }

      @Override
      public CompressionCodecName getCodecName() {
        return CompressionCodecName.LZ4;
      }

      @Override
      public void release() {}
    };
  }

  static BytesInputDecompressor decompressor() {
    return new BytesInputDecompressor() {
      @Override
      public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
        byte[] input = bytes.toByteArray();
        byte[] output = new byte[uncompressedSize];
        HadoopLz4Codec.decompress(input, 0, input.length, output);
        return BytesInput.from(output);
      }

      @Override
      public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
          throws IOException {
        byte[] in = new byte[compressedSize];
        input.duplicate().get(in);
        byte[] out = new byte[uncompressedSize];
        HadoopLz4Codec.decompress(in, 0, compressedSize, out);
        output.put(out);
      }

      @Override
      public void release() {}
    };
  }

  static void decompress(byte[] input, int offset, int length, byte[] output) throws IOException {
    if (output.length == 0) {
      return;
    }
    try {
      if (decompressFramed(input, offset, length, output)) {
        return;
      }
    } catch (RuntimeException notFramed) {
      // Fall through to a bare block, as Arrow's C++ reader does for such files.
    }
    try {
      int produced = new Lz4Decompressor().decompress(input, offset, length, output, 0, output.length);
      if (produced == output.length) {
        return;
      }
    } catch (RuntimeException e) {
      throw new IOException("Corrupt LZ4 page: neither Hadoop-framed nor a bare LZ4 block of "
          + output.length + " bytes (" + e.getMessage() + ")", e);
    }
    throw new IOException("Corrupt LZ4 page: it does not decompress to its " + output.length + " bytes");
  }

  /** False when the bytes do not parse as frames adding up to exactly {@code output.length}. */
  private static boolean decompressFramed(byte[] input, int offset, int length, byte[] output) {
    Lz4Decompressor decompressor = new Lz4Decompressor();
    int at = offset;
    int end = offset + length;
    int produced = 0;
    while (at < end) {
      if (end - at < 4) {
        return false;
      }
      int frameLength = bigEndianInt(input, at);
      at += 4;
      if (frameLength < 0 || frameLength > output.length - produced) {
        return false;
      }
      int frameEnd = produced + frameLength;
      while (produced < frameEnd) {
        if (end - at < 4) {
          return false;
        }
        int chunkLength = bigEndianInt(input, at);
        at += 4;
        if (chunkLength <= 0 || chunkLength > end - at) {
          return false;
        }
        produced += decompressor.decompress(input, at, chunkLength, output, produced, frameEnd - produced);
        at += chunkLength;
      }
      if (produced != frameEnd) {
        return false;
      }
    }
    return produced == output.length;
  }

  private static int bigEndianInt(byte[] bytes, int at) {
    return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
        | (bytes[at + 3] & 0xFF);
  }

  private static void putBigEndianInt(byte[] bytes, int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }
}
