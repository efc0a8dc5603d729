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
 * Moves the conjuncts of a filter above an inner or cross join that read both sides into the join's
 * condition. A cross join with {@code a = c} above it thus becomes an inner join on {@code a = c},
 * which runs as a hash join instead of a nested loop over every pair:
 *
 * <pre>
 * Filter (a#1 = c#3)              Join Inner, (a#1 = c#3)
 * +- Join Cross            =&gt;     :- Relation [a#1]
 *    :- Relation [a#1]            +- Relation [c#3]
 *    +- Relation [c#3]
 * </pre>
 *
 * For inner and cross joins a row pair survives the filter exactly when it satisfies the extended
 * condition, so the result is the same. Does not fire on outer, semi or anti joins, and keeps
 * non-deterministic conjuncts (and those after them) in the filter.
 */
public final class PushFilterIntoJoinCondition implements OptimizerRule {
  @Override
  public String name() {
    return "PushFilterIntoJoinCondition";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(node -> {
      if (node instanceof Filter filter && filter.child() instanceof Join join
          && (join.joinType() == JoinType.INNER || join.joinType() == JoinType.CROSS)) {
        return push(filter, join);
      }
      return node;
    });
  }

  private static LogicalPlan push(Filter filter, Join join) {
    JoinConjuncts sides = new JoinConjuncts(join);
    List<Expression> toCondition = new ArrayList<>();
    List<Expression> stay = new ArrayList<>();
    boolean deterministicSoFar = true;
    for (Expression conjunct : JoinConjuncts.split(filter.condition())) {
      deterministicSoFar &= Determinism.isDeterministic(conjunct);
      if (deterministicSoFar && sides.sideOf(conjunct) == JoinConjuncts.Side.BOTH) {
        toCondition.add(conjunct);
      } else {
        stay.add(conjunct);
      }
    }
    if (toCondition.isEmpty()) {
      return filter;
    }
    List<Expression> condition = new ArrayList<>();
    join.condition().ifPresent(condition::add);
    condition.addAll(toCondition);
    Join joined = new Join(join.left(), join.right(), JoinType.INNER, JoinConjuncts.and(condition));
    return stay.isEmpty() ? joined : new Filter(JoinConjuncts.and(stay), joined);
  }
}
