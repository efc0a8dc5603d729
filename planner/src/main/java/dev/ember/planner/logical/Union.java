package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code union}: the rows of {@code left}, then those of {@code right}, matched by position and kept
 * with duplicates. As in Spark the output takes the left side's columns (names and ids), each nullable
 * when either side's column is. The analyzer makes both sides' types equal (widening by casts) and
 * checks that the sides have as many columns; until then the output types are the left side's.
 *
 * <p>{@code operatorName} is the set operation errors name: {@code INTERSECT} and {@code EXCEPT} are
 * built on a union of their inputs and report mismatched inputs under their own name.
 */
public record Union(LogicalPlan left, LogicalPlan right, String operatorName) implements LogicalPlan {
  public Union {
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    Objects.requireNonNull(operatorName, "operatorName is null");
  }

  public Union(LogicalPlan left, LogicalPlan right) {
    this(left, right, "UNION");
  }

  @Override
  public List<AttributeReference> output() {
    List<AttributeReference> leftOutput = left.output();
    List<AttributeReference> rightOutput = right.output();
    List<AttributeReference> output = new ArrayList<>(leftOutput.size());
    for (int i = 0; i < leftOutput.size(); i++) {
      AttributeReference column = leftOutput.get(i);
      boolean nullable = column.nullable() || (i < rightOutput.size() && rightOutput.get(i).nullable());
      output.add(nullable == column.nullable() ? column : column.withNullability(nullable));
    }
    return output;
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of(left, right);
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    return children.get(0) == left && children.get(1) == right ? this : new Union(children.get(0), children.get(1), operatorName);
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
    return "Union false, false";
  }
}
