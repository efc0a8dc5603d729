package dev.ember.planner.expressions;

import dev.ember.sql.types.BinaryType;
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
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A constant. Values use Ember's internal representation, the same one the engine computes with:
 * Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal (scale equal to the type's),
 * String, byte[], Integer days since the epoch for dates, Long microseconds since the epoch (UTC) for
 * timestamps, and null for a null of any type.
 */
public record Literal(Object value, DataType dataType) implements Expression {
  public static final Literal TRUE = new Literal(Boolean.TRUE, DataTypes.BooleanType);
  public static final Literal FALSE = new Literal(Boolean.FALSE, DataTypes.BooleanType);

  public Literal {
    Objects.requireNonNull(dataType, "dataType is null");
    if (value != null && !representationMatches(value, dataType)) {
      throw new IllegalArgumentException(
          "literal value " + value + " (" + value.getClass().getSimpleName() + ") does not fit type "
              + dataType.simpleString());
    }
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
    } else if (type instanceof IntegerType || type instanceof DateType) {
      return value instanceof Integer;
    } else if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType) {
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
      return "TIMESTAMP '" + value + "'";
    } else if (dataType instanceof TimestampNTZType) {
      return "TIMESTAMP_NTZ '" + wallClockText((Long) value) + "'";
    } else if (dataType instanceof BinaryType) {
      return "X'" + hex((byte[]) value) + "'";
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

  /** {@code 2024-01-02 03:04:05.12}: Spark's text for a wall-clock value, fraction without trailing zeros. */
  private static String wallClockText(long micros) {
    java.time.LocalDateTime time = java.time.LocalDateTime.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1_000, java.time.ZoneOffset.UTC);
    String text = time.toLocalDate() + " " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(time);
    int fraction = time.getNano() / 1_000;
    if (fraction == 0) {
      return text;
    }
    String digits = String.format(java.util.Locale.ROOT, "%06d", fraction).replaceAll("0+$", "");
    return text + "." + digits;
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
