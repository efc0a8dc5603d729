package dev.ember.codegen.semantics;

import dev.ember.SparkException;
import dev.ember.runtime.functions.IntervalText;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark 4.2's casts to and from ANSI intervals, called by both kernels (checked against Spark 4.2.0).
 * Day-time values are microseconds, year-month values months.
 *
 * <p>A number is a count of the interval's last field ({@code CAST(3 AS INTERVAL DAY TO HOUR)} is three
 * hours) and an interval read as a number counts that field, truncated toward zero (only seconds keep
 * a fraction as a decimal). A decimal becomes an interval down to a microsecond or a month, rounded half up. Overflow is CAST_OVERFLOW and a string
 * that does not match the type's format INVALID_INTERVAL_FORMAT whatever {@code spark.sql.ansi.enabled}
 * says, as Spark does. Between interval types of one family the value is truncated to the target's
 * last field.
 */
public final class IntervalCastOps {
  private static final long[] MICROS_PER_DAY_TIME_FIELD = {86_400_000_000L, 3_600_000_000L, 60_000_000L, 1_000_000L};
  private static final String[] DAY_TIME_FORMAT_LETTERS = {"d", "h", "m", "s.n"};
  private static final Pattern QUOTED = Pattern.compile("(?i)INTERVAL\\s*([+-]?)\\s*'([^']*)'\\s*(.+)");

  private IntervalCastOps() {}

  // ---------------------------------------------------------------------------------------------
  // Numbers to intervals.

  /** {@code CAST(n AS INTERVAL ...)} for any integral {@code source}: n of the last field. */
  public static long integralToDayTime(long value, DataType source, DayTimeIntervalType target) {
    try {
      return Math.multiplyExact(value, microsPerUnit(target));
    } catch (ArithmeticException e) {
      throw SparkErrors.castOverflow(CastOps.integralSql(value, source), source, target);
    }
  }

  public static int integralToYearMonth(long value, DataType source, YearMonthIntervalType target) {
    long months;
    try {
      months = Math.multiplyExact(value, monthsPerUnit(target));
    } catch (ArithmeticException e) {
      months = Long.MAX_VALUE;
    }
    if (months < Integer.MIN_VALUE || months > Integer.MAX_VALUE) {
      throw SparkErrors.castOverflow(CastOps.integralSql(value, source), source, target);
    }
    return (int) months;
  }

  /** A decimal count of the last field, rounded half up to a whole microsecond. */
  public static long decimalToDayTime(BigDecimal value, DecimalType source, DayTimeIntervalType target) {
    try {
      return value.multiply(BigDecimal.valueOf(microsPerUnit(target))).setScale(0, RoundingMode.HALF_UP)
          .longValueExact();
    } catch (ArithmeticException e) {
      throw SparkErrors.castOverflow(value.toPlainString() + "BD", source, target);
    }
  }

