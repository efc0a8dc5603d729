package dev.ember.planner.expressions;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.YearMonthIntervalType;
import dev.ember.runtime.functions.IntervalText;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A constant. Values use Ember's internal representation, the same one the engine computes with:
 * Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal (scale equal to the type's),
 * String, byte[], Integer days since the epoch for dates, Long microseconds since the epoch (UTC) for
 * timestamps, and null for a null of any type.
 */
public record Literal(Object value, DataType dataType, ZoneId sqlZone) implements Expression {
  public static final Literal TRUE = new Literal(Boolean.TRUE, DataTypes.BooleanType);
  public static final Literal FALSE = new Literal(Boolean.FALSE, DataTypes.BooleanType);

  /**
   * A constant; {@code sqlZone} is the zone a timestamp's SQL text is written in ({@code TIMESTAMP
   * '2024-01-15 10:20:30'}): the session time zone of the text it was parsed from, as in Spark.
   */
  public Literal {
    Objects.requireNonNull(dataType, "dataType is null");
    Objects.requireNonNull(sqlZone, "sqlZone is null");
    if (value != null && !representationMatches(value, dataType)) {
      throw new IllegalArgumentException(
          "literal value " + value + " (" + value.getClass().getSimpleName() + ") does not fit type "
              + dataType.simpleString());
    }
  }

  /** A constant whose timestamp text, if any, is written in UTC. */
  public Literal(Object value, DataType dataType) {
    this(value, dataType, ZoneOffset.UTC);
  }

  public static Literal nullOf(DataType type) {
    return new Literal(null, type);
  }

  /** A literal for a Java value as the public API receives it ({@code lit(26)}, {@code lit("x")}). */
  public static Literal fromJava(Object value) {
    if (value == null) {
      return new Literal(null, DataTypes.NullType);
    } else if (value instanceof Literal literal) {
      return literal;
    } else if (value instanceof Boolean) {
      return new Literal(value, DataTypes.BooleanType);
    } else if (value instanceof Byte) {
      return new Literal(value, DataTypes.ByteType);
    } else if (value instanceof Short) {
      return new Literal(value, DataTypes.ShortType);
    } else if (value instanceof Integer) {
      return new Literal(value, DataTypes.IntegerType);
    } else if (value instanceof Long) {
      return new Literal(value, DataTypes.LongType);
    } else if (value instanceof Float) {
      return new Literal(value, DataTypes.FloatType);
    } else if (value instanceof Double) {
      return new Literal(value, DataTypes.DoubleType);
    } else if (value instanceof BigDecimal decimal) {
      // Spark: precision is max(digits, scale), scale kept; a negative scale is normalised to 0.
      BigDecimal normalized = decimal.scale() < 0 ? decimal.setScale(0) : decimal;
      int precision = Math.max(normalized.precision(), normalized.scale());
      if (precision > DecimalType.MAX_PRECISION) {
        throw new IllegalArgumentException("decimal literal " + decimal + " has more than 38 digits");
      }
      return new Literal(normalized, new DecimalType(Math.max(precision, 1), normalized.scale()));
    } else if (value instanceof String) {
      return new Literal(value, DataTypes.StringType);
    } else if (value instanceof byte[]) {
      return new Literal(value, DataTypes.BinaryType);
    } else if (value instanceof java.time.Duration duration) {
      return new Literal(dev.ember.runtime.functions.IntervalFunctions.toMicros(duration),
          dev.ember.sql.types.DataTypes.createDayTimeIntervalType());
    } else if (value instanceof java.time.Period period) {
      return new Literal(Math.toIntExact(period.toTotalMonths()), DataTypes.createYearMonthIntervalType());
    } else if (value instanceof LocalDate date) {
      return new Literal((int) date.toEpochDay(), DataTypes.DateType);
    } else if (value instanceof java.sql.Date date) {
      return new Literal((int) date.toLocalDate().toEpochDay(), DataTypes.DateType);
    } else if (value instanceof java.time.LocalDateTime wallClock) {
      java.time.Instant asUtc = wallClock.toInstant(java.time.ZoneOffset.UTC);
      return new Literal(Math.addExact(Math.multiplyExact(asUtc.getEpochSecond(), 1_000_000L), asUtc.getNano() / 1_000L),
          DataTypes.TimestampNTZType);
    }
    throw new IllegalArgumentException(
        "[UNSUPPORTED_FEATURE.LITERAL_TYPE] The feature is not supported: Literal for '" + value + "' of "
            + value.getClass() + ".");
  }

  private static boolean representationMatches(Object value, DataType type) {
    if (type instanceof BooleanType) {
      return value instanceof Boolean;
    } else if (type instanceof ByteType) {
      return value instanceof Byte;
    } else if (type instanceof ShortType) {
      return value instanceof Short;
    } else if (type instanceof IntegerType || type instanceof DateType || type instanceof YearMonthIntervalType) {
      return value instanceof Integer;
    } else if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType
        || type instanceof DayTimeIntervalType) {
      return value instanceof Long;
    } else if (type instanceof FloatType) {
      return value instanceof Float;
    } else if (type instanceof DoubleType) {
      return value instanceof Double;
    } else if (type instanceof DecimalType) {
      return value instanceof BigDecimal;
    } else if (type instanceof StringType) {
      return value instanceof String;
    } else if (type instanceof BinaryType) {
      return value instanceof byte[];
    } else if (type instanceof NullType) {
      return false;
    }
    return true;
  }

  public boolean isNull() {
    return value == null;
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    return LeafExpression.requireNoChildren(this, children);
  }

  @Override
  public boolean nullable() {
    return value == null;
  }

  @Override
  public boolean foldable() {
    return true;
  }

  /** Spark's pretty form: numbers and strings bare, NULL for null, typed prefixes for dates. */
  @Override
  public String sql() {
    if (value == null) {
      return "NULL";
    } else if (dataType instanceof DateType) {
      return "DATE '" + LocalDate.ofEpochDay((Integer) value) + "'";
    } else if (dataType instanceof TimestampType) {
      return "TIMESTAMP '" + timestampText((Long) value) + "'";
    } else if (dataType instanceof TimestampNTZType) {
      return "TIMESTAMP_NTZ '" + wallClockText((Long) value) + "'";
    } else if (dataType instanceof BinaryType) {
      return "X'" + hex((byte[]) value) + "'";
    } else if (dataType instanceof DayTimeIntervalType dayTime) {
      return IntervalText.dayTime((Long) value, dayTime);
    } else if (dataType instanceof YearMonthIntervalType yearMonth) {
      return IntervalText.yearMonth((Integer) value, yearMonth);
    } else if (dataType instanceof BooleanType) {
      return value.toString();
    } else if (dataType instanceof DecimalType) {
      return ((BigDecimal) value).toPlainString();
    }
    return value.toString();
  }

  @Override
  public String toString() {
    if (value == null) {
      return "null";
    } else if (dataType instanceof DateType) {
      return LocalDate.ofEpochDay((Integer) value).toString();
    } else if (dataType instanceof TimestampNTZType) {
      return wallClockText((Long) value);
    } else if (dataType instanceof BinaryType) {
      return Arrays.toString((byte[]) value);
    } else if (dataType instanceof DecimalType) {
      return ((BigDecimal) value).toPlainString();
    }
    return value.toString();
  }

  /** The instant as a reading of the clock in {@link #sqlZone}. */
  private String timestampText(long micros) {
    return readingText(java.time.LocalDateTime.ofInstant(
        java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS), sqlZone));
  }

  /** A {@code timestamp_ntz} value: its microseconds are the reading taken as UTC. */
  private static String wallClockText(long micros) {
    return readingText(java.time.LocalDateTime.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1_000, java.time.ZoneOffset.UTC));
  }

  /** {@code 2024-01-02 03:04:05.12}: Spark's text for a clock reading, the fraction without trailing zeros. */
  private static String readingText(java.time.LocalDateTime reading) {
    String text = reading.toLocalDate() + " " + String.format(java.util.Locale.ROOT, "%02d:%02d:%02d",
        reading.getHour(), reading.getMinute(), reading.getSecond());
    int fraction = reading.getNano() / 1_000;
    if (fraction == 0) {
      return text;
    }
    return text + "." + String.format(java.util.Locale.ROOT, "%06d", fraction).replaceAll("0+$", "");
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02X", b));
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Literal literal) || !literal.dataType.equals(dataType)) {
      return false;
    }
    if (value instanceof byte[] bytes && literal.value instanceof byte[] otherBytes) {
      return Arrays.equals(bytes, otherBytes);
    }
    return Objects.equals(value, literal.value);
  }

  @Override
  public int hashCode() {
    return value instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hash(value, dataType);
  }
}
