package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.optimizer.OptimizerRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the conjuncts of a join condition that read only one side into a filter on that side, so
 * fewer rows reach the hash table or the probe:
 *
 * <pre>
 * Join LeftOuter, ((a#1 = c#3) AND (d#4 &gt; 0))       Join LeftOuter, (a#1 = c#3)
 * :- Relation [a#1]                           =&gt;   :- Relation [a#1]
 * +- Relation [c#3,d#4]                            +- Filter (d#4 &gt; 0)
 *                                                     +- Relation [c#3,d#4]
 * </pre>
 *
 * Only where that keeps the result: a conjunct on the side whose rows the join may null-pad or drop
 * unmatched (the right side of a left outer or anti join) filters candidates, but one on the side
 * whose every row is kept (the left side of a left outer or anti join) must stay in the condition.
 * Inner, cross and semi joins push both sides; full outer joins neither.
 */
public final class PushJoinConditionToSides implements OptimizerRule {
  @Override
  public String name() {
    return "PushJoinConditionToSides";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(node -> node instanceof Join join && join.condition().isPresent() ? push(join) : node);
  }

  private static LogicalPlan push(Join join) {
    JoinConjuncts sides = new JoinConjuncts(join);
    List<Expression> toLeft = new ArrayList<>();
    List<Expression> toRight = new ArrayList<>();
    List<Expression> stay = new ArrayList<>();
    boolean deterministicSoFar = true;
    for (Expression conjunct : JoinConjuncts.split(join.condition().get())) {
      deterministicSoFar &= Determinism.isDeterministic(conjunct);
      JoinConjuncts.Side side = sides.sideOf(conjunct);
      boolean toLeftSide = side == JoinConjuncts.Side.LEFT && JoinConjuncts.leftFilterable(join.joinType());
      boolean toRightSide = side == JoinConjuncts.Side.RIGHT && JoinConjuncts.rightFilterable(join.joinType());
      if (deterministicSoFar && toLeftSide) {
        toLeft.add(conjunct);
      } else if (deterministicSoFar && toRightSide) {
        toRight.add(conjunct);
      } else {
        stay.add(conjunct);
      }
    }
    if (toLeft.isEmpty() && toRight.isEmpty()) {
      return join;
    }
    LogicalPlan left = toLeft.isEmpty() ? join.left() : new Filter(JoinConjuncts.and(toLeft), join.left());
    LogicalPlan right = toRight.isEmpty() ? join.right() : new Filter(JoinConjuncts.and(toRight), join.right());
    return new Join(left, right, join.joinType(), JoinConjuncts.and(stay));
  }
}
