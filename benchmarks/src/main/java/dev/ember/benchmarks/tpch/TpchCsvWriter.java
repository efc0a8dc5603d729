package dev.ember.benchmarks.tpch;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes one generated TPC-H table as CSV the way Spark reads it with default options plus
 * {@code header=true}: comma separated, a header line, {@code "} quotes, {@code \} escapes, dates as
 * {@code yyyy-MM-dd}, money with two decimals. A value is quoted when it holds the separator, a quote,
 * a backslash, a line break or leading or trailing white space, so every reader keeps it verbatim.
 */
public final class TpchCsvWriter {
  private TpchCsvWriter() {}

  /** Writes {@code table} at {@code scaleFactor} into {@code file}; returns the number of rows. */
  public static long write(String table, double scaleFactor, Path file) throws IOException {
    Objects.requireNonNull(file, "file is null");
    TpchTable<?> generator = TpchTable.getTable(table);
    TpchSchema schema = TpchSchema.of(generator);
    long rows = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(String.join(",", schema.columnNames()));
      out.write('\n');
      StringBuilder line = new StringBuilder(256);
      for (TpchEntity entity : generator.createGenerator(scaleFactor, 1, 1)) {
        line.setLength(0);
        appendRow(entity.toLine(), schema.columns().size(), line, table);
        out.append(line);
        rows++;
      }
    }
    return rows;
  }

  /**
   * The generator's own text form is dbgen's: fields separated and terminated by {@code |}, which
   * never occurs inside a value.
   */
  private static void appendRow(String dbgenLine, int columnCount, StringBuilder line, String table) {
    int start = 0;
    for (int column = 0; column < columnCount; column++) {
      int end = dbgenLine.indexOf('|', start);
      if (end < 0) {
        throw new IllegalStateException("generated " + table + " line has fewer than " + columnCount
            + " fields: " + dbgenLine);
      }
      if (column > 0) {
        line.append(',');
      }
      appendValue(dbgenLine, start, end, line);
      start = end + 1;
    }
    line.append('\n');
  }

  private static void appendValue(String text, int start, int end, StringBuilder line) {
    if (!needsQuotes(text, start, end)) {
      line.append(text, start, end);
      return;
    }
    line.append('"');
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        line.append('\\');
      }
      line.append(c);
    }
    line.append('"');
  }

  private static boolean needsQuotes(String text, int start, int end) {
    if (start == end) {
      return true; // An empty unquoted value reads as NULL in Spark; quoted it stays "".
    }
    if (Character.isWhitespace(text.charAt(start)) || Character.isWhitespace(text.charAt(end - 1))) {
      return true;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\\' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
