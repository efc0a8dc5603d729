package dev.ember.runtime.io.partition;

import dev.ember.SparkException;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * Partition values from directory names, typed as Spark 4.2 types them. With type inference on (the
 * default), each value takes the first of int, bigint, decimal(p,0), double, date, timestamp, string
 * that reads it; a column's type is the widest of its values' types under Spark's partition rules;
 * {@code __HIVE_DEFAULT_PARTITION__} is null of any type. Numbers are read from the name as written
 * ({@code a%2E5} is a string), dates and timestamps and strings after {@code %XX} unescaping.
 */
public final class PartitionValueParser {
  /** The name Spark gives the directory of a null (or empty) partition value. */
  public static final String DEFAULT_PARTITION_NAME = "__HIVE_DEFAULT_PARTITION__";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);
  /** Spark's partition timestamp pattern: seconds with at most one fraction digit ({@code .123} stays a string). */
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 1, true).optionalEnd()
      .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  /** What a cast to timestamp accepts: a date, optionally a time with up to nine fraction digits. */
  private static final DateTimeFormatter CAST_TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-M-d")
      .optionalStart().optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
      .appendPattern("H:m")
      .optionalStart().appendPattern(":s").optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter CAST_DATE = DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  private PartitionValueParser() {}

  /** The type a raw (still escaped) directory value reads as; {@code NullType} for the default partition. */
  public static DataType inferType(String raw) {
    if (raw.equals(DEFAULT_PARTITION_NAME)) {
      return DataTypes.NullType;
    }
    if (parses(() -> Integer.parseInt(raw))) {
      return DataTypes.IntegerType;
    }
    if (parses(() -> Long.parseLong(raw))) {
      return DataTypes.LongType;
    }
    DecimalType decimal = integralDecimalType(raw);
    if (decimal != null) {
      return decimal;
    }
    if (parses(() -> Double.parseDouble(raw))) {
      return DataTypes.DoubleType;
    }
    String text = PartitionPathNames.unescape(raw);
    if (parses(() -> LocalDate.parse(text, DATE))) {
      return DataTypes.DateType;
    }
    if (parses(() -> LocalDateTime.parse(text, TIMESTAMP))) {
      return DataTypes.TimestampType;
    }
    return DataTypes.StringType;
  }

  /** A whole number too large for bigint ({@code 1e3} counts: it has no fraction), up to 38 digits. */
  private static DecimalType integralDecimalType(String raw) {
    BigDecimal value;
    try {
      value = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      return null;
    }
    if (value.scale() > 0) {
      return null;
    }
    int precision = value.setScale(0).precision();
    return precision <= DecimalType.MAX_PRECISION ? new DecimalType(precision, 0) : null;
  }

  /**
   * The type of a column whose values have types {@code left} and {@code right}: null gives way to
   * anything; int widens to bigint, double and decimal; date to timestamp; every other mix (bigint
   * with double, decimal with double, numbers with dates) is a string, as in Spark.
   */
  public static DataType widerType(DataType left, DataType right) {
    if (left.equals(right)) {
      return left;
    } else if (left instanceof NullType) {
      return right;
    } else if (right instanceof NullType) {
      return left;
    } else if (left instanceof StringType || right instanceof StringType) {
      return DataTypes.StringType;
    }
    DecimalType leftDecimal = asDecimal(left);
    DecimalType rightDecimal = asDecimal(right);
    if (left instanceof DecimalType || right instanceof DecimalType) {
      if (leftDecimal == null || rightDecimal == null) {
        return DataTypes.StringType;
      }
      return new DecimalType(Math.max(leftDecimal.precision(), rightDecimal.precision()), 0);
    }
    if (isOneOf(left, right, IntegerType.class, LongType.class)) {
      return DataTypes.LongType;
    } else if (isOneOf(left, right, IntegerType.class, DoubleType.class)) {
      return DataTypes.DoubleType;
    } else if (isOneOf(left, right, DateType.class, TimestampType.class)) {
      return DataTypes.TimestampType;
    }
    return DataTypes.StringType;
  }

  private static boolean isOneOf(DataType left, DataType right, Class<?> first, Class<?> second) {
    return (first.isInstance(left) && second.isInstance(right)) || (second.isInstance(left) && first.isInstance(right));
  }

  /** Integers as the decimals that hold them (int as decimal(10,0), bigint as decimal(20,0)). */
  private static DecimalType asDecimal(DataType type) {
    if (type instanceof DecimalType decimal) {
      return decimal;
    } else if (type instanceof IntegerType) {
      return new DecimalType(10, 0);
    } else if (type instanceof LongType) {
      return new DecimalType(20, 0);
    }
    return null;
  }

  /**
   * The value of a raw directory value in {@code type}, which inference chose for its column (so the
   * value reads as it); strings keep the name as written, unescaped ({@code 007} stays {@code 007}).
   */
  public static Object inferredValue(String raw, DataType type, ZoneId zone) {
    if (raw.equals(DEFAULT_PARTITION_NAME) || type instanceof NullType) {
      return null;
    }
    if (type instanceof StringType) {
      return PartitionPathNames.unescape(raw);
    } else if (type instanceof IntegerType) {
      return Integer.parseInt(raw);
    } else if (type instanceof LongType) {
      return Long.parseLong(raw);
    } else if (type instanceof DecimalType) {
      return new BigDecimal(raw).setScale(0);
    } else if (type instanceof DoubleType) {
      return Double.parseDouble(raw);
    }
    String text = PartitionPathNames.unescape(raw);
    if (type instanceof DateType) {
      return (int) LocalDate.parse(text, DATE).toEpochDay();
    } else if (type instanceof TimestampType) {
      LocalDateTime local = parses(() -> LocalDate.parse(text, DATE))
          ? LocalDate.parse(text, DATE).atStartOfDay() : LocalDateTime.parse(text, TIMESTAMP);
      return micros(local, zone);
    }
    throw new IllegalArgumentException("Partition type inference never yields " + type.simpleString());
  }

  /**
   * The value of a directory value cast to a type the user's schema gives its column, as Spark's cast
   * from string does (surrounding spaces ignored).
   *
   * @throws SparkException {@code INVALID_PARTITION_VALUE} when the value does not read as the type
   */
  public static Object castValue(String raw, DataType type, String column, ZoneId zone) {
    if (raw.equals(DEFAULT_PARTITION_NAME)) {
      return null;
    }
    String text = PartitionPathNames.unescape(raw);
    if (type instanceof StringType) {
      return text;
    }
    String trimmed = text.strip();
    try {
      if (type instanceof IntegerType) {
        return Integer.parseInt(trimmed);
      } else if (type instanceof LongType) {
        return Long.parseLong(trimmed);
      } else if (type instanceof ShortType) {
        return Short.parseShort(trimmed);
      } else if (type instanceof ByteType) {
        return Byte.parseByte(trimmed);
      } else if (type instanceof DoubleType) {
        return Double.parseDouble(trimmed);
      } else if (type instanceof FloatType) {
        return Float.parseFloat(trimmed);
      } else if (type instanceof DecimalType decimal) {
        BigDecimal value = new BigDecimal(trimmed).setScale(decimal.scale(), RoundingMode.HALF_UP);
        if (value.precision() - value.scale() > decimal.precision() - decimal.scale()) {
          throw new NumberFormatException("too many digits for " + decimal.simpleString());
        }
        return value;
      } else if (type instanceof BooleanType) {
        Boolean value = booleanValue(trimmed);
        if (value == null) {
          throw new IllegalArgumentException("not a boolean");
        }
        return value;
      } else if (type instanceof DateType) {
        return (int) LocalDate.parse(trimmed, CAST_DATE).toEpochDay();
      } else if (type instanceof TimestampType) {
        var parsed = CAST_TIMESTAMP.parseBest(trimmed, LocalDateTime::from, LocalDate::from);
        LocalDateTime local = parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
        return micros(local, zone);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw invalidValue(text, type, column);
    } catch (IllegalArgumentException e) {
      throw invalidValue(text, type, column);
    }
    throw invalidValue(text, type, column);
  }

  private static Boolean booleanValue(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
      case "false", "f", "no", "n", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static SparkException invalidValue(String value, DataType type, String column) {
    String typeName = "\"" + type.sql() + "\"";
    return new SparkException("INVALID_PARTITION_VALUE",
        Map.of("value", "'" + value + "'", "dataType", typeName, "columnName", "`" + column + "`"),
        "Failed to cast value '" + value + "' to data type " + typeName + " for partition column `" + column
            + "`. Ensure the value matches the expected data type for this partition column. SQLSTATE: 42846",
        null);
  }

  private static long micros(LocalDateTime local, ZoneId zone) {
    var instant = local.atZone(zone).toInstant();
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (NumberFormatException | DateTimeParseException e) {
      return false;
    }
  }
}
