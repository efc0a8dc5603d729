package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * {@code IF(predicate, trueValue, falseValue)}: evaluates only the branch it returns, so an error in
 * the other one (a division by zero under ANSI) never fires, as in Spark. A null predicate picks the
 * false branch. After coercion both branches have one type.
 */
public record If(Expression predicate, Expression trueValue, Expression falseValue) implements Expression {
  public If {
    Objects.requireNonNull(predicate, "predicate is null");
    Objects.requireNonNull(trueValue, "trueValue is null");
    Objects.requireNonNull(falseValue, "falseValue is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(predicate, trueValue, falseValue);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 3);
    return children.get(0) == predicate && children.get(1) == trueValue && children.get(2) == falseValue
        ? this
        : new If(children.get(0), children.get(1), children.get(2));
  }

  @Override
  public DataType dataType() {
    return trueValue.dataType();
  }

  @Override
  public boolean nullable() {
    return trueValue.nullable() || falseValue.nullable();
  }

  @Override
  public String sql() {
    return "(IF(" + predicate.sql() + ", " + trueValue.sql() + ", " + falseValue.sql() + "))";
  }

  @Override
  public String toString() {
    return "if (" + predicate + ") " + trueValue + " else " + falseValue;
  }
}
