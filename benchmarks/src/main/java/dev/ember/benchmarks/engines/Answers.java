package dev.ember.benchmarks.engines;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Compares answers of different engines value by value. Numbers compare by value (a {@code Long} 5
 * equals a {@code BigDecimal} 5.00); dates by day whatever class carries them. A floating-point value
 * (DuckDB's {@code avg} of a decimal is a {@code DOUBLE}) matches a decimal when it rounds to it at
 * the decimal's scale; two floating-point values match within a relative 1e-12.
 */
public final class Answers {
  private Answers() {}

  /** The first difference between two answers, or empty when they are equal. */
  public static Optional<String> difference(String leftName, List<List<Object>> left, String rightName,
      List<List<Object>> right, boolean ordered) {
    if (left.size() != right.size()) {
      return Optional.of(leftName + " has " + left.size() + " rows, " + rightName + " has " + right.size());
    }
    List<List<Object>> leftRows = ordered ? left : sorted(left);
    List<List<Object>> rightRows = ordered ? right : sorted(right);
    for (int row = 0; row < leftRows.size(); row++) {
      List<Object> a = leftRows.get(row);
      List<Object> b = rightRows.get(row);
      if (a.size() != b.size()) {
        return Optional.of("row " + row + ": " + leftName + " has " + a.size() + " columns, " + rightName + " has " + b.size());
      }
      for (int column = 0; column < a.size(); column++) {
        if (!sameValue(a.get(column), b.get(column))) {
          return Optional.of("row " + row + " column " + column + ": " + leftName + " " + describe(a.get(column))
              + ", " + rightName + " " + describe(b.get(column)) + "\n  " + leftName + " row: " + a
              + "\n  " + rightName + " row: " + b);
        }
      }
    }
    return Optional.empty();
  }

  static boolean sameValue(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return sameNumber(x, y);
    }
    LocalDate dateA = date(a);
    LocalDate dateB = date(b);
    if (dateA != null || dateB != null) {
      return dateA != null && dateA.equals(dateB);
    }
    return a.equals(b);
  }

  private static boolean sameNumber(Number a, Number b) {
    boolean floatingA = a instanceof Double || a instanceof Float;
    boolean floatingB = b instanceof Double || b instanceof Float;
    if (floatingA && floatingB) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      return x == y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
    }
    if (floatingA || floatingB) {
      BigDecimal exact = decimal(floatingA ? b : a);
      double floating = (floatingA ? a : b).doubleValue();
      BigDecimal rounded = new BigDecimal(floating).setScale(Math.max(exact.scale(), 0), java.math.RoundingMode.HALF_UP);
      return rounded.compareTo(exact) == 0;
    }
    return decimal(a).compareTo(decimal(b)) == 0;
  }

  private static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof java.math.BigInteger integer) {
      return new BigDecimal(integer);
    }
    return BigDecimal.valueOf(number.longValue());
  }

  private static LocalDate date(Object value) {
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return null;
  }

  private static String describe(Object value) {
    return value == null ? "NULL" : value + " (" + value.getClass().getSimpleName() + ")";
  }

  /** Rows in a canonical order that does not depend on how each engine represents values. */
  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Answers::sortKey));
    return copy;
  }

  private static String sortKey(List<Object> row) {
    StringBuilder key = new StringBuilder();
    for (Object value : row) {
      if (value instanceof Double || value instanceof Float) {
        continue; // Engines may differ in the last digits; the exact columns order the rows.
      }
      if (value instanceof Number number) {
        key.append(decimal(number).stripTrailingZeros().toPlainString());
      } else if (date(value) != null) {
        key.append(date(value));
      } else {
        key.append(value);
      }
      key.append('\u0001');
    }
    return key.toString();
  }
}
