package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** {@code limit(n)}: the first {@code n} rows of the input (in its order, if it has one). */
public record Limit(int limit, LogicalPlan child) implements LogicalPlan {
  public Limit {
    if (limit < 0) {
      throw new IllegalArgumentException(
          "[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression \"" + limit
              + "\" is invalid. The limit expression must be equal to or greater than 0, but got " + limit + ".");
    }
    Objects.requireNonNull(child, "child is null");
  }

  @Override
  public List<AttributeReference> output() {
    return child.output();
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(child);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    return children.get(0) == child ? this : new Limit(limit, children.get(0));
  }

  @Override
  public List<Expression> expressions() {
    return List.of();
  }

  @Override
  public LogicalPlan mapExpressions(Function<Expression, Expression> mapping) {
    return this;
  }

  @Override
  public String nodeString() {
    return "GlobalLimit " + limit;
  }
}
