package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Conjuncts of a condition around a join, sorted by the side whose columns they read. */
final class JoinConjuncts {
  enum Side { LEFT, RIGHT, BOTH, NEITHER }

  private final Set<Long> leftIds = new HashSet<>();
  private final Set<Long> rightIds = new HashSet<>();

  JoinConjuncts(Join join) {
    join.left().output().forEach(column -> leftIds.add(column.exprId()));
    join.right().output().forEach(column -> rightIds.add(column.exprId()));
  }

  Side sideOf(Expression conjunct) {
    boolean left = false;
    boolean right = false;
    for (AttributeReference column : conjunct.collect(part -> part instanceof AttributeReference a ? a : null)) {
      left |= leftIds.contains(column.exprId());
      right |= rightIds.contains(column.exprId());
    }
    if (left && right) {
      return Side.BOTH;
    }
    return left ? Side.LEFT : right ? Side.RIGHT : Side.NEITHER;
  }

  static List<Expression> split(Expression condition) {
    List<Expression> out = new ArrayList<>();
    if (condition instanceof And and) {
      out.addAll(split(and.left()));
      out.addAll(split(and.right()));
    } else {
      out.add(condition);
    }
    return out;
  }

  /** The disjuncts of {@code condition}: its {@code OR}s flattened, in order. */
  static List<Expression> disjuncts(Expression condition) {
    List<Expression> out = new ArrayList<>();
    if (condition instanceof Or or) {
      out.addAll(disjuncts(or.left()));
      out.addAll(disjuncts(or.right()));
    } else {
      out.add(condition);
    }
    return out;
  }

  /**
   * Whether a filter on the left side keeps the join's result: not where the join keeps every left row
   * (left outer, anti) or may null-pad it (full outer).
   */
  static boolean leftFilterable(JoinType type) {
    return type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.LEFT_SEMI
        || type == JoinType.RIGHT_OUTER;
  }

  /** Whether a filter on the right side keeps the join's result: not for right or full outer joins. */
  static boolean rightFilterable(JoinType type) {
    return type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.LEFT_SEMI
        || type == JoinType.LEFT_OUTER || type == JoinType.LEFT_ANTI;
  }

  /** The conjunction of {@code conjuncts} in order, or null for none. */
  static Expression and(List<Expression> conjuncts) {
    Expression all = null;
    for (Expression conjunct : conjuncts) {
      all = all == null ? conjunct : new And(all, conjunct);
    }
    return all;
  }
}
