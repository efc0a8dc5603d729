package dev.ember.planner.expressions;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import dev.ember.sql.types.YearMonthIntervalType;

/**
 * Which casts Spark 4.2 defines, with ANSI mode on (also every {@code TRY_CAST}) and off, checked
 * pair by pair against Spark 4.2.0 (CastConformanceTest in the examples module repeats the check).
 * A cast outside the table is DATATYPE_MISMATCH at analysis.
 *
 * <p>Both modes: anything to string; strings to every atomic type; numbers and booleans among
 * themselves; dates and timestamps among themselves; numbers to and from timestamps; ANSI intervals
 * to and from integral numbers and decimals and within one family; arrays, maps and structs
 * element by element. ANSI off adds booleans to and from timestamps, dates to numbers and booleans
 * (always null), and integral numbers to binary.
 */
public final class CastRules {
  private CastRules() {}

  /** The casts ANSI mode and {@code TRY_CAST} allow. */
  public static boolean ansiAllows(DataType from, DataType to) {
    return allows(from, to, true);
  }

  /** The casts a non-ANSI {@code CAST} allows. */
  public static boolean legacyAllows(DataType from, DataType to) {
    return allows(from, to, false);
  }

  private static boolean allows(DataType from, DataType to, boolean ansi) {
    if (from.equals(to) || from instanceof NullType || to instanceof StringType) {
      return true;
    }
    if (from instanceof StringType) {
      return isAtomic(to);
    }
    if (isInterval(from) || isInterval(to)) {
      return intervalAllows(from, to);
    }
    if (to instanceof BinaryType) {
      return !ansi && from.isIntegral();
    }
    if (from instanceof BinaryType) {
      return false;
    }
    boolean fromNumber = from.isNumeric();
    boolean toNumber = to.isNumeric();
    if ((fromNumber || from instanceof BooleanType) && (toNumber || to instanceof BooleanType)) {
      return true;
    }
    if (isDateTime(from) && isDateTime(to)) {
      return true;
    }
    if (fromNumber && to instanceof TimestampType || from instanceof TimestampType && toNumber) {
      return true;
    }
    if (from instanceof ArrayType source && to instanceof ArrayType target) {
      return allows(source.elementType(), target.elementType(), ansi);
    } else if (from instanceof MapType source && to instanceof MapType target) {
      return allows(source.keyType(), target.keyType(), ansi) && allows(source.valueType(), target.valueType(), ansi);
    } else if (from instanceof StructType source && to instanceof StructType target) {
      return structAllows(source, target, ansi);
    }
    return !ansi && (from instanceof BooleanType && to instanceof TimestampType
        || from instanceof TimestampType && to instanceof BooleanType
        || from instanceof DateType && (toNumber || to instanceof BooleanType));
  }

  private static boolean structAllows(StructType source, StructType target, boolean ansi) {
    StructField[] sourceFields = source.fields();
    StructField[] targetFields = target.fields();
    if (sourceFields.length != targetFields.length) {
      return false;
    }
    for (int i = 0; i < sourceFields.length; i++) {
      if (!allows(sourceFields[i].dataType(), targetFields[i].dataType(), ansi)) {
        return false;
      }
    }
    return true;
  }

  /** Intervals: to and from integral numbers and decimals, and within one family. */
  private static boolean intervalAllows(DataType from, DataType to) {
    if (isInterval(from) && isInterval(to)) {
      return from.getClass() == to.getClass();
    }
    DataType other = isInterval(from) ? to : from;
    return other.isIntegral() || other instanceof DecimalType;
  }

  /** The types a string casts to: everything but arrays, maps and structs. */
  private static boolean isAtomic(DataType type) {
    return !(type instanceof ArrayType || type instanceof MapType || type instanceof StructType);
  }

  static boolean isInterval(DataType type) {
    return type instanceof DayTimeIntervalType || type instanceof YearMonthIntervalType;
  }

  static boolean isDateTime(DataType type) {
    return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType;
  }
}
