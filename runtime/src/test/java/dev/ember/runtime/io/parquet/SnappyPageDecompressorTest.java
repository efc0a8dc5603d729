package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.apache.parquet.bytes.BytesInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xerial.snappy.Snappy;

class SnappyPageDecompressorTest {
  private final SnappyPageDecompressor decompressor = new SnappyPageDecompressor();

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 100, 65_536, 1_048_583})
  void pagesInsideALargerBufferDecompress(int size) throws IOException {
    byte[] page = page(size);
    byte[] compressed = Snappy.compress(page);
    // A page is a slice of its column chunk's buffer: bytes before and after it must not be read.
    byte[] chunk = new byte[compressed.length + 20];
    java.util.Arrays.fill(chunk, (byte) 0x5A);
    System.arraycopy(compressed, 0, chunk, 7, compressed.length);
    ByteBuffer slice = ByteBuffer.wrap(chunk, 7, compressed.length).slice();

    byte[] back = decompressor.decompress(BytesInput.from(slice), size).toByteArray();

    assertArrayEquals(page, back);
  }

  @Test
  void directBuffersDecompressToo() throws IOException {
    byte[] page = page(10_000);
    byte[] compressed = Snappy.compress(page);
    ByteBuffer direct = ByteBuffer.allocateDirect(compressed.length);
    direct.put(compressed).flip();

    assertArrayEquals(page, decompressor.decompress(BytesInput.from(direct), page.length).toByteArray());

    ByteBuffer output = ByteBuffer.allocate(page.length);
    decompressor.decompress(ByteBuffer.wrap(compressed), compressed.length, output, page.length);
    assertArrayEquals(page, output.array());
  }

  @Test
  void aPageLongerThanItsHeaderSaysIsCorruptBeforeAnythingIsWritten() throws IOException {
    byte[] compressed = Snappy.compress(page(5_000));

    IOException error = assertThrows(IOException.class,
        () -> decompressor.decompress(BytesInput.from(compressed), 4_000));

    assertTrue(error.getMessage().startsWith("Corrupt Snappy page: it decompresses to 5000 bytes, its header says 4000"),
        error.getMessage());
  }

  @Test
  void garbageIsAnErrorNamingTheCodec() {
    byte[] garbage = new byte[64];
    new SplittableRandom(5).nextBytes(garbage);
    // A plausible length (1000 as a varint) followed by noise.
    garbage[0] = (byte) 0xE8;
    garbage[1] = 0x07;

    IOException error = assertThrows(IOException.class, () -> decompressor.decompress(BytesInput.from(garbage), 1000));

    assertTrue(error.getMessage().startsWith("Corrupt Snappy page"), error.getMessage());
  }

  @Test
  void aTruncatedPageIsAnError() throws IOException {
    byte[] page = page(50_000);
    byte[] compressed = Snappy.compress(page);
    byte[] truncated = java.util.Arrays.copyOf(compressed, compressed.length / 2);

    IOException error = assertThrows(IOException.class,
        () -> decompressor.decompress(BytesInput.from(truncated), page.length));

    assertTrue(error.getMessage().startsWith("Corrupt Snappy page"), error.getMessage());
  }

  @Test
  void theLengthHeaderIsReadAsSnappyWritesIt() throws IOException {
    for (int size : new int[] {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 3_000_000}) {
      byte[] compressed = Snappy.compress(new byte[size]);
      org.junit.jupiter.api.Assertions.assertEquals(size,
          SnappyPageDecompressor.declaredLength(compressed, 0, compressed.length), "size " + size);
    }
    byte[] tooLong = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
    assertTrue(assertThrows(IOException.class, () -> SnappyPageDecompressor.declaredLength(tooLong, 0, 6))
        .getMessage().contains("larger than 2 GB"));
    byte[] cut = {(byte) 0x80, (byte) 0x80};
    assertTrue(assertThrows(IOException.class, () -> SnappyPageDecompressor.declaredLength(cut, 0, 2))
        .getMessage().contains("ends inside its length header"));
  }

  private static byte[] page(int size) {
    return HadoopLz4CodecTest.page(size);
  }
}
