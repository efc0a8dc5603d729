package dev.ember.runtime.io.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.FileListing;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The records of one {@link JsonMorsel} as batches of at most {@link JsonSource#BATCH_ROWS} rows,
 * parsed with Jackson's streaming parser (no object trees).
 *
 * <p>A record is a line (or, with {@code multiLine}, the whole file). An object is one row; an
 * array of objects is a row per object (Spark does the same in both modes); blank lines are
 * skipped; anything else is malformed. Fields the scan does not need are skipped unparsed, so, as in
 * Spark, a record is malformed only if it is not JSON or a required field does not convert. In
 * PERMISSIVE mode a conversion failure nulls that field only, a syntax error the whole row, and the
 * record's text goes to the corrupt-record column if the scan reads it.
 */
final class JsonBatchStream implements BatchStream {
  private final JsonMorsel morsel;
  private final StructType schema;
  private final JsonOptions options;
  private final BufferAllocator allocator;
  private final JsonFactory factory;
  private final JsonValueConverter[] converters;
  private final Map<String, Integer> columnsByName = new HashMap<>();
  private final JsonValueConverter.StringConverter corruptRecord;
  private JsonLineReader lines;
  private boolean wholeFilePending;
  private byte[] record;
  private int recordLength;
  /** Non-null while the rows of a record that is an array of objects are being emitted. */
  private JsonParser arrayParser;
  private boolean finished;

  JsonBatchStream(JsonMorsel morsel, StructType schema, JsonOptions options, ZoneId sessionZone,
      BufferAllocator allocator) {
    this.morsel = morsel;
    this.schema = schema;
    this.options = options;
    this.allocator = allocator;
    this.factory = options.newFactory();
    JsonDateTimeParser dateTimes = new JsonDateTimeParser(options, sessionZone);
    this.converters = new JsonValueConverter[schema.length()];
    JsonValueConverter.StringConverter corrupt = null;
    for (int i = 0; i < converters.length; i++) {
      String name = schema.apply(i).name();
      converters[i] = JsonValueConverter.forType(schema.apply(i).dataType(), dateTimes);
      if (name.equals(options.columnNameOfCorruptRecord()) && schema.apply(i).dataType() instanceof StringType) {
        corrupt = (JsonValueConverter.StringConverter) converters[i];
      } else {
        columnsByName.put(name, i);
      }
    }
    this.corruptRecord = corrupt;
    try {
      if (options.multiLine() || morsel.isWholeFile()) {
        if (options.multiLine()) {
          wholeFilePending = true;
        } else {
          lines = new JsonLineReader(JsonFileInput.open(morsel.file(), 0), 0, Long.MAX_VALUE);
        }
      } else {
        InputStream input = JsonFileInput.open(morsel.file(), Math.max(0, morsel.start() - 1));
        lines = new JsonLineReader(input, morsel.start(), morsel.end());
      }
    } catch (IOException e) {
      throw JsonFileInput.readFailure(morsel.file(), e);
    }
  }

  @Override
  public ColumnBatch next() {
    if (finished && arrayParser == null) {
      return null;
    }
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, JsonSource.BATCH_ROWS);
    try {
      int rows = fill(vectors);
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

  private int fill(List<FieldVector> vectors) {
    int rows = 0;
    try {
      while (rows < JsonSource.BATCH_ROWS) {
        if (arrayParser != null) {
          rows += continueArray(vectors, rows);
        } else if (nextRecord()) {
          rows += startRecord(vectors, rows);
        } else {
          finished = true;
          break;
        }
      }
    } catch (IOException e) {
      throw JsonFileInput.readFailure(morsel.file(), e);
    }
    return rows;
  }

  private boolean nextRecord() throws IOException {
    if (finished) {
      return false;
    }
    if (lines != null) {
      if (!lines.nextLine()) {
        return false;
      }
      record = lines.line();
      recordLength = lines.lineLength();
      return true;
    }
    if (wholeFilePending) {
      wholeFilePending = false;
      record = JsonFileInput.readAll(morsel.file());
      recordLength = record.length;
      return true;
    }
    return false;
  }

  /** Parses the current record's first value; the rows it produced (an array continues later). */
  private int startRecord(List<FieldVector> vectors, int row) throws IOException {
    if (isBlank(record, recordLength)) {
      return 0;
    }
    JsonParser parser = null;
    try {
      parser = factory.createParser(record, 0, recordLength);
      JsonToken token = parser.nextToken();
      if (token == null) {
        // Only comments: no record, as in Spark.
        parser.close();
        return 0;
      }
      if (token == JsonToken.START_OBJECT) {
        boolean malformed = readObject(parser);
        parser.close();
        return finishRow(vectors, row, malformed, false);
      }
      if (token == JsonToken.START_ARRAY) {
        arrayParser = parser;
        return continueArray(vectors, row);
      }
      parser.close();
      return finishRow(vectors, row, true, true);
    } catch (JacksonException e) {
      if (parser != null) {
        parser.close();
      }
      return finishRow(vectors, row, true, true);
    }
  }

  /** The next object of an array record; the whole record is malformed at a non-object element. */
  private int continueArray(List<FieldVector> vectors, int row) throws IOException {
    try {
      JsonToken token = arrayParser.nextToken();
      if (token == JsonToken.START_OBJECT) {
        return finishRow(vectors, row, readObject(arrayParser), false);
      }
      boolean endOfArray = token == JsonToken.END_ARRAY;
      closeArray();
      return endOfArray ? 0 : finishRow(vectors, row, true, true);
    } catch (JacksonException e) {
      closeArray();
      return finishRow(vectors, row, true, true);
    }
  }

  private void closeArray() throws IOException {
    JsonParser parser = arrayParser;
    arrayParser = null;
    parser.close();
  }

  /** Stages the fields of the object the parser is at; true if a required field did not convert. */
  private boolean readObject(JsonParser parser) throws IOException {
    boolean malformed = false;
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      Integer column = columnsByName.get(parser.currentName());
      token = parser.nextToken();
      if (column == null) {
        parser.skipChildren();
      } else if (token == JsonToken.VALUE_NULL) {
        converters[column].clear();
      } else if (!converters[column].read(parser, token, record, 0)) {
        converters[column].clear();
        malformed = true;
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IllegalStateException("Unexpected JSON token " + token + " in " + morsel.describe());
    }
    return malformed;
  }

  /** Writes the staged row, or drops it, by the mode; the number of rows written (0 or 1). */
  private int finishRow(List<FieldVector> vectors, int row, boolean malformed, boolean syntaxError) {
    if (malformed) {
      switch (options.mode()) {
        case DROPMALFORMED -> {
          clearAll();
          return 0;
        }
        case FAILFAST -> throw malformedRecord();
        case PERMISSIVE -> {
          if (syntaxError) {
            clearAll();
          }
          if (corruptRecord != null) {
            corruptRecord.set(record.clone(), 0, recordLength);
          }
        }
      }
    } else if (corruptRecord != null) {
      corruptRecord.clear();
    }
    for (int i = 0; i < converters.length; i++) {
      converters[i].commit(vectors.get(i), row);
    }
    return 1;
  }

  private void clearAll() {
    for (JsonValueConverter converter : converters) {
      converter.clear();
    }
  }

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }

  /**
   * Spark's FAILFAST error: {@code FAILED_READ_FILE.NO_HINT} naming the file, caused by
   * {@code MALFORMED_RECORD_IN_PARSING} naming the partly converted record. Spark names no line;
   * Ember adds it after each message's SQLSTATE.
   */
  private SparkException malformedRecord() {
    StringBuilder values = new StringBuilder("[");
    for (int i = 0; i < converters.length; i++) {
      values.append(i == 0 ? "" : ",").append(converters[i].describe());
    }
    String badRecord = values.append(']').toString();
    clearAll();
    String where = FileListing.displayName(morsel.file()) + (lines == null ? "" : ", line " + lineNumber());
    SparkException malformed = new SparkException(
        "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION",
        Map.of("badRecord", badRecord, "failFastMode", "FAILFAST"),
        "Malformed records are detected in record parsing: " + badRecord + ".\n"
            + "Parse Mode: FAILFAST. To process malformed records as null result, try setting the option"
            + " 'mode' as 'PERMISSIVE'.  SQLSTATE: 22023\n"
            + "The record is at " + where + ".",
        null);
    return JsonFileInput.readFailure(morsel.file(), "The malformed record is at " + where + ".", malformed);
  }

  /** The current line's 1-based number in its file; counts the lines before the morsel, so slow. */
  private long lineNumber() {
    if (lines.firstLineOffset() == 0) {
      return lines.linesRead();
    }
    try (InputStream input = JsonFileInput.open(morsel.file(), 0)) {
      return JsonLineReader.countLinesBefore(input, lines.firstLineOffset()) + lines.linesRead();
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    finished = true;
    try {
      if (arrayParser != null) {
        closeArray();
      }
      if (lines != null) {
        lines.close();
      }
    } catch (IOException e) {
      throw JsonFileInput.readFailure(morsel.file(), e);
    }
  }
}
