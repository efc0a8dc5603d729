package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Joins two plans. Without a condition every pair of rows matches (a cross product, which Spark 4
 * allows for an inner join too). The output is the left side's columns then the right side's, except
 * for semi and anti joins (left only); columns of a side that an outer join may null-pad are nullable.
 * The two sides never share attribute ids: the API gives a repeated side fresh ids first.
 */
public record Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Optional<Expression> condition)
    implements LogicalPlan {
  public Join {
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    Objects.requireNonNull(joinType, "joinType is null");
    Objects.requireNonNull(condition, "condition is null");
  }

  public Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition) {
    this(left, right, joinType, Optional.ofNullable(condition));
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> out = new ArrayList<>();
    for (AttributeReference column : left.output()) {
      out.add(joinType.leftNullable() ? column.withNullability(true) : column);
    }
    if (!joinType.leftOnly()) {
      for (AttributeReference column : right.output()) {
        out.add(joinType.rightNullable() ? column.withNullability(true) : column);
      }
    }
    return out;
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    if (children.size() != 2) {
      throw new IllegalArgumentException("a join has two children, got " + children.size());
    }
    return children.get(0) == left && children.get(1) == right
        ? this
        : new Join(children.get(0), children.get(1), joinType, condition);
  }

  @Override
  public List<Expression> expressions() {
    return condition.map(List::of).orElse(List.of());
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    if (condition.isEmpty()) {
      return this;
    }
    Expression mapped = mapping.apply(condition.get());
    return mapped == condition.get() ? this : new Join(left, right, joinType, Optional.of(mapped));
  }

  /** The same join with another condition (none when null). */
  public Join withCondition(Expression newCondition) {
    return new Join(left, right, joinType, Optional.ofNullable(newCondition));
  }

  @Override
  public String nodeString() {
    return "Join " + joinType.explainName() + condition.map(c -> ", " + c).orElse("");
  }
}
