package dev.ember.runtime.io.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Reads the lines of one byte range of a file, as Spark does without {@code multiLine}: a line ends
 * at {@code \n}, {@code \r\n} or a lone {@code \r}, and a line belongs to the range where it starts,
 * so it may run past the range's end. Not thread-safe; one per morsel.
 *
 * <p>After {@link #nextLine()} returns true, the line is {@code buffer()[lineStart(), lineEnd())}
 * without its terminator; the bytes stay valid until the next call.
 */
final class CsvLineReader implements AutoCloseable {
  private static final int INITIAL_BUFFER = 1 << 16;

  private final ReadableByteChannel channel;
  private final long endOffset;
  private byte[] buffer = new byte[INITIAL_BUFFER];
  /** The source offset of {@code buffer[0]}. */
  private long bufferOffset;
  private int position;
  private int limit;
  private boolean endOfInput;
  private int lineStart;
  private int lineEnd;
  private long lineOffset;
  private long linesRead;
  private long recordLine;

  /**
   * @param channel positioned at {@code startOffset}, which is a line start
   * @param endOffset lines starting at or after it are left to the next range
   */
  CsvLineReader(ReadableByteChannel channel, long startOffset, long endOffset) {
    this.channel = channel;
    this.bufferOffset = startOffset;
    this.endOffset = endOffset;
  }

  /** Moves to the next line of the range; false at the range's end. */
  boolean nextLine() throws IOException {
    if (bufferOffset + position >= endOffset) {
      return false;
    }
    if (position == limit && !fill()) {
      return false;
    }
    readLine(0);
    recordLine = linesRead;
    return true;
  }

  /**
   * Appends the next line, with the line break before it, to the current line: for a {@code multiLine}
   * record whose quoted value continues. False at the end of input, where the current line then takes
   * in its own trailing line break, as Spark keeps it in a value whose quote is never closed.
   */
  boolean extendLine() throws IOException {
    int consumed = position - lineStart;
    // readLine and fill keep the bytes from position on, so the record is kept whole.
    position = lineStart;
    if (position + consumed == limit && !endOfInput) {
      fill();
    }
    if (position + consumed == limit) {
      lineStart = position;
      lineEnd = limit;
      position = limit;
      return false;
    }
    readLine(consumed);
    return true;
  }

  /** Reads the line starting at {@code position}, whose first {@code skip} bytes hold no line break to end it. */
  private void readLine(int skip) throws IOException {
    int scan = position + skip;
    while (true) {
      int terminator = findTerminator(scan);
      if (terminator >= 0) {
        lineStart = position;
        lineEnd = terminator;
        lineOffset = bufferOffset + position;
        if (buffer[terminator] == '\r') {
          if (terminator + 1 == limit && !endOfInput) {
            int shift = position;
            fill();
            terminator -= shift;
            lineStart -= shift;
            lineEnd -= shift;
          }
          position = terminator + 1 < limit && buffer[terminator + 1] == '\n' ? terminator + 2 : terminator + 1;
        } else {
          position = terminator + 1;
        }
        linesRead++;
        return;
      }
      if (endOfInput) {
        lineStart = position;
        lineEnd = limit;
        lineOffset = bufferOffset + position;
        position = limit;
        linesRead++;
        return;
      }
      // The line continues past the buffered bytes: fill() moves it to the front and reads more.
      int scanned = limit - position;
      fill();
      scan = scanned;
    }
  }

  private int findTerminator(int from) {
    byte[] bytes = buffer;
    for (int i = from; i < limit; i++) {
      byte b = bytes[i];
      if (b == '\n' || b == '\r') {
        return i;
      }
    }
    return -1;
  }

  /** Moves unread bytes to the front, grows the buffer if it is full, and reads more. */
  private boolean fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      bufferOffset += position;
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int before = limit;
    while (!endOfInput && limit == before) {
      int read = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
      if (read < 0) {
        endOfInput = true;
      } else {
        limit += read;
      }
    }
    return limit > before;
  }

  byte[] buffer() {
    return buffer;
  }

  int lineStart() {
    return lineStart;
  }

  int lineEnd() {
    return lineEnd;
  }

  /** The source offset where the current line starts. */
  long lineOffset() {
    return lineOffset;
  }

  /** The 1-based number of the line where the current record starts (records may span lines). */
  long recordLineNumber() {
    return recordLine;
  }

  /** Lines returned so far, counting blank and comment lines; the current line is number {@code linesRead()}. */
  long linesRead() {
    return linesRead;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /**
   * The first line start at or after {@code offset}: offset 0, or the byte after a line terminator.
   * A {@code \r} directly followed by {@code \n} is not a terminator on its own.
   */
  static long alignToLineStart(FileChannel file, long offset) throws IOException {
    if (offset <= 0) {
      return 0;
    }
    long size = file.size();
    ByteBuffer chunk = ByteBuffer.allocate(8192);
    long position = offset - 1;
    while (position < size) {
      chunk.clear();
      int read = file.read(chunk, position);
      if (read <= 0) {
        break;
      }
      for (int i = 0; i < read; i++) {
        byte b = chunk.get(i);
        if (b == '\n') {
          return position + i + 1;
        }
        if (b == '\r') {
          long next = position + i + 1;
          if (next >= size) {
            return next;
          }
          byte following = i + 1 < read ? chunk.get(i + 1) : readByte(file, next);
          if (following != '\n') {
            return next;
          }
        }
      }
      position += read;
    }
    return size;
  }

  private static byte readByte(FileChannel file, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    return file.read(one, position) == 1 ? one.get(0) : -1;
  }

  /** Counts the lines that start before {@code offset}; only for error messages, so not fast. */
  static long countLinesBefore(FileChannel file, long offset) throws IOException {
    long lines = 0;
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
    long position = 0;
    boolean previousWasCarriageReturn = false;
    while (position < offset) {
      chunk.clear();
      chunk.limit((int) Math.min(chunk.capacity(), offset - position));
      int read = file.read(chunk, position);
      if (read <= 0) {
        break;
      }
      for (int i = 0; i < read; i++) {
        byte b = chunk.get(i);
        if (b == '\n') {
          if (!previousWasCarriageReturn) {
            lines++;
          }
        } else if (b == '\r') {
          lines++;
        }
        previousWasCarriageReturn = b == '\r';
      }
      position += read;
    }
    return lines;
  }
}
