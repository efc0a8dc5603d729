package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.optimizer.OptimizerRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the conjuncts of a filter above a join that read only one side below the join, onto that
 * side, where the join type allows it: the left side of inner, cross, left outer, semi and anti
 * joins; the right side of inner, cross and right outer joins. A filter on the null-padded side of an
 * outer join stays above it: it also sees the padded rows.
 *
 * <pre>
 * Filter ((a#1 &gt; 1) AND (b#2 &lt; 5))        Join Inner, (a#1 = c#3)
 * +- Join Inner, (a#1 = c#3)         =&gt;   :- Filter (a#1 &gt; 1)
 *    :- Relation [a#1,b#2]                :  +- Relation [a#1,b#2]
 *    +- Relation [c#3]                    +- Relation [c#3]
 * </pre>
 *
 * (with {@code b#2 &lt; 5} also on the left). Non-deterministic conjuncts, and every conjunct after one,
 * stay where they are.
 */
public final class PushFilterThroughJoin implements OptimizerRule {
  @Override
  public String name() {
    return "PushFilterThroughJoin";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(node -> {
      if (node instanceof Filter filter && filter.child() instanceof Join join) {
        return push(filter, join);
      }
      return node;
    });
  }

  private static LogicalPlan push(Filter filter, Join join) {
    JoinConjuncts sides = new JoinConjuncts(join);
    List<Expression> toLeft = new ArrayList<>();
    List<Expression> toRight = new ArrayList<>();
    List<Expression> stay = new ArrayList<>();
    boolean deterministicSoFar = true;
    for (Expression conjunct : JoinConjuncts.split(filter.condition())) {
      deterministicSoFar &= Determinism.isDeterministic(conjunct);
      JoinConjuncts.Side side = sides.sideOf(conjunct);
      if (deterministicSoFar && side == JoinConjuncts.Side.LEFT && leftPushable(join.joinType())) {
        toLeft.add(conjunct);
      } else if (deterministicSoFar && side == JoinConjuncts.Side.RIGHT && rightPushable(join.joinType())) {
        toRight.add(conjunct);
      } else {
        stay.add(conjunct);
      }
    }
    if (toLeft.isEmpty() && toRight.isEmpty()) {
      return filter;
    }
    LogicalPlan left = toLeft.isEmpty() ? join.left() : new Filter(JoinConjuncts.and(toLeft), join.left());
    LogicalPlan right = toRight.isEmpty() ? join.right() : new Filter(JoinConjuncts.and(toRight), join.right());
    LogicalPlan pushed = join.withNewChildren(List.of(left, right));
    return stay.isEmpty() ? pushed : new Filter(JoinConjuncts.and(stay), pushed);
  }

  private static boolean leftPushable(JoinType type) {
    return type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.LEFT_OUTER
        || type == JoinType.LEFT_SEMI || type == JoinType.LEFT_ANTI;
  }

  private static boolean rightPushable(JoinType type) {
    return type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER;
  }
}
