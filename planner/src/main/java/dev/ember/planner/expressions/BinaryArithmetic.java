package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.util.List;
import java.util.Objects;

/**
 * {@code left op right}. After type coercion both sides have the same type, except decimals, whose
 * result type follows {@link DecimalResultTypes}. Division is always fractional (double or decimal);
 * the analyzer casts integral operands first, as Spark does.
 */
public record BinaryArithmetic(ArithmeticOperator operator, Expression left, Expression right)
    implements Expression {
  public BinaryArithmetic {
    Objects.requireNonNull(operator, "operator is null");
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(left, right);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 2);
    return children.get(0) == left && children.get(1) == right
        ? this
        : new BinaryArithmetic(operator, children.get(0), children.get(1));
  }

  // Each side's type is asked for once: asking twice per level makes deep chains exponential.
  @Override
  public DataType dataType() {
    DataType leftType = left.dataType();
    if (leftType instanceof DecimalType l && right.dataType() instanceof DecimalType r) {
      return DecimalResultTypes.of(operator, l, r);
    }
    return leftType;
  }

  /** Division and remainder by zero give null outside ANSI mode, so they are always nullable. */
  @Override
  public boolean nullable() {
    return left.nullable() || right.nullable()
        || operator == ArithmeticOperator.DIVIDE || operator == ArithmeticOperator.REMAINDER;
  }

  @Override
  public String sql() {
    return "(" + left.sql() + " " + operator.symbol() + " " + right.sql() + ")";
  }

  @Override
  public String toString() {
    return "(" + left + " " + operator.symbol() + " " + right + ")";
  }
}
