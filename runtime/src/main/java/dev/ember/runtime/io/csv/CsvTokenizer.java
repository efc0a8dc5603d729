package dev.ember.runtime.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits one line of UTF-8 bytes into fields the way Spark's CSV parser (univocity) does without
 * {@code multiLine}; behaviour checked against Spark 4.2:
 *
 * <ul>
 *   <li>A field is quoted only if the quote is its first character (after leading white space when
 *       {@code ignoreLeadingWhiteSpace}); a quote elsewhere is an ordinary character.
 *   <li>Inside quotes the escape character escapes a quote or itself; before anything else it is
 *       kept. Outside quotes it is an ordinary character ({@code C:\new} stays as it is).
 *   <li>White space between a closing quote and the delimiter is dropped.
 *   <li>A closing quote followed by other text makes the field raw: everything from the opening quote
 *       to the next delimiter, quotes included ({@code "abc"def} reads as {@code "abc"def}).
 *   <li>A quote left open runs to the end of the line.
 *   <li>An empty unquoted field is a null token; an empty quoted field ({@code ""}) is an empty string.
 * </ul>
 *
 * <p>Field bytes are copied into one reused buffer, so tokenizing allocates nothing per line once the
 * buffers have grown. Not thread-safe.
 */
final class CsvTokenizer {
  /** A value no byte can equal: marks a disabled quote or escape. */
  private static final int NONE = 256;

  private final byte[] delimiter;
  private final byte firstDelimiterByte;
  private final int quote;
  private final int escape;
  private final boolean ignoreLeadingWhiteSpace;
  private final boolean ignoreTrailingWhiteSpace;

  private byte[] data = new byte[1024];
  private int dataLength;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] nullTokens = new boolean[16];
  private int count;
  private boolean endsInsideQuotes;

  CsvTokenizer(CsvOptions options) {
    this.delimiter = options.delimiter().getBytes(StandardCharsets.UTF_8);
    this.firstDelimiterByte = delimiter[0];
    this.quote = options.quote() == CsvOptions.DISABLED ? NONE : options.quote();
    this.escape = options.escape() == CsvOptions.DISABLED ? NONE : options.escape();
    this.ignoreLeadingWhiteSpace = options.ignoreLeadingWhiteSpace();
    this.ignoreTrailingWhiteSpace = options.ignoreTrailingWhiteSpace();
  }

  /** Tokenizes {@code line[start, end)}; the fields are then read through the accessors. */
  void tokenize(byte[] line, int start, int end) {
    tokenize(line, start, end, Integer.MAX_VALUE);
  }

  /**
   * Tokenizes at most the first {@code fieldLimit} fields of {@code line[start, end)}: a scan that
   * needs only leading columns skips the work of splitting and copying the rest of the line.
   */
  void tokenize(byte[] line, int start, int end, int fieldLimit) {
    count = 0;
    dataLength = 0;
    endsInsideQuotes = false;
    ensureData(end - start);
    int position = start;
    while (true) {
      position = readField(line, position, end);
      if (position >= end || count >= fieldLimit) {
        return;
      }
      // readField stops at a delimiter when it has not reached the end.
      position += delimiter.length;
      if (position == end) {
        addField(dataLength, dataLength, true);
        return;
      }
    }
  }

  /** Reads one field starting at {@code position}; returns where the delimiter after it starts. */
  private int readField(byte[] line, int position, int end) {
    if (ignoreLeadingWhiteSpace) {
      while (position < end && isWhiteSpace(line[position]) && !isDelimiterAt(line, position, end)) {
        position++;
      }
    }
    if (position < end && line[position] == quote) {
      return readQuotedField(line, position, end);
    }
    int fieldStart = position;
    while (position < end && !isDelimiterAt(line, position, end)) {
      position++;
    }
    int fieldEnd = position;
    if (ignoreTrailingWhiteSpace) {
      while (fieldEnd > fieldStart && isWhiteSpace(line[fieldEnd - 1])) {
        fieldEnd--;
      }
    }
    copyField(line, fieldStart, fieldEnd, fieldEnd == fieldStart);
    return position;
  }

  private int readQuotedField(byte[] line, int openingQuote, int end) {
    int valueStart = dataLength;
    int out = dataLength;
    byte[] target = data;
    int position = openingQuote + 1;
    while (position < end) {
      byte b = line[position];
      if (b == escape && escape != quote && position + 1 < end
          && (line[position + 1] == quote || line[position + 1] == escape)) {
        target[out++] = line[position + 1];
        position += 2;
      } else if (b == quote) {
        if (escape == quote && position + 1 < end && line[position + 1] == quote) {
          target[out++] = (byte) quote;
          position += 2;
          continue;
        }
        int after = position + 1;
        while (after < end && isWhiteSpace(line[after]) && !isDelimiterAt(line, after, end)) {
          after++;
        }
        if (after == end || isDelimiterAt(line, after, end)) {
          addField(valueStart, out, false);
          dataLength = out;
          return after;
        }
        return readRawField(line, openingQuote, position + 1, end);
      } else {
        target[out++] = b;
        position++;
      }
    }
    // The quote was never closed: the value runs to the end of the line.
    endsInsideQuotes = true;
    addField(valueStart, out, false);
    dataLength = out;
    return end;
  }

  /** A quoted field with text after its closing quote: the raw bytes up to the next delimiter. */
  private int readRawField(byte[] line, int fieldStart, int position, int end) {
    while (position < end && !isDelimiterAt(line, position, end)) {
      position++;
    }
    int fieldEnd = position;
    if (ignoreTrailingWhiteSpace) {
      while (fieldEnd > fieldStart && isWhiteSpace(line[fieldEnd - 1])) {
        fieldEnd--;
      }
    }
    copyField(line, fieldStart, fieldEnd, false);
    return position;
  }

  private boolean isDelimiterAt(byte[] line, int position, int end) {
    if (line[position] != firstDelimiterByte) {
      return false;
    }
    int length = delimiter.length;
    if (length == 1) {
      return true;
    }
    if (position + length > end) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      if (line[position + i] != delimiter[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWhiteSpace(byte b) {
    return b >= 0 && b <= ' ';
  }

  private void copyField(byte[] line, int from, int to, boolean nullToken) {
    int length = to - from;
    System.arraycopy(line, from, data, dataLength, length);
    addField(dataLength, dataLength + length, nullToken);
    dataLength += length;
  }

  private void addField(int start, int end, boolean nullToken) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
      nullTokens = Arrays.copyOf(nullTokens, count * 2);
    }
    starts[count] = start;
    ends[count] = end;
    nullTokens[count] = nullToken;
    count++;
  }

  private void ensureData(int lineLength) {
    // Unescaping never makes a field longer, so a line's fields fit in the line's length.
    if (data.length < lineLength) {
      data = new byte[Math.max(lineLength, data.length * 2)];
    }
  }

  /** Whether the last field's quote was still open at the end: with multiLine the record goes on. */
  boolean endsInsideQuotes() {
    return endsInsideQuotes;
  }

  int count() {
    return count;
  }

  /** The buffer holding every field's bytes. */
  byte[] data() {
    return data;
  }

  int start(int field) {
    return starts[field];
  }

  int end(int field) {
    return ends[field];
  }

  /** Whether the field was empty and unquoted, which Spark reads as null whatever the type. */
  boolean isNullToken(int field) {
    return nullTokens[field];
  }

  /** The field as a Java string; for header names, inference and error messages, not the hot path. */
  String text(int field) {
    return nullTokens[field] ? null : new String(data, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
  }
}
