package dev.ember.planner.parser;

import dev.ember.planner.expressions.Literal;
import dev.ember.sql.catalyst.parser.ParseException;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * Types number tokens as Spark 4.2 does (checked against Spark):
 *
 * <pre>
 * 26      int, widened to bigint and then to decimal(n,0) when it does not fit
 * 26L     bigint        26S  smallint      26Y  tinyint     (out of range: an error, not widening)
 * 1.5     decimal(2,1): exact, precision max(digits, scale)   1.5BD  the same, also for 1.5E3BD
 * 1e3     double        1.5D double        1.5F float        (out of range: an error)
 * </pre>
 *
 * A minus sign directly before a number is part of the literal, so {@code -2147483648} is an int.
 */
final class NumericLiterals {
  private NumericLiterals() {}

  /**
   * The literal for the number token {@code digits}, negated when {@code negative}; {@code start}
   * and {@code end} locate the whole literal, sign included, in {@code command} for error messages.
   */
  static Literal of(String digits, boolean negative, String command, int start, int end) {
    String upper = digits.toUpperCase(Locale.ROOT);
    String sign = negative ? "-" : "";
    if (upper.endsWith("BD")) {
      return decimal(sign + digits.substring(0, digits.length() - 2), command, start, end);
    }
    char suffix = upper.charAt(upper.length() - 1);
    String body = sign + (Character.isLetter(suffix) ? digits.substring(0, digits.length() - 1) : digits);
    switch (suffix) {
      case 'L':
        return new Literal(integral(body, Long.MIN_VALUE, Long.MAX_VALUE, "bigint", command, start, end)
            .longValueExact(), DataTypes.LongType);
      case 'S':
        return new Literal(integral(body, Short.MIN_VALUE, Short.MAX_VALUE, "smallint", command, start, end)
            .shortValueExact(), DataTypes.ShortType);
      case 'Y':
        return new Literal(integral(body, Byte.MIN_VALUE, Byte.MAX_VALUE, "tinyint", command, start, end)
            .byteValueExact(), DataTypes.ByteType);
      case 'D':
        return new Literal(toDouble(body, command, start, end), DataTypes.DoubleType);
      case 'F':
        return new Literal(toFloat(body, command, start, end), DataTypes.FloatType);
      default:
        break;
    }
    if (upper.indexOf('E') >= 0) {
      return new Literal(toDouble(body, command, start, end), DataTypes.DoubleType);
    }
    if (upper.indexOf('.') >= 0) {
      return decimal(body, command, start, end);
    }
    BigInteger value = new BigInteger(body);
    if (value.bitLength() < 32) {
      return new Literal(value.intValue(), DataTypes.IntegerType);
    } else if (value.bitLength() < 64) {
      return new Literal(value.longValue(), DataTypes.LongType);
    }
    return decimal(body, command, start, end);
  }

  private static BigInteger integral(
      String body, long min, long max, String typeName, String command, int start, int end) {
    BigInteger value = new BigInteger(body);
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw outOfRange(body, typeName, Long.toString(min), Long.toString(max), command, start, end);
    }
    return value;
  }

  private static double toDouble(String body, String command, int start, int end) {
    double value = Double.parseDouble(body);
    if (Double.isInfinite(value)) {
      throw outOfRange(
          body, "double", "-1.7976931348623157E+308", "1.7976931348623157E+308", command, start, end);
    }
    return value;
  }

  private static float toFloat(String body, String command, int start, int end) {
    float value = Float.parseFloat(body);
    if (Float.isInfinite(value) || Math.abs(Double.parseDouble(body)) > Float.MAX_VALUE) {
      throw outOfRange(
          body, "float", "-3.4028234663852886E+38", "3.4028234663852886E+38", command, start, end);
    }
    return value;
  }

  private static Literal decimal(String body, String command, int start, int end) {
    BigDecimal value = new BigDecimal(body);
    BigDecimal normalized = value.scale() < 0 ? value.setScale(0) : value;
    int precision = Math.max(normalized.precision(), normalized.scale());
    if (precision > DecimalType.MAX_PRECISION) {
      throw ParseException.atFragment(
          "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION",
          Map.of("precision", Integer.toString(precision), "maxPrecision", "38"),
          "Decimal precision " + precision + " exceeds max precision 38.",
          "22003",
          command,
          start,
          end);
    }
    return Literal.fromJava(normalized);
  }

  private static ParseException outOfRange(
      String body, String typeName, String min, String max, String command, int start, int end) {
    return ParseException.atFragment(
        "INVALID_NUMERIC_LITERAL_RANGE",
        Map.of("rawStrippedQualifier", body, "minValue", min, "maxValue", max, "typeName", typeName),
        "Numeric literal " + body + " is outside the valid range for " + typeName + " with minimum value of "
            + min + " and maximum value of " + max + ". Please adjust the value accordingly.",
        "22003",
        command,
        start,
        end);
  }
}
