package dev.ember.planner.statistics;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.In;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.ScalarFunctionCall;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fraction of rows a filter condition keeps, from the input's estimate. Comparisons of a column
 * with a constant use the column's value range and distinct count where known: the bounds on one
 * column are intersected first, so {@code d >= x AND d < y} counts the interval once rather than as
 * two independent halves. Everything else gets a fixed guess, which only has to order plans sensibly.
 */
final class FilterSelectivity {
  /** A comparison or predicate nothing is known about. */
  static final double UNKNOWN = 1.0 / 3;
  /** A string pattern (LIKE, contains …): usually selective. */
  private static final double STRING_MATCH = 0.2;
  private static final double IS_NULL = 0.1;
  /**
   * An equality with a constant on a column whose distinct count is only bounded by its rows (a
   * string): one value of at most ten, as a status or a segment is, rather than one of a million.
   */
  private static final double UNMEASURED_EQUALITY = 0.1;
  private static final Set<String> STRING_MATCHES =
      Set.of("like", "ilike", "rlike", "regexp", "regexp_like", "startswith", "endswith", "contains");

  private FilterSelectivity() {}

  /** The kept fraction, in [0, 1]. */
  static double of(Expression condition, Estimate input) {
    List<Expression> conjuncts = new ArrayList<>();
    splitConjuncts(condition, conjuncts);
    Map<Long, Interval> intervals = new LinkedHashMap<>();
    Set<Long> boundedWithoutRange = new HashSet<>();
    double selectivity = 1;
    for (Expression conjunct : conjuncts) {
      if (conjunct instanceof Comparison comparison && isRange(comparison.operator())) {
        Bound bound = Bound.of(comparison);
        if (bound != null && input.column(bound.column()).hasRange()) {
          intervals.computeIfAbsent(bound.column(), id -> new Interval()).restrict(bound);
          continue;
        }
        // Further bounds on a column without a range make it a between, still one guess.
        if (bound != null && !boundedWithoutRange.add(bound.column())) {
          continue;
        }
      }
      selectivity *= single(conjunct, input);
    }
    for (Map.Entry<Long, Interval> entry : intervals.entrySet()) {
      selectivity *= entry.getValue().fraction(input.column(entry.getKey()));
    }
    return Math.max(0, Math.min(1, selectivity));
  }

  /** How {@code conjuncts} of a filter change its input's column estimates: an equality pins a column. */
  static Map<Long, ColumnEstimate> restrictColumns(Expression condition, Estimate input) {
    List<Expression> conjuncts = new ArrayList<>();
    splitConjuncts(condition, conjuncts);
    Map<Long, ColumnEstimate> columns = new HashMap<>(input.columns());
    for (Expression conjunct : conjuncts) {
      if (conjunct instanceof Comparison comparison && comparison.operator() == ComparisonOperator.EQUAL_TO) {
        Bound bound = Bound.of(comparison);
        if (bound != null) {
          ColumnEstimate before = input.column(bound.column());
          columns.put(bound.column(), new ColumnEstimate(1, before.sourceRows(), bound.value(), bound.value()));
        }
      }
    }
    return columns;
  }

  private static double single(Expression conjunct, Estimate input) {
    if (conjunct instanceof And and) {
      return of(and, input);
    } else if (conjunct instanceof Or or) {
      double left = single(or.left(), input);
      double right = single(or.right(), input);
      return left + right - left * right;
    } else if (conjunct instanceof Not not) {
      return Math.max(0, 1 - single(not.child(), input));
    } else if (conjunct instanceof IsNotNull) {
      return 1;
    } else if (conjunct instanceof IsNull) {
      return IS_NULL;
    } else if (conjunct instanceof Literal literal) {
      return Boolean.TRUE.equals(literal.value()) ? 1 : 0;
    } else if (conjunct instanceof Comparison comparison) {
      return comparison(comparison, input);
    } else if (conjunct instanceof In in && column(in.value()) != null) {
      return Math.min(1, in.list().size() * equality(input.column(column(in.value()).exprId())));
    } else if (conjunct instanceof ScalarFunctionCall call && STRING_MATCHES.contains(call.function().name())) {
      return STRING_MATCH;
    }
    return UNKNOWN;
  }

