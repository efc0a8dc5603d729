package dev.ember.planner.logical;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Small shared helpers for plan nodes' expression lists. */
public final class PlanLists {
  private PlanLists() {}

  /** Maps each expression; returns the same list instance when nothing changed. */
  public static <T extends Expression> List<T> map(List<T> expressions, Function<Expression, Expression> mapping,
      Class<T> type) {
    List<T> mapped = new ArrayList<>(expressions.size());
    boolean changed = false;
    for (T expression : expressions) {
      Expression next = mapping.apply(expression);
      changed |= next != expression;
      mapped.add(type.cast(next));
    }
    return changed ? List.copyOf(mapped) : expressions;
  }

  /** The output columns of a list of named expressions (aliases and attributes). */
  public static List<AttributeReference> toAttributes(List<Expression> namedExpressions) {
    List<AttributeReference> out = new ArrayList<>(namedExpressions.size());
    for (Expression expression : namedExpressions) {
      if (expression instanceof Alias alias) {
        out.add(alias.toAttribute());
      } else if (expression instanceof AttributeReference attribute) {
        out.add(attribute);
      } else {
        throw new IllegalStateException("not a named expression: " + expression);
      }
    }
    return out;
  }

  /** Spark's explain form of an expression list: {@code [a#1, b#2]}. */
  public static String bracketed(List<? extends Expression> expressions) {
    return expressions.stream().map(Expression::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
