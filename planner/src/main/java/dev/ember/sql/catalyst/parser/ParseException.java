package dev.ember.sql.catalyst.parser;

import dev.ember.sql.AnalysisException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * SQL text that cannot be parsed, as Spark's {@code org.apache.spark.sql.catalyst.parser.ParseException}.
 * {@link #getMessage()} renders the text the way Spark 4.2 does, in one of three layouts:
 *
 * <pre>
 * syntax errors (a position):       [PARSE_SYNTAX_ERROR] Syntax error at or near '='. SQLSTATE: 42601 (line 1, pos 4)
 *
 *                                   == SQL ==
 *                                   a = = 1
 *                                   ----^^^
 *
 * errors about a fragment:          [INVALID_TYPED_LITERAL] The value of the typed literal "DATE" is invalid: 'x'. SQLSTATE: 42604
 *                                   == SQL (line 1, position 1) ==
 *                                   DATE 'x'
 *                                   ^^^^^^^^
 *
 * errors about the whole text:      [UNCLOSED_BRACKETED_COMMENT] Found an unclosed ... SQLSTATE: 42601
 *                                   == SQL ==
 *                                   a /* b
 * </pre>
 *
 * Like Spark's, every layout starts with a line break.
 */
public class ParseException extends AnalysisException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final String command;
  private final Integer line;
  private final Integer startPosition;
  private final String renderedMessage;

  private ParseException(
      String condition,
      Map<String, String> messageParameters,
      String message,
      String sqlState,
      String command,
      Integer line,
      Integer startPosition,
      String renderedMessage) {
    super(condition, messageParameters, message);
    this.sqlState = sqlState;
    this.command = command;
    this.line = line;
    this.startPosition = startPosition;
    this.renderedMessage = renderedMessage;
  }

  /**
   * An error at one point of {@code command}: {@code line} counts from 1, {@code position} is the
   * character offset within that line, counting from 0, as Spark prints them.
   */
  public static ParseException atPosition(
      String condition,
      Map<String, String> messageParameters,
      String message,
      String sqlState,
      String command,
      int line,
      int position) {
    Objects.requireNonNull(command, "command is null");
    StringBuilder out = new StringBuilder();
    out.append('\n').append(headline(condition, message, sqlState));
    out.append(" (line ").append(line).append(", pos ").append(position).append(")\n\n== SQL ==\n");
    // Spark splits on line breaks (dropping trailing empty lines) and puts the caret line under the
    // error's line; the lines below follow without a final line break.
    String[] lines = command.split("\n");
    int above = Math.min(line, lines.length);
    out.append(String.join("\n", java.util.Arrays.copyOfRange(lines, 0, above)));
    out.append('\n').append("-".repeat(position)).append("^^^\n");
    out.append(String.join("\n", java.util.Arrays.copyOfRange(lines, above, lines.length)));
    return new ParseException(
        condition, messageParameters, message, sqlState, command, line, position, out.toString());
  }

  /** An error about the fragment {@code [start, end)} of {@code command}, shown with carets under it. */
  public static ParseException atFragment(
      String condition,
      Map<String, String> messageParameters,
      String message,
      String sqlState,
      String command,
      int start,
      int end) {
    Objects.requireNonNull(command, "command is null");
    if (start < 0 || end < start || end > command.length()) {
      throw new IllegalArgumentException(
          "fragment [" + start + ", " + end + ") is outside the command of length " + command.length());
    }
    int lineStart = command.lastIndexOf('\n', start - 1) + 1;
    int line = 1 + (int) command.substring(0, start).chars().filter(c -> c == '\n').count();
    int position = start - lineStart;
    StringBuilder out = new StringBuilder();
    out.append('\n').append(headline(condition, message, sqlState)).append('\n');
    out.append("== SQL (line ").append(line).append(", position ").append(position + 1).append(") ==\n");
    // Every line the fragment touches, each followed by carets under its part of the fragment.
    int cursor = lineStart;
    while (true) {
      int lineEnd = command.indexOf('\n', cursor);
      if (lineEnd < 0) {
        lineEnd = command.length();
      }
      int caretFrom = Math.max(start, cursor);
      int caretTo = Math.min(end, lineEnd);
      out.append(command, cursor, lineEnd).append('\n');
      out.append(" ".repeat(caretFrom - cursor)).append("^".repeat(Math.max(0, caretTo - caretFrom))).append('\n');
      if (lineEnd >= end || lineEnd == command.length()) {
        break;
      }
      cursor = lineEnd + 1;
    }
    return new ParseException(
        condition, messageParameters, message, sqlState, command, line, position, out.toString());
  }

  /** An error about the whole of {@code command}, which is echoed below the message. */
  public static ParseException aboutCommand(
      String condition, Map<String, String> messageParameters, String message, String sqlState, String command) {
    Objects.requireNonNull(command, "command is null");
    String rendered = "\n" + headline(condition, message, sqlState) + "\n== SQL ==\n" + command;
    return new ParseException(condition, messageParameters, message, sqlState, command, null, null, rendered);
  }

  /** Spark prints neither the condition nor a SQLSTATE for its unnamed, legacy conditions. */
  private static String headline(String condition, String message, String sqlState) {
    if (condition.startsWith("_LEGACY_ERROR_")) {
      return message;
    }
    return "[" + condition + "] " + message + " SQLSTATE: " + sqlState;
  }

  @Override
  public String getMessage() {
    return renderedMessage;
  }

  /** The SQLSTATE Spark gives this condition, such as {@code 42601} for syntax errors. */
  public String getSqlState() {
    return sqlState;
  }

  /** The SQL text that failed to parse. */
  public String command() {
    return command;
  }

  /** The line of the error, counting from 1, when the error has a position. */
  public Optional<Integer> line() {
    return Optional.ofNullable(line);
  }

  /** The character offset of the error within its line, counting from 0, when it has a position. */
  public Optional<Integer> startPosition() {
    return Optional.ofNullable(startPosition);
  }
}
