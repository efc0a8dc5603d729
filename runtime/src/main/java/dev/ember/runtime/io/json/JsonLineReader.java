package dev.ember.runtime.io.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the lines of a byte range of a stream, as Spark's JSON lines reader does: a line ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r}, and belongs to the range in which it starts, so
 * the last one may run past the range's end. Not thread-safe; one per morsel.
 *
 * <p>After {@link #nextLine()} returns true the line is {@code line()[0, lineLength())} without its
 * terminator; the bytes stay valid until the next call.
 */
final class JsonLineReader implements AutoCloseable {
  private static final int BUFFER_SIZE = 1 << 16;

  private final InputStream input;
  private final long endOffset;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  /** The stream offset of the next unread byte. */
  private long offset;
  private byte[] line = new byte[1024];
  private int lineLength;
  private long linesRead;
  private final long firstLineOffset;

  /**
   * @param input positioned at {@code max(0, startOffset - 1)}: the byte before the range tells
   *     whether the range starts at a line start
   * @param endOffset lines starting at or after it are left to the next range
   */
  JsonLineReader(InputStream input, long startOffset, long endOffset) throws IOException {
    this.input = input;
    this.endOffset = endOffset;
    if (startOffset > 0) {
      offset = startOffset - 1;
      int before = read();
      if (before == '\r') {
        skipLineFeed();
      } else if (before != '\n' && before >= 0) {
        skipRestOfLine();
      }
    }
    firstLineOffset = offset;
  }

  /** Where the range's first line starts in the stream. */
  long firstLineOffset() {
    return firstLineOffset;
  }

  /** Moves to the next line of the range; false at its end. */
  boolean nextLine() throws IOException {
    if (offset >= endOffset) {
      return false;
    }
    lineLength = 0;
    int b = read();
    if (b < 0) {
      return false;
    }
    while (b >= 0 && b != '\n' && b != '\r') {
      if (lineLength == line.length) {
        line = Arrays.copyOf(line, line.length * 2);
      }
      line[lineLength++] = (byte) b;
      b = read();
    }
    if (b == '\r') {
      skipLineFeed();
    }
    linesRead++;
    return true;
  }

  byte[] line() {
    return line;
  }

  int lineLength() {
    return lineLength;
  }

  /** Lines returned so far; the current line is number {@code linesRead()} of the range. */
  long linesRead() {
    return linesRead;
  }

  private void skipRestOfLine() throws IOException {
    int b = read();
    while (b >= 0 && b != '\n' && b != '\r') {
      b = read();
    }
    if (b == '\r') {
      skipLineFeed();
    }
  }

  /** After a {@code \r}: a following {@code \n} belongs to the same terminator. */
  private void skipLineFeed() throws IOException {
    if (position == limit && !fill()) {
      return;
    }
    if (buffer[position] == '\n') {
      position++;
      offset++;
    }
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    offset++;
    return buffer[position++] & 0xFF;
  }

  private boolean fill() throws IOException {
    int read = input.read(buffer, 0, buffer.length);
    while (read == 0) {
      read = input.read(buffer, 0, buffer.length);
    }
    if (read < 0) {
      return false;
    }
    position = 0;
    limit = read;
    return true;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }

  /** Counts the lines that start before {@code offset} of {@code input}; only for error messages. */
  static long countLinesBefore(InputStream input, long offset) throws IOException {
    long lines = 0;
    long position = 0;
    boolean previousWasCarriageReturn = false;
    byte[] chunk = new byte[BUFFER_SIZE];
    while (position < offset) {
      int read = input.read(chunk, 0, (int) Math.min(chunk.length, offset - position));
      if (read < 0) {
        break;
      }
      for (int i = 0; i < read; i++) {
        byte b = chunk[i];
        if (b == '\n' ? !previousWasCarriageReturn : b == '\r') {
          lines++;
        }
        previousWasCarriageReturn = b == '\r';
      }
      position += read;
    }
    return lines;
  }
}
