package dev.ember.planner.physical;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A join condition split into equal keys and the rest: each conjunct {@code l = r} or {@code l <=> r}
 * where {@code l} reads only the left side and {@code r} only the right (or the other way round)
 * becomes a key pair; the other conjuncts form the residual condition checked on each matching pair.
 */
record EquiJoinKeys(List<Expression> leftKeys, List<Expression> rightKeys, List<Boolean> nullSafe,
    Optional<Expression> residual) {

  static EquiJoinKeys extract(Optional<Expression> condition, Set<Long> leftIds, Set<Long> rightIds) {
    List<Expression> leftKeys = new ArrayList<>();
    List<Expression> rightKeys = new ArrayList<>();
    List<Boolean> nullSafe = new ArrayList<>();
    Expression residual = null;
    for (Expression conjunct : condition.map(EquiJoinKeys::conjuncts).orElse(List.of())) {
      if (conjunct instanceof Comparison comparison
          && (comparison.operator() == ComparisonOperator.EQUAL_TO
              || comparison.operator() == ComparisonOperator.NULL_SAFE_EQUAL)) {
        Expression first = comparison.left();
        Expression second = comparison.right();
        if (readsOnly(first, leftIds) && readsOnly(second, rightIds)) {
          leftKeys.add(first);
          rightKeys.add(second);
          nullSafe.add(comparison.operator() == ComparisonOperator.NULL_SAFE_EQUAL);
          continue;
        }
        if (readsOnly(first, rightIds) && readsOnly(second, leftIds)) {
          leftKeys.add(second);
          rightKeys.add(first);
          nullSafe.add(comparison.operator() == ComparisonOperator.NULL_SAFE_EQUAL);
          continue;
        }
      }
      residual = residual == null ? conjunct : new And(residual, conjunct);
    }
    return new EquiJoinKeys(leftKeys, rightKeys, nullSafe, Optional.ofNullable(residual));
  }

  static List<Expression> conjuncts(Expression condition) {
    List<Expression> out = new ArrayList<>();
    if (condition instanceof And and) {
      out.addAll(conjuncts(and.left()));
      out.addAll(conjuncts(and.right()));
    } else {
      out.add(condition);
    }
    return out;
  }

  /** Whether {@code expression} reads some column and only columns of {@code ids}. */
  private static boolean readsOnly(Expression expression, Set<Long> ids) {
    List<AttributeReference> columns = expression.collect(part -> part instanceof AttributeReference a ? a : null);
    return !columns.isEmpty() && columns.stream().allMatch(column -> ids.contains(column.exprId()));
  }
}
