package dev.ember.runtime.io.parquet;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * A pushed {@link ColumnPredicate} evaluated row by row on a decoded Arrow vector, so that the
 * Parquet reader can drop rows before decoding the other columns. It keeps a row only when the
 * predicate is true: false and null (a null value under a comparison) both drop it, as a SQL
 * {@code WHERE} does. Comparisons follow Spark's orderings on the vector's (Spark) type, not on the
 * file's storage: NaN equals NaN and is above every other number, {@code -0.0 = 0.0}, strings and
 * binaries compare as unsigned bytes, decimals by value at the column's scale.
 */
final class RowPredicate {
  /** How values of the column are read and compared. */
  private enum Kind { INTEGRAL, FLOATING, DECIMAL, BYTES, BOOLEAN }

  private final ColumnPredicate.Op op;
  private final Kind kind;
  /** Bytes per value of INTEGRAL and FLOATING vectors. */
  private final int width;
  /** INTEGRAL and BOOLEAN (0, 1) literals; for DECIMAL the low 64 bits of the unscaled values. */
  private final long[] longs;
  /** DECIMAL: the high 64 bits of the unscaled values. */
  private final long[] highs;
  private final double[] doubles;
  private final byte[][] bytes;
  /**
   * Bytes per value when the column's values are longs in a vector slot (1, 2, 4, 8; 16 for a
   * decimal of at most 18 digits, whose low word is its value), so that comparisons can be ranges
   * of longs ({@link LongRangeFilter}); 0 otherwise.
   */
  private final int longWidth;

  private RowPredicate(ColumnPredicate.Op op, Kind kind, int width, long[] longs, long[] highs, double[] doubles,
      byte[][] bytes) {
    this.op = op;
    this.kind = kind;
    this.width = width;
    this.longs = longs;
    this.highs = highs;
    this.doubles = doubles;
    this.bytes = bytes;
    this.longWidth = 0;
  }

  private RowPredicate(RowPredicate predicate, int longWidth) {
    this.op = predicate.op;
    this.kind = predicate.kind;
    this.width = predicate.width;
    this.longs = predicate.longs;
    this.highs = predicate.highs;
    this.doubles = predicate.doubles;
    this.bytes = predicate.bytes;
    this.longWidth = longWidth;
  }

  /**
   * The row-level form of {@code predicate} on a column read as {@code type}, or null when Ember
   * cannot decide it exactly on such a vector (another type, a literal of an unexpected form): then
   * the reader does not filter on it and the query's Filter alone decides.
   */
  static RowPredicate of(ColumnPredicate predicate, DataType type) {
    RowPredicate general = general(predicate, type);
    if (general == null) {
      return null;
    }
    if (general.kind == Kind.INTEGRAL) {
      return new RowPredicate(general, general.width);
    }
    if (general.kind == Kind.DECIMAL && ((DecimalType) type).precision() <= 18) {
      return new RowPredicate(general, 16);
    }
    return general;
  }

