package dev.ember.runtime.io.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet file for parquet-mr. Its stream reads column chunks straight into the heap buffers
 * parquet-mr allocates for them; parquet-mr's own {@code LocalInputFile} reads each chunk into a
 * temporary array first and copies it, which doubled the bytes a scan allocated. The name given is
 * what parquet-mr prints in its messages.
 */
final class LocalParquetFile implements InputFile {
  private final Path file;
  private final String displayName;

  LocalParquetFile(Path file, String displayName) {
    this.file = file;
    this.displayName = displayName;
  }

  @Override
  public long getLength() throws IOException {
    try (RandomAccessFile input = new RandomAccessFile(file.toFile(), "r")) {
      return input.length();
    }
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    return new Stream(new RandomAccessFile(file.toFile(), "r"));
  }

  @Override
  public String toString() {
    return displayName;
  }

  private static final class Stream extends SeekableInputStream {
    private final RandomAccessFile input;

    Stream(RandomAccessFile input) {
      this.input = input;
    }

    @Override
    public int read() throws IOException {
      return input.read();
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return input.read(bytes, offset, length);
    }

    @Override
    public long getPos() throws IOException {
      return input.getFilePointer();
    }

    @Override
    public void seek(long position) throws IOException {
      input.seek(position);
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      input.readFully(bytes);
    }

    @Override
    public void readFully(byte[] bytes, int offset, int length) throws IOException {
      input.readFully(bytes, offset, length);
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
      if (!buffer.hasRemaining()) {
        return 0;
      }
      if (buffer.hasArray()) {
        int read = input.read(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        if (read > 0) {
          buffer.position(buffer.position() + read);
        }
        return read;
      }
      byte[] bytes = new byte[buffer.remaining()];
      int read = input.read(bytes);
      if (read > 0) {
        buffer.put(bytes, 0, read);
      }
      return read;
    }

    @Override
    public void readFully(ByteBuffer buffer) throws IOException {
      if (buffer.hasArray()) {
        input.readFully(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        buffer.position(buffer.limit());
        return;
      }
      while (buffer.hasRemaining()) {
        if (read(buffer) < 0) {
          throw new EOFException("Reached the end of the file with " + buffer.remaining() + " bytes left to read");
        }
      }
    }

    @Override
    public void close() throws IOException {
      input.close();
    }
  }
}
