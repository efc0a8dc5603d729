package dev.ember.runtime.io.parquet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A local file for parquet-mr that remembers its open stream, so that an aborted write can release
 * the file handle without letting parquet-mr write a footer that would make the file look complete.
 */
final class ParquetWriteOutputFile implements OutputFile {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path path;
  private CountingStream stream;

  ParquetWriteOutputFile(Path path) {
    this.path = Objects.requireNonNull(path, "path is null");
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    return open(StandardOpenOption.CREATE_NEW);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  private PositionOutputStream open(StandardOpenOption... options) throws IOException {
    if (stream != null) {
      throw new IllegalStateException("Parquet output file " + path + " is already open");
    }
    OutputStream file = Files.newOutputStream(path, options);
    stream = new CountingStream(new BufferedOutputStream(file, BUFFER_BYTES));
    return stream;
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return path.toString();
  }

  /** Closes the stream if parquet-mr has not, without flushing a footer; failures are suppressed into none. */
  void closeQuietly() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException | RuntimeException ignored) {
        // Aborting: the partial file is deleted with the staging directory, so a failed close does not matter.
      }
    }
  }

  private static final class CountingStream extends PositionOutputStream {
    private final OutputStream out;
    private long position;
    private boolean closed;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      position += length;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }
  }
}
