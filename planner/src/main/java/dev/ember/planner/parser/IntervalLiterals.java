package dev.ember.planner.parser;

import dev.ember.SparkException;
import dev.ember.planner.expressions.Literal;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's ANSI interval literals, after the {@code INTERVAL} keyword: units with values
 * ({@code 1 YEAR 2 MONTHS}, {@code '3' DAY}, {@code 4.5 SECONDS}), whose type spans the first to the
 * last field named, or one string with a field range ({@code '1-2' YEAR TO MONTH},
 * {@code '3 04:05:06.789' DAY TO SECOND}). Year-month and day-time units cannot be mixed.
 */
final class IntervalLiterals {
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long[] DAY_TIME_MICROS = {86_400_000_000L, 3_600_000_000L, 60_000_000L, MICROS_PER_SECOND};
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+)(\\.\\d*)?");
  private static final Pattern YEAR_TO_MONTH = Pattern.compile("([+-]?)(\\d+)-(\\d+)");
  private static final Pattern DAY_TIME = Pattern.compile(
      "([+-]?)(\\d+)(?: (\\d+))?(?::(\\d+))?(?::(\\d+)(\\.\\d{0,9})?)?");

  private IntervalLiterals() {}

  /** One unit of a literal: which type family it belongs to and its field in that family. */
  private record Unit(boolean yearMonth, byte field, long microsPerUnit, String plural) {
    static Unit of(Token word) {
      String name = word.value().toUpperCase(Locale.ROOT);
      String singular = name.endsWith("S") ? name.substring(0, name.length() - 1) : name;
      return switch (singular) {
        case "YEAR" -> new Unit(true, YearMonthIntervalType.YEAR(), 12, "years");
        case "MONTH" -> new Unit(true, YearMonthIntervalType.MONTH(), 1, "months");
        case "WEEK" -> new Unit(false, DayTimeIntervalType.DAY(), 7 * DAY_TIME_MICROS[0], "weeks");
        case "DAY" -> new Unit(false, DayTimeIntervalType.DAY(), DAY_TIME_MICROS[0], "days");
        case "HOUR" -> new Unit(false, DayTimeIntervalType.HOUR(), DAY_TIME_MICROS[1], "hours");
        case "MINUTE" -> new Unit(false, DayTimeIntervalType.MINUTE(), DAY_TIME_MICROS[2], "minutes");
        case "SECOND" -> new Unit(false, DayTimeIntervalType.SECOND(), MICROS_PER_SECOND, "seconds");
        case "MILLISECOND" -> new Unit(false, DayTimeIntervalType.SECOND(), 1000, "milliseconds");
        case "MICROSECOND" -> new Unit(false, DayTimeIntervalType.SECOND(), 1, "microseconds");
        default -> null;
      };
    }

    /** Only seconds may have a fraction, down to a microsecond. */
    boolean fractional() {
      return microsPerUnit == MICROS_PER_SECOND;
    }
  }

  /** Whether the tokens {@code ahead} of the cursor start a value and its unit: {@code -'1' DAY}. */
  static boolean startsValue(TokenCursor tokens, int ahead) {
    Token first = tokens.peek(ahead);
    boolean signed = first.isSymbol("-") || first.isSymbol("+");
    Token value = signed ? tokens.peek(ahead + 1) : first;
    Token unit = tokens.peek(ahead + (signed ? 2 : 1));
    return (value.kind() == TokenKind.NUMBER || value.kind() == TokenKind.STRING)
        && unit.kind() == TokenKind.WORD && Unit.of(unit) != null;
  }

  /** One value and its unit as written: {@code -'3' DAYS}. */
  private record Part(boolean negative, Token value, Token unitWord, Unit unit) {}

  /** Reads the literal after the consumed {@code interval} keyword. */
  static Literal parse(Token interval, TokenCursor tokens) {
    Token first = tokens.current();
    boolean negative = readSign(tokens);
    Token value = tokens.advance();
    Token unitWord = tokens.advance();
    Unit unit = unit(unitWord, tokens);
    if (tokens.atKeyword("TO")) {
      tokens.advance();
      Unit last = unit(tokens.advance(), tokens);
      if (value.kind() != TokenKind.STRING) {
        throw tokens.errorAt(first, "INVALID_INTERVAL_FORMAT", Map.of(), "The value of from-to unit must be a string.",
            "22006");
      }
      return unitToUnit(first, value, negative, unit, last, tokens);
    }
    java.util.List<Part> parts = new java.util.ArrayList<>();
    parts.add(new Part(negative, value, unitWord, unit));
    while (startsValue(tokens, 0)) {
      boolean sign = readSign(tokens);
      Token nextValue = tokens.advance();
      Token nextUnit = tokens.advance();
      parts.add(new Part(sign, nextValue, nextUnit, unit(nextUnit, tokens)));
    }
    boolean yearMonth = unit.yearMonth();
    byte start = unit.field();
    byte end = unit.field();
    long total = 0;
    for (Part part : parts) {
      if (part.unit().yearMonth() != yearMonth) {
        throw tokens.errorAt(interval, "INVALID_INTERVAL_FORMAT", Map.of(),
            "Cannot mix year-month and day-time fields: " + text(interval, tokens) + ".", "22006");
      }
    }
    for (Part part : parts) {
      long amount = amount(part, parts, interval, tokens);
      total = accumulate(total, part.negative() ? -amount : amount, interval, tokens);
      start = (byte) Math.min(start, part.unit().field());
      end = (byte) Math.max(end, part.unit().field());
    }
    return literal(total, yearMonth, start, end, interval, tokens);
  }

  private static boolean readSign(TokenCursor tokens) {
    if (tokens.acceptSymbol("-")) {
      return true;
    }
    tokens.acceptSymbol("+");
    return false;
  }

  private static Unit unit(Token word, TokenCursor tokens) {
    Unit unit = word.kind() == TokenKind.WORD ? Unit.of(word) : null;
    if (unit == null) {
      throw tokens.syntaxError(word);
    }
    return unit;
  }

  /** The value of one unit in months or microseconds; only seconds take a fraction. */
  private static long amount(Part part, java.util.List<Part> parts, Token interval, TokenCursor tokens) {
    String text = part.value().value().trim();
    Unit unit = part.unit();
    Matcher number = NUMBER.matcher(text);
    if (!number.matches()) {
      throw invalid(interval, text, "Error parsing interval " + unit.plural() + " string", tokens);
    }
    BigDecimal amount = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    if (amount.stripTrailingZeros().scale() > 0 && !unit.fractional()) {
      // Spark's message quotes the units as the interval string it builds from them: ' 1.5 DAYS'.
      StringBuilder input = new StringBuilder();
      for (Part each : parts) {
        input.append(' ').append(each.negative() ? "-" : "").append(each.value().value()).append(' ')
            .append(each.unitWord().text());
      }
      throw new SparkException("INVALID_INTERVAL_FORMAT.INVALID_FRACTION",
          Map.of("input", input.toString(), "unit", unit.plural()),
          "Error parsing '" + input + "' to interval. Please ensure that the value provided is in a valid format for "
              + "defining an interval. You can reference the documentation for the correct format. " + unit.plural()
              + " cannot have fractional part. SQLSTATE: 22006", null);
    }
    try {
      return amount.multiply(BigDecimal.valueOf(unit.microsPerUnit())).setScale(0, java.math.RoundingMode.DOWN)
          .longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(interval, tokens);
    }
  }

  private static long accumulate(long total, long amount, Token interval, TokenCursor tokens) {
    try {
      return Math.addExact(total, amount);
    } catch (ArithmeticException e) {
      throw outOfRange(interval, tokens);
    }
  }

  /** {@code '1-2' YEAR TO MONTH}, {@code '3 04:05:06.789' DAY TO SECOND} and the other field ranges. */
  private static Literal unitToUnit(Token interval, Token value, boolean negative, Unit from, Unit to,
      TokenCursor tokens) {
    String text = value.value().trim();
    if (from.yearMonth() && to.yearMonth() && from.field() == YearMonthIntervalType.YEAR()
        && to.field() == YearMonthIntervalType.MONTH()) {
      Matcher match = YEAR_TO_MONTH.matcher(text);
      if (!match.matches() || Long.parseLong(match.group(3)) > 11) {
        throw invalid(interval, text, "Error parsing interval year-month string", tokens);
      }
      long months = Math.addExact(Math.multiplyExact(Long.parseLong(match.group(2)), 12L),
          Long.parseLong(match.group(3)));
      boolean minus = match.group(1).equals("-") != negative;
      return literal(minus ? -months : months, true, from.field(), to.field(), interval, tokens);
    }
    if (from.yearMonth() || to.yearMonth() || from.field() >= to.field() || from.microsPerUnit() < MICROS_PER_SECOND
        || to.microsPerUnit() < MICROS_PER_SECOND || from.microsPerUnit() > DAY_TIME_MICROS[0]) {
      String expression = "interval '" + text + "' " + tokens.command().substring(value.end(), tokens.previous().end())
          .trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      throw tokens.errorAt(interval, "INVALID_INTERVAL_FORMAT.UNSUPPORTED_FROM_TO_EXPRESSION",
          Map.of("input", text, "input2", expression),
          "Error parsing '" + text + "' to interval. Please ensure that the value provided is in a valid format for "
              + "defining an interval. You can reference the documentation for the correct format. Cannot support ("
              + expression + ") expression.", "22006");
    }
    long micros = dayTime(text, from.field(), to.field(), interval, tokens);
    return literal(negative ? -micros : micros, false, from.field(), to.field(), interval, tokens);
  }

  /**
   * Microseconds of a day-time string whose fields run from {@code start} to {@code end}: a day is
   * followed by a space, the other fields by colons; fields after the first are bounded (hour 0-23,
   * minute and second 0-59).
   */
  private static long dayTime(String text, byte start, byte end, Token interval, TokenCursor tokens) {
    Matcher match = DAY_TIME.matcher(text);
    String format = dayTimeFormat(start, end);
    if (!match.matches()) {
      throw mismatch(interval, text, format, start, end, tokens);
    }
    // Collect the numbers in order and check there is one per field.
    java.util.List<String> fields = new java.util.ArrayList<>();
    fields.add(match.group(2));
    for (int group = 3; group <= 5; group++) {
      if (match.group(group) != null) {
        fields.add(match.group(group));
      }
    }
    boolean daySeparated = match.group(3) != null;
    if (fields.size() != end - start + 1 || daySeparated != (start == DayTimeIntervalType.DAY() && end > start)
        || match.group(6) != null && end != DayTimeIntervalType.SECOND()) {
      throw mismatch(interval, text, format, start, end, tokens);
    }
    // Summed with their sign, so the most negative interval (whose magnitude is no long) still parses.
    long sign = match.group(1).equals("-") ? -1 : 1;
    long micros = 0;
    try {
      for (int i = 0; i < fields.size(); i++) {
        byte field = (byte) (start + i);
        long amount = Long.parseLong(fields.get(i));
        if (i > 0 && amount > (field == DayTimeIntervalType.HOUR() ? 23 : 59)) {
          throw tokens.errorAt(interval, "INVALID_INTERVAL_FORMAT", Map.of(),
              "requirement failed: " + DayTimeIntervalType.fieldToString(field) + " " + amount + " outside range [0, "
                  + (field == DayTimeIntervalType.HOUR() ? 23 : 59) + "].", "22006");
        }
        micros = Math.addExact(micros, Math.multiplyExact(sign * amount, DAY_TIME_MICROS[field]));
      }
      if (match.group(6) != null && match.group(6).length() > 1) {
        String fraction = (match.group(6).substring(1) + "000000").substring(0, 6);
        micros = Math.addExact(micros, sign * Long.parseLong(fraction));
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw outOfRange(interval, tokens);
    }
    return micros;
  }

  private static String dayTimeFormat(byte start, byte end) {
    String[] parts = {"d", "h", "m", "s"};
    StringBuilder format = new StringBuilder("[+|-]");
    for (int field = start; field <= end; field++) {
      if (field > start) {
        format.append(field == DayTimeIntervalType.HOUR() ? " " : ":");
      }
      format.append(parts[field]);
    }
    if (end == DayTimeIntervalType.SECOND()) {
      format.append(".nnnnnnnnn");
    }
    return format.toString();
  }

  private static Literal literal(long value, boolean yearMonth, byte start, byte end, Token interval,
      TokenCursor tokens) {
    if (yearMonth) {
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw outOfRange(interval, tokens);
      }
      return new Literal((int) value, new YearMonthIntervalType(start, end));
    }
    return new Literal(value, new DayTimeIntervalType(start, end));
  }

  private static String text(Token interval, TokenCursor tokens) {
    return tokens.command().substring(interval.start(), tokens.previous().end());
  }

  private static RuntimeException invalid(Token interval, String value, String detail, TokenCursor tokens) {
    return tokens.errorAt(interval, "INVALID_INTERVAL_FORMAT.INTERVAL_PARSING", Map.of("input", value,
            "interval", detail),
        "Error parsing '" + value + "' to interval. Please ensure that the value provided is in a valid format for "
            + "defining an interval. You can reference the documentation for the correct format. " + detail + ".",
        "22006");
  }

  private static RuntimeException mismatch(Token interval, String value, String format, byte start, byte end,
      TokenCursor tokens) {
    String fields = new DayTimeIntervalType(start, end).fieldsSql();
    String notice = "Interval string does not match day-time format of `" + format + "`, `INTERVAL [+|-]'"
        + format + "' " + fields + "` when cast to " + new DayTimeIntervalType(start, end).typeName() + ": " + value
        + ". Set \"spark.sql.legacy.fromDayTimeString.enabled\" to \"true\" to restore the behavior before Spark 3.0.";
    return tokens.errorAt(interval, "INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE",
        Map.of("input", value, "intervalStr", "day-time", "supportedFormat", format),
        "Error parsing '" + value + "' to interval. Please ensure that the value provided is in a valid format for "
            + "defining an interval. You can reference the documentation for the correct format. " + notice, "22006");
  }

  private static RuntimeException outOfRange(Token interval, TokenCursor tokens) {
    return tokens.errorAt(interval, "INVALID_INTERVAL_FORMAT", Map.of(),
        "Interval value out of range: " + text(interval, tokens) + ".", "22006");
  }
}
