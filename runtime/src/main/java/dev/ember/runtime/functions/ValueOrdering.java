package dev.ember.runtime.functions;

import dev.ember.runtime.batch.NestedValues;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Spark's ordering and equality of non-null values held as {@link NestedValues} objects, for the
 * functions that sort, search or deduplicate elements: numbers by value (mixed widths compared
 * exactly, NaN above every number and equal to itself, -0.0 equal to 0.0), strings by code point
 * (which is UTF-8 byte order, as Spark compares strings), binaries by unsigned bytes, false before
 * true, arrays and structs element by element with null first.
 */
public final class ValueOrdering {
  /** Nulls first, then {@link #compare}. */
  public static final Comparator<Object> NULLS_FIRST = (left, right) -> {
    if (left == null || right == null) {
      return left == null ? (right == null ? 0 : -1) : 1;
    }
    return compare(left, right);
  };

  private ValueOrdering() {}

  public static boolean equal(Object left, Object right) {
    return compare(left, right) == 0;
  }

  public static int compare(Object left, Object right) {
    if (left instanceof Number a && right instanceof Number b) {
      return compareNumbers(a, b);
    } else if (left instanceof String a && right instanceof String b) {
      return compareCodePoints(a, b);
    } else if (left instanceof byte[] a && right instanceof byte[] b) {
      return Arrays.compareUnsigned(a, b);
    } else if (left instanceof Boolean a && right instanceof Boolean b) {
      return Boolean.compare(a, b);
    } else if (left instanceof List<?> a && right instanceof List<?> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int order = NULLS_FIRST.compare(a.get(i), b.get(i));
        if (order != 0) {
          return order;
        }
      }
      return Integer.compare(a.size(), b.size());
    } else if (left instanceof Object[] a && right instanceof Object[] b) {
      for (int i = 0; i < Math.min(a.length, b.length); i++) {
        int order = NULLS_FIRST.compare(a[i], b[i]);
        if (order != 0) {
          return order;
        }
      }
      return Integer.compare(a.length, b.length);
    }
    throw new IllegalArgumentException("cannot compare a " + left.getClass().getSimpleName() + " with a "
        + right.getClass().getSimpleName());
  }

  private static int compareNumbers(Number left, Number right) {
    if (isFractional(left) || isFractional(right)) {
      double x = left.doubleValue();
      double y = right.doubleValue();
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
      }
      return x < y ? -1 : x > y ? 1 : 0;
    }
    if (left instanceof BigDecimal || right instanceof BigDecimal) {
      return asDecimal(left).compareTo(asDecimal(right));
    }
    return Long.compare(left.longValue(), right.longValue());
  }

  private static boolean isFractional(Number number) {
    return number instanceof Double || number instanceof Float;
  }

  private static BigDecimal asDecimal(Number number) {
    return number instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(number.longValue());
  }

  private static int compareCodePoints(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int a = left.codePointAt(i);
      int b = right.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Boolean.compare(i < left.length(), j < right.length());
  }
}
