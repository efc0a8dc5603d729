package dev.ember.api.format;

import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The text of Spark 4.2's {@code Dataset.showString(numRows, truncate, vertical)}, which
 * {@code show()} prints followed by a line break. Layout rules, each checked against Spark:
 *
 * <ul>
 *   <li>Table: {@code +---+} borders, a header row, columns at least 3 wide; cells are right-aligned
 *       when {@code truncate > 0} and left-aligned otherwise (negative counts as 0).
 *   <li>Cells longer than {@code truncate} UTF-16 units are cut: to {@code truncate} units when it is
 *       below 4, else to {@code truncate - 3} units followed by {@code ...}. Column names are never
 *       cut. Control characters are escaped first ({@code \n} prints as a backslash and n).
 *   <li>Widths count East Asian full-width characters as two columns ({@link DisplayWidth}).
 *   <li>When more rows exist than shown, {@code only showing top N rows} ({@code row} for 1) follows
 *       the table, without a final line break. A table ends with a line break otherwise.
 *   <li>Vertical: a {@code -RECORD i} line padded with dashes to the record width, then one
 *       {@code  name | value } line per column, both left-aligned and at least 3 wide; with no rows
 *       to show, just {@code (0 rows)}, even when more rows exist.
 * </ul>
 */
public final class ShowFormatter {
  private static final int MINIMUM_COLUMN_WIDTH = 3;
  private static final String ELLIPSIS = "...";

  private ShowFormatter() {}

  /**
   * @param schema the Dataset's schema; gives the column names and the types values render by
   * @param rows the first rows of the result; pass {@code numRows + 1} (when that many exist) so the
   *     footer can tell whether rows were left out
   * @param numRows how many rows to show; zero or negative shows none
   * @param truncate longest cell shown in full; 0 or less for no truncation
   * @param vertical one block per row instead of a table
   * @param sessionZone zone timestamps are shown in
   */
  public static String showString(
      StructType schema, List<Row> rows, int numRows, int truncate, boolean vertical, ZoneId sessionZone) {
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(rows, "rows is null");
    Objects.requireNonNull(sessionZone, "sessionZone is null");
    int shownCount = Math.min(Math.max(numRows, 0), rows.size());
    boolean hasMoreRows = rows.size() > shownCount;
    String[] header = new String[schema.length()];
    for (int column = 0; column < header.length; column++) {
      header[column] = DisplayStrings.escapeControlCharacters(schema.apply(column).name());
    }
    String[][] cells = new String[shownCount][];
    for (int row = 0; row < shownCount; row++) {
      cells[row] = cellsOf(schema, rows.get(row), truncate, sessionZone);
    }
    StringBuilder out = new StringBuilder();
    if (vertical) {
      if (shownCount == 0) {
        return "(0 rows)";
      }
      appendVertical(out, header, cells);
    } else {
      appendTable(out, header, cells, truncate > 0);
    }
    if (hasMoreRows) {
      out.append("only showing top ").append(shownCount).append(shownCount == 1 ? " row" : " rows");
    }
    return out.toString();
  }

  private static String[] cellsOf(StructType schema, Row row, int truncate, ZoneId sessionZone) {
    if (row.size() != schema.length()) {
      throw new IllegalArgumentException(
          "row " + row + " has " + row.size() + " values but the schema has " + schema.length() + " columns");
    }
    String[] cells = new String[schema.length()];
    for (int column = 0; column < cells.length; column++) {
      String text = DisplayStrings.toDisplayString(row.get(column), schema.apply(column).dataType(), sessionZone);
      cells[column] = truncated(DisplayStrings.escapeControlCharacters(text), truncate);
    }
    return cells;
  }

  /** Spark cuts by UTF-16 units, so a cut may split a surrogate pair; that is kept for fidelity. */
  private static String truncated(String text, int truncate) {
    if (truncate <= 0 || text.length() <= truncate) {
      return text;
    }
    if (truncate < ELLIPSIS.length() + 1) {
      return text.substring(0, truncate);
    }
    return text.substring(0, truncate - ELLIPSIS.length()) + ELLIPSIS;
  }

  private static void appendTable(StringBuilder out, String[] header, String[][] cells, boolean alignRight) {
    int[] widths = new int[header.length];
    for (int column = 0; column < header.length; column++) {
      widths[column] = Math.max(MINIMUM_COLUMN_WIDTH, DisplayWidth.of(header[column]));
      for (String[] row : cells) {
        widths[column] = Math.max(widths[column], DisplayWidth.of(row[column]));
      }
    }
    // Joined, not appended per column: with no columns Spark prints "++" and "||".
    StringJoiner border = new StringJoiner("+", "+", "+\n");
    for (int width : widths) {
      border.add("-".repeat(width));
    }
    out.append(border);
    appendTableLine(out, header, widths, alignRight);
    out.append(border);
    for (String[] row : cells) {
      appendTableLine(out, row, widths, alignRight);
    }
    out.append(border);
  }

  private static void appendTableLine(StringBuilder out, String[] values, int[] widths, boolean alignRight) {
    StringJoiner line = new StringJoiner("|", "|", "|\n");
    for (int column = 0; column < values.length; column++) {
      String value = values[column];
      line.add(alignRight ? DisplayWidth.padLeft(value, widths[column]) : DisplayWidth.padRight(value, widths[column]));
    }
    out.append(line);
  }

  private static void appendVertical(StringBuilder out, String[] header, String[][] cells) {
    int nameWidth = MINIMUM_COLUMN_WIDTH;
    for (String name : header) {
      nameWidth = Math.max(nameWidth, DisplayWidth.of(name));
    }
    int valueWidth = MINIMUM_COLUMN_WIDTH;
    for (String[] row : cells) {
      for (String cell : row) {
        valueWidth = Math.max(valueWidth, DisplayWidth.of(cell));
      }
    }
    // " name | value " is the name, the value and five characters of framing.
    int recordWidth = nameWidth + valueWidth + 5;
    for (int row = 0; row < cells.length; row++) {
      String title = "-RECORD " + row;
      out.append(title).append("-".repeat(Math.max(0, recordWidth - title.length()))).append('\n');
      for (int column = 0; column < header.length; column++) {
        out.append(' ')
            .append(DisplayWidth.padRight(header[column], nameWidth))
            .append(" | ")
            .append(DisplayWidth.padRight(cells[row][column], valueWidth))
            .append(" \n");
      }
    }
  }
}
