package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.optimizer.OptimizerRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A join condition that is a disjunction over both sides, such as TPC-H Q7's
 * {@code (n1 = 'FRANCE' AND n2 = 'GERMANY') OR (n1 = 'GERMANY' AND n2 = 'FRANCE')}, cannot move to
 * either side, but it implies a filter on a side whenever every disjunct has a conjunct on that side
 * alone: here {@code n1 = 'FRANCE' OR n1 = 'GERMANY'} on the left. This rule adds such implied filters
 * on the sides and keeps the whole condition in the join, so the result is the same and fewer rows
 * reach the hash table or the probe:
 *
 * <pre>
 * Join Inner, ((a#1 = 1) AND (c#3 = 2)) OR ((a#1 = 2) AND (c#3 = 1))
 * :- Relation [a#1]                 =&gt;  :- Filter ((a#1 = 1) OR (a#1 = 2))
 * +- Relation [c#3]                       +- Filter ((c#3 = 2) OR (c#3 = 1))
 * </pre>
 *
 * Like {@link PushJoinConditionToSides}, only on the sides where dropping rows that cannot match keeps
 * the result. It runs once, after the pushdown batch has moved filters into join conditions, since
 * the filters it adds would be inferred again on every pass of a fixed-point batch.
 */
public final class InferSideFiltersFromDisjunctions implements OptimizerRule {
  @Override
  public String name() {
    return "InferSideFiltersFromDisjunctions";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(node -> node instanceof Join join && join.condition().isPresent() ? infer(join) : node);
  }

  private static LogicalPlan infer(Join join) {
    JoinConjuncts sides = new JoinConjuncts(join);
    List<Expression> toLeft = new ArrayList<>();
    List<Expression> toRight = new ArrayList<>();
    for (Expression conjunct : JoinConjuncts.split(join.condition().get())) {
      if (!Determinism.isDeterministic(conjunct)) {
        // Conjuncts after a nondeterministic one must not run on rows it would have rejected.
        break;
      }
      if (!(conjunct instanceof Or) || sides.sideOf(conjunct) != JoinConjuncts.Side.BOTH) {
        continue;
      }
      List<Expression> disjuncts = JoinConjuncts.disjuncts(conjunct);
      if (JoinConjuncts.leftFilterable(join.joinType())) {
        implied(disjuncts, sides, JoinConjuncts.Side.LEFT)
            .filter(filter -> !filters(join.left(), filter)).ifPresent(toLeft::add);
      }
      if (JoinConjuncts.rightFilterable(join.joinType())) {
        implied(disjuncts, sides, JoinConjuncts.Side.RIGHT)
            .filter(filter -> !filters(join.right(), filter)).ifPresent(toRight::add);
      }
    }
    if (toLeft.isEmpty() && toRight.isEmpty()) {
      return join;
    }
    LogicalPlan left = toLeft.isEmpty() ? join.left() : new Filter(JoinConjuncts.and(toLeft), join.left());
    LogicalPlan right = toRight.isEmpty() ? join.right() : new Filter(JoinConjuncts.and(toRight), join.right());
    return new Join(left, right, join.joinType(), join.condition());
  }

  /** The disjunction, over every disjunct, of its conjuncts that read {@code side} only; empty if one has none. */
  private static java.util.Optional<Expression> implied(List<Expression> disjuncts, JoinConjuncts sides,
      JoinConjuncts.Side side) {
    Expression any = null;
    for (Expression disjunct : disjuncts) {
      List<Expression> onSide = new ArrayList<>();
      for (Expression conjunct : JoinConjuncts.split(disjunct)) {
        if (sides.sideOf(conjunct) == side) {
          onSide.add(conjunct);
        }
      }
      if (onSide.isEmpty()) {
        return java.util.Optional.empty();
      }
      Expression all = JoinConjuncts.and(onSide);
      any = any == null ? all : new Or(any, all);
    }
    return java.util.Optional.ofNullable(any);
  }

  /** Whether {@code side} is already a filter by {@code condition}, as this rule left it on an earlier pass. */
  private static boolean filters(LogicalPlan side, Expression condition) {
    return side instanceof Filter filter && JoinConjuncts.split(filter.condition()).contains(condition);
  }
}
