package dev.ember.runtime.io.parquet;

import java.util.List;
import java.util.Objects;

/**
 * A simple filter a Parquet scan can check against row-group statistics and dictionaries:
 * {@code column op literal}, {@code column IN (literals)}, or a null test. Rows the predicate rejects may still be returned (skipping is only by whole row
 * groups); the query must filter them again.
 *
 * @param column index into the table schema of the scan (not into the required columns)
 * @param literal the value in Spark's Java form for the column's type ({@code Integer} for int,
 *     {@code Long} for bigint and for timestamps in microseconds, {@code Integer} days or
 *     {@code LocalDate} for dates, {@code BigDecimal}, {@code String}, {@code Boolean} …); for
 *     {@link Op#IN} a non-empty {@code List} of such values (a null in the list matches no row, so it
 *     is left out); null for the null tests
 */
public record ColumnPredicate(int column, Op op, Object literal) {
  /** The comparison; {@link #IS_NULL} and {@link #IS_NOT_NULL} take no literal. */
  public enum Op {
    EQUAL("="),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">="),
    IN("IN"),
    IS_NULL("IS NULL"),
    IS_NOT_NULL("IS NOT NULL");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean isNullTest() {
      return this == IS_NULL || this == IS_NOT_NULL;
    }
  }

  public ColumnPredicate {
    Objects.requireNonNull(op, "op is null");
    if (column < 0) {
      throw new IllegalArgumentException("column must not be negative, got " + column);
    }
    if (op.isNullTest() != (literal == null)) {
      throw new IllegalArgumentException(op.isNullTest()
          ? "A null test takes no literal, got " + literal
          : "Comparison " + op.symbol() + " needs a non-null literal");
    }
    if (op == Op.IN) {
      if (!(literal instanceof List<?> values) || values.isEmpty() || values.stream().anyMatch(Objects::isNull)) {
        throw new IllegalArgumentException("IN needs a non-empty list of non-null literals, got " + literal);
      }
      literal = List.copyOf(values);
    }
  }

  /** {@code column IN (values)}; {@code values} must be non-empty and hold no null. */
  public static ColumnPredicate in(int column, List<?> values) {
    return new ColumnPredicate(column, Op.IN, values);
  }

  /** The literals an equality or IN predicate accepts. */
  public List<?> acceptedValues() {
    return switch (op) {
      case EQUAL -> List.of(literal);
      case IN -> (List<?>) literal;
      default -> throw new IllegalStateException(op.symbol() + " is not an equality test");
    };
  }

  public static ColumnPredicate isNull(int column) {
    return new ColumnPredicate(column, Op.IS_NULL, null);
  }

  public static ColumnPredicate isNotNull(int column) {
    return new ColumnPredicate(column, Op.IS_NOT_NULL, null);
  }

  /** How {@code explain()} shows it, with the column's name. */
  public String describe(String columnName) {
    if (op == Op.IN) {
      return columnName + " IN (" + String.join(", ", ((List<?>) literal).stream().map(String::valueOf).toList()) + ")";
    }
    return op.isNullTest() ? columnName + " " + op.symbol() : columnName + " " + op.symbol() + " " + literal;
  }
}
