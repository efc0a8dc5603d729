package dev.ember.runtime.io.csv;

import dev.ember.runtime.io.FileListing;
import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.sql.types.StructType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The records of one {@link CsvMorsel} as batches of at most {@link CsvSource#BATCH_ROWS} rows.
 *
 * <p>Blank lines (only white space) and comment lines are skipped, as Spark does before parsing.
 * A record whose required fields do not all convert is malformed; so is, when every column is
 * required, a record with the wrong number of fields. Spark checks the field count only then, since
 * with column pruning its parser sees just the required fields (checked against Spark 4.2: a short
 * row survives DROPMALFORMED when only some columns are selected).
 */
final class CsvBatchStream implements BatchStream {
  /** The field index that stands for the corrupt-record column in {@code requiredColumns}. */
  static final int CORRUPT_RECORD = -1;

  private final CsvMorsel morsel;
  private final int dataColumnCount;
  private final StructType schema;
  private final int[] requiredColumns;
  private final CsvOptions options;
  private final BufferAllocator allocator;
  private final CsvTokenizer tokenizer;
  private final int fieldLimit;
  private final CsvColumnWriter[] writers;
  private final boolean checkFieldCount;
  /** The output column receiving malformed records' text, or -1. */
  private final int corruptRecordOutput;
  private final byte[] nullValue;
  private final int comment;
  /** Non-null when lines must be re-encoded to UTF-8 one at a time (ASCII-compatible charsets). */
  private final Charset lineCharset;
  private final boolean stripByteOrderMark;
  private CsvLineReader lines;
  private boolean headerPending;
  private boolean finished;

  CsvBatchStream(
      CsvMorsel morsel,
      int dataColumnCount,
      StructType schema,
      int[] requiredColumns,
      CsvOptions options,
      ZoneId sessionZone,
      BufferAllocator allocator) {
    this.morsel = morsel;
    this.dataColumnCount = dataColumnCount;
    this.schema = schema;
    this.requiredColumns = requiredColumns;
    this.options = options;
    this.allocator = allocator;
    this.tokenizer = new CsvTokenizer(options);
    CsvNumberParser numbers = new CsvNumberParser();
    CsvDateTimeParser dateTimes = new CsvDateTimeParser(options, sessionZone);
    this.writers = new CsvColumnWriter[requiredColumns.length];
    int corruptOutput = -1;
    for (int i = 0; i < requiredColumns.length; i++) {
      writers[i] = CsvColumnWriter.forType(schema.apply(i).dataType(), numbers, dateTimes);
      if (requiredColumns[i] == CORRUPT_RECORD) {
        corruptOutput = i;
      }
    }
    this.corruptRecordOutput = corruptOutput;
    this.checkFieldCount = coversEveryColumn(requiredColumns, dataColumnCount);
    // Field counts only matter when every column is read (Spark checks them only then), so other
    // scans stop tokenizing after the last column they convert.
    this.fieldLimit = checkFieldCount ? Integer.MAX_VALUE : lastColumn(requiredColumns) + 1;
    this.nullValue = options.nullValue().getBytes(StandardCharsets.UTF_8);
    this.comment = options.comment() == CsvOptions.DISABLED ? -1 : options.comment();
    Charset charset = options.charset();
    boolean utf8 = charset.equals(StandardCharsets.UTF_8);
    boolean asciiCompatible = CsvSource.isAsciiCompatible(charset);
    this.lineCharset = asciiCompatible && !utf8 && !charset.equals(StandardCharsets.US_ASCII) ? charset : null;
    this.stripByteOrderMark = morsel.start() == 0 && (utf8 || !asciiCompatible);
    this.headerPending = options.header() && morsel.start() == 0;
    try {
      this.lines = openLines(morsel, charset, asciiCompatible);
    } catch (IOException e) {
      throw readFailure(morsel.file(), e);
    }
  }

  private static boolean coversEveryColumn(int[] requiredColumns, int dataColumnCount) {
    boolean[] seen = new boolean[dataColumnCount];
    int distinct = 0;
    for (int column : requiredColumns) {
      if (column != CORRUPT_RECORD && !seen[column]) {
        seen[column] = true;
        distinct++;
      }
    }
    return distinct == dataColumnCount;
  }

  private static CsvLineReader openLines(CsvMorsel morsel, Charset charset, boolean asciiCompatible)
      throws IOException {
    CsvCompression compression = CsvCompression.of(morsel.file());
    if (!asciiCompatible) {
      // Line breaks are not single bytes here: decode the whole file and read its UTF-8 form.
      String text;
      try (InputStream in = compression.open(morsel.file())) {
        text = new String(in.readAllBytes(), charset);
      }
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      return new CsvLineReader(
          Channels.newChannel(new ByteArrayInputStream(utf8)), 0, Long.MAX_VALUE);
    }
    if (compression.isCompressed()) {
      // One morsel covers the whole compressed file (CsvSource does not split it).
      return new CsvLineReader(Channels.newChannel(compression.open(morsel.file())), 0, Long.MAX_VALUE);
    }
    FileChannel channel = FileChannel.open(morsel.file(), StandardOpenOption.READ);
    try {
      long start = CsvLineReader.alignToLineStart(channel, morsel.start());
      channel.position(start);
      return new CsvLineReader(channel, start, morsel.end());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public ColumnBatch next() {
    if (finished) {
      return null;
    }
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, CsvSource.BATCH_ROWS);
    try {
      for (int i = 0; i < writers.length; i++) {
        writers[i].bind(vectors.get(i));
      }
      int rows = fill();
      if (rows == 0) {
        vectors.forEach(FieldVector::close);
        return null;
      }
      for (FieldVector vector : vectors) {
        vector.setValueCount(rows);
      }
      return new ColumnBatch(schema, vectors, rows);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  /** Reads records into the bound vectors until the batch is full or the morsel ends. */
  private int fill() {
    int rows = 0;
    try {
      while (rows < CsvSource.BATCH_ROWS) {
        if (!lines.nextLine()) {
          finished = true;
          break;
        }
        byte[] line = lines.buffer();
        int start = lines.lineStart();
        int end = lines.lineEnd();
        if (stripByteOrderMark && lines.lineOffset() == 0 && hasByteOrderMark(line, start, end)) {
          start += 3;
        }
        if (isSkipped(line, start, end, comment)) {
          continue;
        }
        if (options.multiLine()) {
          int skipped = start - lines.lineStart();
          continueQuotedRecord(lines, tokenizer, skipped);
          line = lines.buffer();
          start = lines.lineStart() + skipped;
          end = lines.lineEnd();
        }
        if (headerPending) {
          headerPending = false;
          if (!options.enforceSchema()) {
            checkHeader(line, start, end);
          }
          continue;
        }
        if (lineCharset != null) {
          line = new String(line, start, end - start, lineCharset).getBytes(StandardCharsets.UTF_8);
          start = 0;
          end = line.length;
        }
        tokenizer.tokenize(line, start, end, fieldLimit);
        if (convertRecord(rows, line, start, end)) {
          rows++;
        }
      }
    } catch (IOException e) {
      throw readFailure(morsel.file(), e);
    }
    return rows;
  }

  /**
   * With {@code multiLine}, appends lines to the current one while a quoted value is left open at its
   * end, so that the reader's line is the whole record.
   */
  static void continueQuotedRecord(CsvLineReader lines, CsvTokenizer tokenizer, int skipped) throws IOException {
    while (true) {
      tokenizer.tokenize(lines.buffer(), lines.lineStart() + skipped, lines.lineEnd());
      if (!tokenizer.endsInsideQuotes() || !lines.extendLine()) {
        return;
      }
    }
  }

  /**
   * With {@code enforceSchema=false}, Spark checks the header against the schema: the number of names
   * against the file's columns, then each required column's name (ignoring case, as Spark without
   * {@code spark.sql.caseSensitive}). A scan needing no columns (a count) checks nothing, as in Spark.
   */
  private void checkHeader(byte[] line, int start, int end) {
    List<String> schemaNames = new ArrayList<>();
    List<Integer> fields = new ArrayList<>();
    for (int i = 0; i < requiredColumns.length; i++) {
      if (requiredColumns[i] != CORRUPT_RECORD) {
        fields.add(requiredColumns[i]);
      }
    }
    if (fields.isEmpty()) {
      return;
    }
    if (lineCharset != null) {
      line = new String(line, start, end - start, lineCharset).getBytes(StandardCharsets.UTF_8);
      start = 0;
      end = line.length;
    }
    tokenizer.tokenize(line, start, end);
    String file = morsel.file().toAbsolutePath().normalize().toUri().toString();
    if (tokenizer.count() != dataColumnCount) {
      IllegalArgumentException mismatch = new IllegalArgumentException(
          "Number of column in CSV header is not equal to number of fields in the schema:\n Header length: "
              + tokenizer.count() + ", schema size: " + dataColumnCount + "\nCSV file: " + file);
      throw readFailure(morsel.file(), mismatch.getMessage(), mismatch);
    }
    // Spark compares the required columns in file order, whatever order the scan asked for them in.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < requiredColumns.length; i++) {
      if (requiredColumns[i] != CORRUPT_RECORD) {
        order.add(i);
      }
    }
    order.sort(java.util.Comparator.comparingInt(i -> requiredColumns[i]));
    List<String> headerNames = new ArrayList<>();
    for (int output : order) {
      String found = tokenizer.text(requiredColumns[output]);
      headerNames.add(found == null ? "" : found);
      schemaNames.add(schema.apply(output).name());
    }
    for (int i = 0; i < headerNames.size(); i++) {
      if (!headerNames.get(i).equalsIgnoreCase(schemaNames.get(i))) {
        IllegalArgumentException mismatch = new IllegalArgumentException(
            "CSV header does not conform to the schema.\n Header: " + String.join(", ", headerNames)
                + "\n Schema: " + String.join(", ", schemaNames) + "\nExpected: " + schemaNames.get(i)
                + " but found: " + headerNames.get(i) + "\nCSV file: " + file);
        throw readFailure(morsel.file(), mismatch.getMessage(), mismatch);
      }
    }
  }

  private static int lastColumn(int[] columns) {
    int last = -1;
    for (int column : columns) {
      last = Math.max(last, column);
    }
    return last;
  }

  static boolean hasByteOrderMark(byte[] line, int start, int end) {
    return end - start >= 3 && line[start] == (byte) 0xEF && line[start + 1] == (byte) 0xBB
        && line[start + 2] == (byte) 0xBF;
  }

  /** Spark drops lines that are empty after trimming and lines starting with the comment character. */
  static boolean isSkipped(byte[] line, int start, int end, int comment) {
    if (start < end && line[start] == comment) {
      return true;
    }
    for (int i = start; i < end; i++) {
      byte b = line[i];
      if (b < 0 || b > ' ') {
        return false;
      }
    }
    return true;
  }

  /** Converts the tokenized record into row {@code row}; false if the mode drops it. */
  private boolean convertRecord(int row, byte[] line, int lineStart, int lineEnd) {
    int fieldCount = tokenizer.count();
    boolean malformed = checkFieldCount && fieldCount != dataColumnCount;
    byte[] data = tokenizer.data();
    for (int i = 0; i < writers.length; i++) {
      int field = requiredColumns[i];
      CsvColumnWriter writer = writers[i];
      if (field == CORRUPT_RECORD) {
        writer.writeNull(row);
      } else if (field >= fieldCount || tokenizer.isNullToken(field) || isNullValue(data, tokenizer.start(field), tokenizer.end(field))) {
        writer.writeNull(row);
      } else if (!writer.write(row, data, tokenizer.start(field), tokenizer.end(field))) {
        writer.writeNull(row);
        malformed = true;
      }
    }
    if (!malformed) {
      return true;
    }
    return switch (options.mode()) {
      case PERMISSIVE -> {
        if (corruptRecordOutput >= 0) {
          writers[corruptRecordOutput].write(row, line, lineStart, lineEnd);
        }
        yield true;
      }
      case DROPMALFORMED -> false;
      case FAILFAST -> throw malformedRecord(row);
    };
  }

  private boolean isNullValue(byte[] data, int start, int end) {
    byte[] expected = nullValue;
    if (end - start != expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (data[start + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Spark's FAILFAST error: {@code FAILED_READ_FILE.NO_HINT} naming the file, caused by
   * {@code MALFORMED_RECORD_IN_PARSING} naming the record. Spark names no line; Ember adds it after
   * each message's SQLSTATE, where Spark's messages end.
   */
  private SparkException malformedRecord(int row) {
    StringBuilder record = new StringBuilder("[");
    for (int i = 0; i < writers.length; i++) {
      record.append(i == 0 ? "" : ",").append(writers[i].describe(row));
    }
    record.append(']');
    String badRecord = record.toString();
    long line = lineNumber();
    SparkException malformed = new SparkException(
        "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
        Map.of("badRecord", badRecord, "failFastMode", "FAILFAST"),
        "Malformed records are detected in record parsing: " + badRecord + ".\n"
            + "Parse Mode: FAILFAST. To process malformed records as null result, try setting the option"
            + " 'mode' as 'PERMISSIVE'.  SQLSTATE: 22023\n"
            + "The record is at " + FileListing.displayName(morsel.file()) + ", line " + line + ".",
        null);
    return readFailure(morsel.file(), "The malformed record is at line " + line + ".", malformed);
  }

  /** The current line's 1-based number in its file; counts the lines before the morsel, so slow. */
  private long lineNumber() {
    if (morsel.start() == 0 || !CsvSource.isAsciiCompatible(options.charset())) {
      return lines.recordLineNumber();
    }
    try (FileChannel channel = FileChannel.open(morsel.file(), StandardOpenOption.READ)) {
      long start = CsvLineReader.alignToLineStart(channel, morsel.start());
      return CsvLineReader.countLinesBefore(channel, start) + lines.recordLineNumber();
    } catch (IOException e) {
      return -1;
    }
  }

  static SparkException readFailure(Path file, IOException cause) {
    return readFailure(file, cause.toString(), cause);
  }

  /** Spark's message up to its SQLSTATE, then {@code detail}. */
  private static SparkException readFailure(Path file, String detail, Throwable cause) {
    String path = file.toAbsolutePath().normalize().toUri().toString();
    return new SparkException(
        "FAILED_READ_FILE.NO_HINT",
        Map.of("path", path),
        "Encountered error while reading file " + path + ".  SQLSTATE: KD001\n" + detail,
        cause);
  }

  @Override
  public void close() {
    finished = true;
    try {
      lines.close();
    } catch (IOException e) {
      throw readFailure(morsel.file(), e);
    }
  }
}
