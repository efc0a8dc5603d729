package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.trees.TreeNode;
import java.util.List;
import java.util.function.Function;

/**
 * A relational operator tree as the user's program describes it. Immutable; built unresolved by the
 * API, resolved by the analyzer, rewritten by the optimizer, then turned into a physical plan.
 */
public sealed interface LogicalPlan extends TreeNode<LogicalPlan>
    permits ScanRelation, RangeRelation, Project, Filter, Aggregate, Sort, Limit,
        Join, SubqueryAlias, BroadcastHint, Union, Window, Generate, Offset, ReplicateRows,
        InMemoryRelation, SinglePartition, Repartition {

  /** The columns this operator produces; only meaningful once resolved. */
  List<AttributeReference> output();

  /** This node's own expressions (not its children's plans). */
  List<Expression> expressions();

  /** A copy with each of this node's own expressions mapped; {@code this} when none changed. */
  LogicalPlan mapExpressions(Function<Expression, Expression> mapping);

  /** True when every expression here and every child is resolved. */
  default boolean resolved() {
    for (Expression expression : expressions()) {
      if (!expression.resolved()) {
        return false;
      }
    }
    for (LogicalPlan child : children()) {
      if (!child.resolved()) {
        return false;
      }
    }
    return true;
  }

  /** Applies {@code rule} bottom-up to every expression of this node (not of children). */
  default LogicalPlan transformExpressionsUp(Function<Expression, Expression> rule) {
    return mapExpressions(expression -> expression.transformUp(rule));
  }

  /** The output attributes of all children, in order: what this node's expressions may refer to. */
  default List<AttributeReference> childOutput() {
    return children().stream().flatMap(child -> child.output().stream()).toList();
  }
}