  private static double comparison(Comparison comparison, Estimate input) {
    ComparisonOperator operator = comparison.operator();
    if (operator == ComparisonOperator.EQUAL_TO || operator == ComparisonOperator.NULL_SAFE_EQUAL) {
      AttributeReference left = column(comparison.left());
      AttributeReference right = column(comparison.right());
      if (left != null && right == null && comparison.right().foldable()) {
        return equality(input.column(left.exprId()));
      }
      if (right != null && left == null && comparison.left().foldable()) {
        return equality(input.column(right.exprId()));
      }
      if (left != null && right != null) {
        double distinct = Math.max(input.column(left.exprId()).distinct(), input.column(right.exprId()).distinct());
        return 1 / Math.max(1, distinct);
      }
    }
    Bound bound = Bound.of(comparison);
    if (bound != null && input.column(bound.column()).hasRange()) {
      Interval interval = new Interval();
      interval.restrict(bound);
      return interval.fraction(input.column(bound.column()));
    }
    return UNKNOWN;
  }

  /** The share of rows equal to one constant. */
  private static double equality(ColumnEstimate column) {
    double oneValue = 1 / Math.max(1, column.distinct());
    return column.hasRange() ? oneValue : Math.max(oneValue, UNMEASURED_EQUALITY);
  }

  private static boolean isRange(ComparisonOperator operator) {
    return operator != ComparisonOperator.EQUAL_TO && operator != ComparisonOperator.NULL_SAFE_EQUAL;
  }

  private static void splitConjuncts(Expression condition, List<Expression> out) {
    if (condition instanceof And and) {
      splitConjuncts(and.left(), out);
      splitConjuncts(and.right(), out);
    } else {
      out.add(condition);
    }
  }

  /** The column an expression reads as it is, seeing through numeric widening casts. */
  static AttributeReference column(Expression expression) {
    if (expression instanceof AttributeReference attribute) {
      return attribute;
    }
    if (expression instanceof Cast cast && cast.child() instanceof AttributeReference attribute
        && attribute.dataType().isNumeric() && cast.dataType().isNumeric()) {
      return attribute;
    }
    return null;
  }

  /** A constant as a number on the scale column ranges use, or NaN. */
  static double numericValue(Object value) {
    if (value instanceof LocalDate date) {
      return date.toEpochDay();
    } else if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    } else if (value instanceof Number number) {
      return number.doubleValue();
    }
    return Double.NaN;
  }

  /** {@code column op value}, normalized so the column is on the left. */
  private record Bound(long column, ComparisonOperator operator, double value) {
    static Bound of(Comparison comparison) {
      AttributeReference left = FilterSelectivity.column(comparison.left());
      AttributeReference right = FilterSelectivity.column(comparison.right());
      if (left != null && comparison.right() instanceof Literal literal) {
        double value = numericValue(literal.value());
        return Double.isNaN(value) ? null : new Bound(left.exprId(), comparison.operator(), value);
      }
      if (right != null && comparison.left() instanceof Literal literal) {
        double value = numericValue(literal.value());
        return Double.isNaN(value) ? null : new Bound(right.exprId(), comparison.operator().flipped(), value);
      }
      return null;
    }
  }

  /** The bounds on one column met so far. */
  private static final class Interval {
    private double low = Double.NEGATIVE_INFINITY;
    private double high = Double.POSITIVE_INFINITY;

    void restrict(Bound bound) {
      switch (bound.operator()) {
        case LESS_THAN, LESS_THAN_OR_EQUAL -> high = Math.min(high, bound.value());
        case GREATER_THAN, GREATER_THAN_OR_EQUAL -> low = Math.max(low, bound.value());
        default -> {
          low = Math.max(low, bound.value());
          high = Math.min(high, bound.value());
        }
      }
    }

    /** The share of the column's range inside the bounds, at least one value's worth. */
    double fraction(ColumnEstimate column) {
      double width = column.max() - column.min();
      double oneValue = 1 / Math.max(1, column.distinct());
      if (width <= 0) {
        return low <= column.min() && high >= column.max() ? 1 : oneValue;
      }
      double overlap = Math.min(high, column.max()) - Math.max(low, column.min());
      if (overlap < 0) {
        return oneValue;
      }
      return Math.max(oneValue, Math.min(1, overlap / width));
    }
  }
}
