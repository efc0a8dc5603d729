package dev.ember.codegen.semantics;

import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;

/** The value range of Spark's integral types (tinyint, smallint, int, bigint), as longs. */
final class IntegralRange {
  private IntegralRange() {}

  static long minimum(DataType integral) {
    if (integral instanceof ByteType) {
      return Byte.MIN_VALUE;
    } else if (integral instanceof ShortType) {
      return Short.MIN_VALUE;
    } else if (integral instanceof LongType) {
      return Long.MIN_VALUE;
    }
    return Integer.MIN_VALUE;
  }

  static long maximum(DataType integral) {
    if (integral instanceof ByteType) {
      return Byte.MAX_VALUE;
    } else if (integral instanceof ShortType) {
      return Short.MAX_VALUE;
    } else if (integral instanceof LongType) {
      return Long.MAX_VALUE;
    }
    return Integer.MAX_VALUE;
  }
}
