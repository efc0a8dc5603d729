package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.airlift.compress.lz4.Lz4Compressor;
import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HadoopLz4CodecTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 100, 65_536, HadoopLz4Codec.FRAME_BYTES, 3 * HadoopLz4Codec.FRAME_BYTES + 17})
  void framedPagesRoundTrip(int size) throws IOException {
    byte[] page = page(size);

    BytesInput compressed = HadoopLz4Codec.compressor().compress(BytesInput.from(page));
    byte[] framed = compressed.toByteArray();
    byte[] back = HadoopLz4Codec.decompressor().decompress(BytesInput.from(framed), size).toByteArray();

    assertArrayEquals(page, back);
    // Hadoop's framing: the first frame starts with its uncompressed length, big-endian.
    int firstFrame = ((framed[0] & 0xFF) << 24) | ((framed[1] & 0xFF) << 16) | ((framed[2] & 0xFF) << 8)
        | (framed[3] & 0xFF);
    assertEquals(Math.min(size, HadoopLz4Codec.FRAME_BYTES - 1024), firstFrame);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000, 70_000})
  void bareLz4BlocksAreReadToo(int size) throws IOException {
    byte[] page = page(size);
    Lz4Compressor compressor = new Lz4Compressor();
    byte[] block = new byte[compressor.maxCompressedLength(size)];
    int length = compressor.compress(page, 0, size, block, 0, block.length);

    byte[] back = HadoopLz4Codec.decompressor().decompress(BytesInput.from(block, 0, length), size).toByteArray();

    assertArrayEquals(page, back);
  }

  @Test
  void emptyPagesStayEmpty() throws IOException {
    assertEquals(0, HadoopLz4Codec.compressor().compress(BytesInput.empty()).size());
    assertEquals(0, HadoopLz4Codec.decompressor().decompress(BytesInput.empty(), 0).size());
  }

  @Test
  void garbageIsAnErrorNamingTheCodec() {
    int size = 1000;
    BytesInputDecompressor decompressor = HadoopLz4Codec.decompressor();
    byte[] garbage = new byte[64];
    new SplittableRandom(3).nextBytes(garbage);

    IOException error = assertThrows(IOException.class,
        () -> decompressor.decompress(BytesInput.from(garbage), size).toByteArray());

    org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().startsWith("Corrupt LZ4 page"), error.getMessage());
  }

  /** Half repetitive, half random: compressible, but not trivially (the Snappy tests use it too). */
  static byte[] page(int size) {
    byte[] bytes = new byte[size];
    SplittableRandom random = new SplittableRandom(size);
    for (int i = 0; i < size; i++) {
      bytes[i] = i % 64 < 32 ? (byte) (i % 7) : (byte) random.nextInt(256);
    }
    return bytes;
  }
}
