package dev.ember.planner.expressions;

import dev.ember.planner.trees.TreeNode;
import dev.ember.sql.types.DataType;

/**
 * A scalar or aggregate expression. Immutable; built unresolved by the API and the expression parser,
 * then resolved and type-checked by the analyzer. {@link #dataType()} and {@link #nullable()} are only
 * meaningful once {@link #resolved()} holds.
 *
 * <p>Three renderings: {@link #sql()} is Spark's "pretty" text used to name unaliased columns
 * ({@code (age > 26)}, {@code avg(age)}); {@link #toString()} is the explain form with expression ids
 * ({@code (age#2 > 26)}); {@link #nodeString()} equals {@code toString()}.
 */
public sealed interface Expression extends TreeNode<Expression>
    permits UnresolvedAttribute, UnresolvedStar, UnresolvedFunction, AttributeReference, BoundReference,
        Literal, Alias, BinaryArithmetic, UnaryMinus, Comparison, And, Or, Not, IsNull, IsNotNull, Cast,
        AggregateCall, SortOrder, DatasetColumnReference, ScalarFunctionCall, ReplacedCall, If, CaseWhen, Coalesce,
        In, GreatestLeast, WindowExpression, WindowFunctionCall,
        Generator, UnresolvedExtractValue, TryEval, NamedLambdaVariable, LambdaFunction, HigherOrderFunction {

  DataType dataType();

  boolean nullable();

  /** True when this node and all its children are resolved and type-checked. */
  default boolean resolved() {
    for (Expression child : children()) {
      if (!child.resolved()) {
        return false;
      }
    }
    return true;
  }

  /** True when the value does not depend on any input row (a constant that folding may evaluate). */
  default boolean foldable() {
    if (children().isEmpty()) {
      return false;
    }
    for (Expression child : children()) {
      if (!child.foldable()) {
        return false;
      }
    }
    return true;
  }

  /** Spark's pretty SQL text, used as the name of an unaliased column. */
  String sql();

  @Override
  default String nodeString() {
    return toString();
  }

  /** True if some node of this tree is an aggregate call, not counting aggregates over a window. */
  default boolean containsAggregate() {
    if (this instanceof AggregateCall) {
      return true;
    } else if (this instanceof WindowExpression) {
      return false;
    }
    for (Expression child : children()) {
      if (child.containsAggregate()) {
        return true;
      }
    }
    return false;
  }
}