  /** A decimal count of the last field, rounded half up to a whole month. */
  public static int decimalToYearMonth(BigDecimal value, DecimalType source, YearMonthIntervalType target) {
    try {
      return value.multiply(BigDecimal.valueOf(monthsPerUnit(target))).setScale(0, RoundingMode.HALF_UP)
          .intValueExact();
    } catch (ArithmeticException e) {
      throw SparkErrors.castOverflow(value.toPlainString() + "BD", source, target);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Intervals to numbers.

  /** Whole units of the last field, as {@code target} (tinyint to bigint); CAST_OVERFLOW when out of range. */
  public static long dayTimeToIntegral(long micros, DayTimeIntervalType source, DataType target) {
    long units = micros / microsPerUnit(source);
    if (units < IntegralRange.minimum(target) || units > IntegralRange.maximum(target)) {
      throw SparkErrors.castOverflow(IntervalText.dayTime(micros, source), source, target);
    }
    return units;
  }

  public static long yearMonthToIntegral(int months, YearMonthIntervalType source, DataType target) {
    long units = months / monthsPerUnit(source);
    if (units < IntegralRange.minimum(target) || units > IntegralRange.maximum(target)) {
      throw SparkErrors.castOverflow(IntervalText.yearMonth(months, source), source, target);
    }
    return units;
  }

  /**
   * Seconds keep their fraction (rounded half up to {@code scale}); other last fields count whole units,
   * truncated toward zero ({@code 3.5} days as a decimal is {@code 3}). A value too wide for the
   * precision is NUMERIC_VALUE_OUT_OF_RANGE even with ANSI off, as in Spark.
   */
  public static BigDecimal dayTimeToDecimal(long micros, DayTimeIntervalType source, int precision, int scale) {
    BigDecimal units = source.endField() == DayTimeIntervalType.SECOND()
        ? BigDecimal.valueOf(micros, 6)
        : BigDecimal.valueOf(micros / microsPerUnit(source));
    return DecimalOps.toPrecision(units, precision, scale, true);
  }

  public static BigDecimal yearMonthToDecimal(int months, YearMonthIntervalType source, int precision, int scale) {
    return DecimalOps.toPrecision(BigDecimal.valueOf(months / monthsPerUnit(source)), precision, scale, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Between interval types of one family.

  /** Drops what lies below the target's last field, toward zero: {@code -3 04:05} as DAY is {@code -3}. */
  public static long dayTimeToDayTime(long micros, DayTimeIntervalType target) {
    long unit = microsPerUnit(target);
    return micros - micros % unit;
  }

  public static int yearMonthToYearMonth(int months, YearMonthIntervalType target) {
    return target.endField() == YearMonthIntervalType.YEAR() ? months - months % 12 : months;
  }

  // ---------------------------------------------------------------------------------------------
  // Text.

  public static String dayTimeToString(long micros, DayTimeIntervalType source) {
    return IntervalText.dayTime(micros, source);
  }

  public static String yearMonthToString(int months, YearMonthIntervalType source) {
    return IntervalText.yearMonth(months, source);
  }

  /**
   * {@code CAST(text AS INTERVAL ...)}: the type's fields alone ({@code 3 04:05}) or as a literal naming
   * exactly those fields ({@code INTERVAL '3 04:05' DAY TO MINUTE}), with optional signs before and
   * inside the quotes. Fields after the first are bounded (hours 0-23, minutes and seconds 0-59);
   * seconds keep six fraction digits, the rest is dropped. Like Spark, the first field is not checked
   * for overflow: {@code '106751992'} as a DAY wraps around.
   */
  public static long stringToDayTime(String text, DayTimeIntervalType target) {
    Objects.requireNonNull(text, "text is null");
    String body = unquoted(text.trim(), target.fieldsSql());
    if (body == null) {
      throw dayTimeMismatch(text, target);
    }
    boolean negative = body.startsWith("-");
    String rest = body.startsWith("-") || body.startsWith("+") ? body.substring(1) : body;
    Matcher match = dayTimePattern(target).matcher(rest);
    if (!match.matches()) {
      throw dayTimeMismatch(text, target);
    }
    long micros = 0;
    int group = 1;
    for (int field = target.startField(); field <= target.endField(); field++, group++) {
      long amount = Long.parseLong(match.group(group));
      if (field > target.startField()) {
        long maximum = field == DayTimeIntervalType.HOUR() ? 23 : 59;
        if (amount > maximum) {
          throw new IllegalArgumentException("requirement failed: " + DayTimeIntervalType.fieldToString((byte) field)
              + " " + amount + " outside range [0, " + maximum + "]");
        }
      }
      micros += amount * MICROS_PER_DAY_TIME_FIELD[field];
    }
    if (target.endField() == DayTimeIntervalType.SECOND() && match.group(group) != null) {
      String fraction = (match.group(group) + "000000").substring(0, 6);
      micros += Long.parseLong(fraction);
    }
    return negative ? -micros : micros;
  }

  /** {@code CAST(text AS INTERVAL YEAR TO MONTH)} and the single-field year-month types, as {@link #stringToDayTime}. */
  public static int stringToYearMonth(String text, YearMonthIntervalType target) {
    Objects.requireNonNull(text, "text is null");
    String body = unquoted(text.trim(), target.fieldsSql());
    boolean both = target.startField() != target.endField();
    Matcher match = body == null ? null
        : Pattern.compile(both ? "([+-]?)(\\d+)-(\\d+)" : "([+-]?)(\\d+)").matcher(body);
    if (match == null || !match.matches()) {
      throw yearMonthMismatch(text, target);
    }
    try {
      long leading = Integer.parseInt(match.group(2));
      long months;
      if (both) {
        int month = Integer.parseInt(match.group(3));
        if (month > 11) {
          throw new NumberFormatException("month " + month);
        }
        months = leading * 12 + month;
      } else {
        months = target.startField() == YearMonthIntervalType.YEAR() ? leading * 12 : leading;
      }
      months = "-".equals(match.group(1)) ? -months : months;
      return Math.toIntExact(months);
    } catch (NumberFormatException | ArithmeticException e) {
      throw yearMonthParsing(text);
    }
  }

  /**
   * The fields text of {@code INTERVAL [+|-]'text' FIELDS} (with the outer sign applied) when
   * {@code text} is such a literal naming {@code fields}; {@code text} itself when it is not a literal;
   * null for a literal naming other fields.
   */
  private static String unquoted(String text, String fields) {
    if (!text.regionMatches(true, 0, "INTERVAL", 0, "INTERVAL".length())) {
      return text;
    }
    Matcher literal = QUOTED.matcher(text);
    if (!literal.matches() || !literal.group(3).trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT).equals(fields)) {
      return null;
    }
    String inner = literal.group(2).trim();
    if (!"-".equals(literal.group(1))) {
      return inner;
    }
    // An outer minus flips the inner sign: INTERVAL -'-3' DAY is three days.
    if (inner.startsWith("-")) {
      return "+" + inner.substring(1);
    }
    return "-" + (inner.startsWith("+") ? inner.substring(1) : inner);
  }

  /** Digits per field: a day and the next field are separated by a space, the others by colons. */
  private static Pattern dayTimePattern(DayTimeIntervalType type) {
    StringBuilder regex = new StringBuilder();
    for (int field = type.startField(); field <= type.endField(); field++) {
      if (field > type.startField()) {
        regex.append(field == DayTimeIntervalType.HOUR() ? " " : ":");
      }
      regex.append("(\\d+)");
    }
    if (type.endField() == DayTimeIntervalType.SECOND()) {
      regex.append("(?:\\.(\\d{0,9}))?");
    }
    return Pattern.compile(regex.toString());
  }

  private static String dayTimeFormat(DayTimeIntervalType type) {
    StringBuilder format = new StringBuilder("[+|-]");
    for (int field = type.startField(); field <= type.endField(); field++) {
      if (field > type.startField()) {
        format.append(field == DayTimeIntervalType.HOUR() ? " " : ":");
      }
      format.append(DAY_TIME_FORMAT_LETTERS[field]);
    }
    return format.toString();
  }

  private static String yearMonthFormat(YearMonthIntervalType type) {
    if (type.startField() != type.endField()) {
      return "[+|-]y-m";
    }
    return type.startField() == YearMonthIntervalType.YEAR() ? "[+|-]y" : "[+|-]m";
  }

  private static SparkException dayTimeMismatch(String text, DayTimeIntervalType type) {
    String format = dayTimeFormat(type);
    return mismatch("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING_WITH_NOTICE", "day-time", format,
        type.fieldsSql(), type.typeName(), text,
        " Set \"spark.sql.legacy.fromDayTimeString.enabled\" to \"true\" to restore the behavior before Spark 3.0.");
  }

  private static SparkException yearMonthMismatch(String text, YearMonthIntervalType type) {
    return mismatch("INVALID_INTERVAL_FORMAT.UNMATCHED_FORMAT_STRING", "year-month", yearMonthFormat(type),
        type.fieldsSql(), type.typeName(), text, "");
  }

  private static SparkException mismatch(String condition, String family, String format, String fields,
      String typeName, String text, String notice) {
    String supported = "`" + format + "`, `INTERVAL [+|-]'" + format + "' " + fields + "`";
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("intervalStr", family);
    parameters.put("supportedFormat", supported);
    parameters.put("typeName", typeName);
    parameters.put("input", text);
    return new SparkException(condition, parameters, "Error parsing '" + text + "' to interval. Please ensure that"
        + " the value provided is in a valid format for defining an interval. You can reference the documentation"
        + " for the correct format. Interval string does not match " + family + " format of " + supported
        + " when cast to " + typeName + ": " + text + "." + notice + " SQLSTATE: 22006", null);
  }

  private static SparkException yearMonthParsing(String text) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("input", text);
    parameters.put("interval", "year-month");
    return new SparkException("INVALID_INTERVAL_FORMAT.INTERVAL_PARSING", parameters, "Error parsing '" + text
        + "' to interval. Please ensure that the value provided is in a valid format for defining an interval."
        + " You can reference the documentation for the correct format. Error parsing interval year-month string."
        + " SQLSTATE: 22006", null);
  }

  private static long microsPerUnit(DayTimeIntervalType type) {
    return MICROS_PER_DAY_TIME_FIELD[type.endField()];
  }

  private static int monthsPerUnit(YearMonthIntervalType type) {
    return type.endField() == YearMonthIntervalType.YEAR() ? 12 : 1;
  }
}
