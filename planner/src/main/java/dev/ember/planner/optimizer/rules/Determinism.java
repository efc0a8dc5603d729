package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.CaseWhen;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Coalesce;
import dev.ember.planner.expressions.GreatestLeast;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.In;
import dev.ember.planner.expressions.ReplacedCall;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.IsNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.Or;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnaryMinus;
import java.util.List;
import java.util.Set;

/**
 * Whether an expression gives the same result every time it sees the same row. Rules that move,
 * merge or duplicate expressions ({@code rand()} evaluated below a filter sees other rows) only fire
 * on deterministic ones. The list is of known-deterministic kinds, so a kind added later counts as
 * non-deterministic until someone decides otherwise here.
 */
public final class Determinism {
  private static final Set<Class<? extends Expression>> DETERMINISTIC_KINDS = Set.of(
      AttributeReference.class, BoundReference.class, Literal.class, Alias.class, BinaryArithmetic.class,
      UnaryMinus.class, Comparison.class, And.class, Or.class, Not.class, IsNull.class, IsNotNull.class,
      Cast.class, AggregateCall.class, SortOrder.class, ReplacedCall.class, If.class, CaseWhen.class,
      Coalesce.class, In.class, GreatestLeast.class);

  private Determinism() {}

  public static boolean isDeterministic(Expression expression) {
    return !expression.exists(node -> node instanceof ScalarFunctionCall call
        ? !call.function().deterministic()
        : !DETERMINISTIC_KINDS.contains(node.getClass()));
  }

  public static boolean allDeterministic(List<? extends Expression> expressions) {
    return expressions.stream().allMatch(Determinism::isDeterministic);
  }
}
