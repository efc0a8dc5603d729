package dev.ember.runtime.io.csv;

import dev.ember.runtime.io.FileListing;
import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes one CSV part file the way Spark does: the header (if asked) when the file opens, then one
 * line per row. A value is trimmed of leading and trailing white space (Spark's writer defaults) and
 * quoted when it holds the separator, the quote character, a line break, or starts with the comment
 * character; inside quotes the quote character is preceded by the escape character, and the escape
 * character by its own escape. Nulls are written as {@code nullValue}, empty strings as
 * {@code emptyValue}, both verbatim.
 */
public final class CsvWriter implements BatchFileWriter {
  private final Path file;
  private final CsvWriterOptions options;
  private final List<CsvValueFormatter> formatters;
  private final Writer out;
  private final StringBuilder line = new StringBuilder();
  private boolean closed;

  private CsvWriter(Path file, StructType schema, CsvWriterOptions options, Writer out) {
    this.file = file;
    this.options = options;
    this.formatters = java.util.Arrays.stream(schema.fields()).map(field -> new CsvValueFormatter(field, options)).toList();
    this.out = out;
  }

  /** Creates {@code file} and writes the header if the options ask for one. */
  public static CsvWriter open(Path file, StructType schema, CsvWriterOptions options) {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(options, "options is null");
    // Checked before the file exists, so an unsupported column type leaves nothing behind.
    for (StructField field : schema.fields()) {
      new CsvValueFormatter(field, options);
    }
    OutputStream stream = null;
    try {
      stream = Files.newOutputStream(file);
      if (options.compression() == CsvWriterOptions.Compression.GZIP) {
        stream = new GZIPOutputStream(stream, 64 * 1024);
      }
      CsvWriter writer = new CsvWriter(file, schema, options,
          new BufferedWriter(new OutputStreamWriter(stream, options.charset()), 64 * 1024));
      if (options.header()) {
        writer.writeHeader(schema);
      }
      return writer;
    } catch (IOException e) {
      closeQuietly(stream);
      throw writeFailure(file, e);
    }
  }

  private void writeHeader(StructType schema) throws IOException {
    line.setLength(0);
    StructField[] fields = schema.fields();
    for (int column = 0; column < fields.length; column++) {
      if (column > 0) {
        line.append(options.delimiter());
      }
      appendText(fields[column].name());
    }
    line.append(options.lineSeparator());
    out.append(line);
  }

  @Override
  public void write(ColumnBatch batch) {
    Objects.requireNonNull(batch, "batch is null");
    if (closed) {
      throw new IllegalStateException("CSV writer for " + FileListing.displayName(file) + " is closed");
    }
    List<FieldVector> vectors = batch.vectors();
    try {
      for (int row = 0; row < batch.rowCount(); row++) {
        line.setLength(0);
        for (int column = 0; column < vectors.size(); column++) {
          if (column > 0) {
            line.append(options.delimiter());
          }
          FieldVector vector = vectors.get(column);
          if (vector.isNull(row)) {
            appendNull();
          } else {
            appendText(formatters.get(column).format(vector, row));
          }
        }
        line.append(options.lineSeparator());
        out.append(line);
      }
    } catch (IOException e) {
      throw writeFailure(file, e);
    }
  }

  private void appendNull() {
    if (options.quoteAll() && options.quote() != CsvOptions.DISABLED) {
      appendQuoted(options.nullValue());
    } else {
      line.append(options.nullValue());
    }
  }

  private void appendText(String raw) {
    String value = trim(raw);
    if (value.isEmpty()) {
      // Spark's default emptyValue is already the quoted form, so quoteAll does not quote it again.
      if (options.quoteAll() && options.quote() != CsvOptions.DISABLED
          && !options.emptyValue().equals(CsvWriterOptions.DEFAULT_EMPTY_VALUE)) {
        appendQuoted(options.emptyValue());
      } else {
        line.append(options.emptyValue());
      }
    } else if (options.quote() != CsvOptions.DISABLED && (options.quoteAll() || needsQuotes(raw))) {
      appendQuoted(value);
    } else {
      line.append(value);
    }
  }

  private String trim(String value) {
    int start = 0;
    int end = value.length();
    if (options.trimLeading()) {
      while (start < end && value.charAt(start) <= ' ') {
        start++;
      }
    }
    if (options.trimTrailing()) {
      while (end > start && value.charAt(end - 1) <= ' ') {
        end--;
      }
    }
    return value.substring(start, end);
  }

  /** Decided on the value before trimming, as Spark does: a trailing line break still forces quotes. */
  private boolean needsQuotes(String value) {
    if (value.indexOf(options.quote()) >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
        || value.contains(options.delimiter())) {
      return true;
    }
    return options.comment() != CsvOptions.DISABLED && !value.isEmpty() && value.charAt(0) == options.comment();
  }

  private void appendQuoted(String value) {
    char quote = options.quote();
    char escape = options.escape();
    char escapeOfEscape = options.escapeOfEscape();
    line.append(quote);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == quote && escape != CsvOptions.DISABLED) {
        line.append(escape);
      } else if (c == escape && escapeOfEscape != CsvOptions.DISABLED) {
        line.append(escapeOfEscape);
      }
      line.append(c);
    }
    line.append(quote);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw writeFailure(file, e);
    }
  }

  @Override
  public void abort() {
    if (!closed) {
      closed = true;
      closeQuietly(out);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // The file is being abandoned; the commit protocol deletes it with the staging directory.
    }
  }

  private static SparkException writeFailure(Path file, IOException cause) {
    String shown = FileListing.displayName(file);
    return new SparkException("TASK_WRITE_FAILED", Map.of("path", shown),
        "Task failed while writing rows to " + shown + ". SQLSTATE: 58030", cause);
  }
}