  private static RowPredicate general(ColumnPredicate predicate, DataType type) {
    Objects.requireNonNull(predicate, "predicate is null");
    Objects.requireNonNull(type, "type is null");
    ColumnPredicate.Op op = predicate.op();
    Kind kind = kindOf(type);
    if (kind == null) {
      return null;
    }
    if (op.isNullTest()) {
      return new RowPredicate(op, kind, 0, null, null, null, null);
    }
    List<?> literals = op == ColumnPredicate.Op.IN ? predicate.acceptedValues() : List.of(predicate.literal());
    int count = literals.size();
    switch (kind) {
      case INTEGRAL -> {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
          Long value = integral(literals.get(i), type);
          if (value == null) {
            return null;
          }
          values[i] = value;
        }
        return new RowPredicate(op, kind, integralWidth(type), values, null, null, null);
      }
      case FLOATING -> {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
          if (!(literals.get(i) instanceof Float || literals.get(i) instanceof Double)) {
            return null;
          }
          values[i] = ((Number) literals.get(i)).doubleValue();
        }
        return new RowPredicate(op, kind, type instanceof FloatType ? 4 : 8, null, null, values, null);
      }
      case DECIMAL -> {
        long[] lows = new long[count];
        long[] highs = new long[count];
        for (int i = 0; i < count; i++) {
          BigInteger unscaled = unscaled(literals.get(i), (DecimalType) type);
          if (unscaled == null) {
            return null;
          }
          lows[i] = unscaled.longValue();
          highs[i] = unscaled.shiftRight(64).longValue();
        }
        return new RowPredicate(op, kind, 16, lows, highs, null, null);
      }
      case BYTES -> {
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
          Object literal = literals.get(i);
          if (literal instanceof String text) {
            values[i] = text.getBytes(StandardCharsets.UTF_8);
          } else if (literal instanceof byte[] array) {
            values[i] = array.clone();
          } else {
            return null;
          }
        }
        return new RowPredicate(op, kind, 0, null, null, null, values);
      }
      case BOOLEAN -> {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
          if (!(literals.get(i) instanceof Boolean value)) {
            return null;
          }
          values[i] = value ? 1 : 0;
        }
        return new RowPredicate(op, kind, 0, values, null, null, null);
      }
      default -> throw new IllegalStateException("Unknown kind " + kind);
    }
  }

  private static Kind kindOf(DataType type) {
    if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof LongType || type instanceof DateType || type instanceof TimestampType
        || type instanceof TimestampNTZType) {
      return Kind.INTEGRAL;
    }
    if (type instanceof FloatType || type instanceof DoubleType) {
      return Kind.FLOATING;
    }
    if (type instanceof DecimalType) {
      return Kind.DECIMAL;
    }
    if (type instanceof StringType || type instanceof BinaryType) {
      return Kind.BYTES;
    }
    return type instanceof BooleanType ? Kind.BOOLEAN : null;
  }

  private static int integralWidth(DataType type) {
    if (type instanceof ByteType) {
      return 1;
    }
    if (type instanceof ShortType) {
      return 2;
    }
    return type instanceof IntegerType || type instanceof DateType ? 4 : 8;
  }

  private static Long integral(Object literal, DataType type) {
    if (type instanceof DateType && literal instanceof LocalDate date) {
      return date.toEpochDay();
    }
    if (literal instanceof Byte || literal instanceof Short || literal instanceof Integer || literal instanceof Long) {
      return ((Number) literal).longValue();
    }
    return null;
  }

  /** The literal's unscaled value at the column's scale, or null when it has none exactly. */
  private static BigInteger unscaled(Object literal, DecimalType type) {
    if (!(literal instanceof BigDecimal value)) {
      return null;
    }
    try {
      BigInteger unscaled = value.setScale(type.scale()).unscaledValue();
      return unscaled.bitLength() < 128 ? unscaled : null;
    } catch (ArithmeticException inexact) {
      return null;
    }
  }

  /**
   * This predicate as a range of long values, or null when it is not one: a comparison or a
   * non-null test on integers, dates, timestamps or decimals of at most 18 digits.
   */
  LongRangeFilter range() {
    if (longWidth == 0 || op == ColumnPredicate.Op.IN || op == ColumnPredicate.Op.IS_NULL) {
      return null;
    }
    if (op == ColumnPredicate.Op.IS_NOT_NULL) {
      return new LongRangeFilter(longWidth, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    long literal = longs[0];
    if (kind == Kind.DECIMAL && highs[0] != literal >> 63) {
      return null; // beyond a long: not the column's type after all
    }
    return switch (op) {
      case EQUAL -> new LongRangeFilter(longWidth, literal, literal);
      case LESS_THAN -> literal == Long.MIN_VALUE ? LongRangeFilter.empty(longWidth)
          : new LongRangeFilter(longWidth, Long.MIN_VALUE, literal - 1);
      case LESS_THAN_OR_EQUAL -> new LongRangeFilter(longWidth, Long.MIN_VALUE, literal);
      case GREATER_THAN -> literal == Long.MAX_VALUE ? LongRangeFilter.empty(longWidth)
          : new LongRangeFilter(longWidth, literal + 1, Long.MAX_VALUE);
      case GREATER_THAN_OR_EQUAL -> new LongRangeFilter(longWidth, literal, Long.MAX_VALUE);
      default -> null;
    };
  }

  /** Whether it is {@code =} or {@code IN}, which usually keep few rows. */
  boolean isEquality() {
    return op == ColumnPredicate.Op.EQUAL || op == ColumnPredicate.Op.IN;
  }

  /**
   * Keeps of the rows {@code rows[0 … count)} of {@code vector} those the predicate holds for,
   * moving them to the front of {@code rows} in order, and returns how many there are.
   */
  int filter(FieldVector vector, int[] rows, int count) {
    long validity = vector.getValidityBuffer().memoryAddress();
    if (op.isNullTest()) {
      boolean wantNull = op == ColumnPredicate.Op.IS_NULL;
      int kept = 0;
      for (int i = 0; i < count; i++) {
        int row = rows[i];
        rows[kept] = row;
        kept += isValid(validity, row) != wantNull ? 1 : 0;
      }
      return kept;
    }
    long data = vector.getDataBuffer().memoryAddress();
    long offsets = kind == Kind.BYTES ? vector.getOffsetBuffer().memoryAddress() : 0;
    int kept = 0;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      if (isValid(validity, row) && holds(data, offsets, row)) {
        rows[kept++] = row;
      }
    }
    return kept;
  }

  private boolean holds(long data, long offsets, int row) {
    if (op == ColumnPredicate.Op.IN) {
      int literals = kind == Kind.FLOATING ? doubles.length : kind == Kind.BYTES ? bytes.length : longs.length;
      for (int literal = 0; literal < literals; literal++) {
        if (compare(data, offsets, row, literal) == 0) {
          return true;
        }
      }
      return false;
    }
    int comparison = compare(data, offsets, row, 0);
    return switch (op) {
      case EQUAL -> comparison == 0;
      case LESS_THAN -> comparison < 0;
      case LESS_THAN_OR_EQUAL -> comparison <= 0;
      case GREATER_THAN -> comparison > 0;
      case GREATER_THAN_OR_EQUAL -> comparison >= 0;
      default -> throw new IllegalStateException(op.symbol() + " is not a comparison");
    };
  }

  /** The sign of row {@code row}'s value minus literal {@code literal}, in Spark's ordering. */
  private int compare(long data, long offsets, int row, int literal) {
    return switch (kind) {
      case INTEGRAL -> Long.compare(integralAt(data, row), longs[literal]);
      case FLOATING -> {
        double value = width == 4 ? Float.intBitsToFloat(MemoryUtil.getInt(data + 4L * row))
            : Double.longBitsToDouble(MemoryUtil.getLong(data + 8L * row));
        double wanted = doubles[literal];
        // == makes -0.0 equal 0.0; Double.compare puts NaN above everything and equal to itself.
        yield value == wanted ? 0 : Double.compare(value, wanted);
      }
      case DECIMAL -> {
        long at = data + 16L * row;
        int high = Long.compare(MemoryUtil.getLong(at + 8), highs[literal]);
        yield high != 0 ? high : Long.compareUnsigned(MemoryUtil.getLong(at), longs[literal]);
      }
      case BYTES -> compareBytes(data, offsets, row, bytes[literal]);
      case BOOLEAN -> Long.compare(((MemoryUtil.getByte(data + (row >>> 3)) >>> (row & 7)) & 1), longs[literal]);
    };
  }

  private long integralAt(long data, int row) {
    return switch (width) {
      case 1 -> MemoryUtil.getByte(data + row);
      case 2 -> MemoryUtil.getShort(data + 2L * row);
      case 4 -> MemoryUtil.getInt(data + 4L * row);
      default -> MemoryUtil.getLong(data + 8L * row);
    };
  }

  private static int compareBytes(long data, long offsets, int row, byte[] wanted) {
    int start = MemoryUtil.getInt(offsets + 4L * row);
    int length = MemoryUtil.getInt(offsets + 4L * row + 4) - start;
    int common = Math.min(length, wanted.length);
    long at = data + start;
    for (int i = 0; i < common; i++) {
      int difference = (MemoryUtil.getByte(at + i) & 0xFF) - (wanted[i] & 0xFF);
      if (difference != 0) {
        return difference;
      }
    }
    return Integer.compare(length, wanted.length);
  }

  private static boolean isValid(long validity, int row) {
    return ((MemoryUtil.getByte(validity + (row >>> 3)) >>> (row & 7)) & 1) != 0;
  }
}
