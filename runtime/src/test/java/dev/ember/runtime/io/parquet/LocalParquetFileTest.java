package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalParquetFileTest {
  @TempDir
  Path directory;

  @Test
  void readsIntoHeapBuffersAtTheirPositionAndDirectBuffers() throws IOException {
    byte[] content = new byte[10_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    Path file = Files.write(directory.resolve("data.parquet"), content);
    LocalParquetFile input = new LocalParquetFile(file, "data.parquet");
    assertEquals(10_000, input.getLength());
    assertEquals("data.parquet", input.toString());

    try (SeekableInputStream stream = input.newStream()) {
      stream.seek(100);
      // A buffer whose array starts before its position: the bytes land after the position only.
      ByteBuffer heap = ByteBuffer.wrap(new byte[300], 50, 200).slice();
      heap.position(10);
      stream.readFully(heap);
      assertEquals(200, heap.position());
      assertArrayEquals(Arrays.copyOfRange(content, 100, 290), Arrays.copyOfRange(heap.array(), 60, 250));
      assertEquals(290, stream.getPos());

      ByteBuffer direct = ByteBuffer.allocateDirect(500);
      stream.readFully(direct);
      direct.flip();
      byte[] read = new byte[500];
      direct.get(read);
      assertArrayEquals(Arrays.copyOfRange(content, 290, 790), read);

      stream.seek(9_990);
      ByteBuffer pastTheEnd = ByteBuffer.allocate(20);
      assertThrows(EOFException.class, () -> stream.readFully(pastTheEnd));
      stream.seek(9_990);
      ByteBuffer directPastTheEnd = ByteBuffer.allocateDirect(20);
      assertThrows(EOFException.class, () -> stream.readFully(directPastTheEnd));
    }
  }
}
