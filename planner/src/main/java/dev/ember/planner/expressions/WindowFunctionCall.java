package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Objects;

/**
 * A call of a {@link WindowFunction}: {@code row_number()}, {@code ntile(2)}, {@code lag(v, 1, NULL)},
 * {@code nth_value(v, 2) ignore nulls}. Meaningful only inside a {@link WindowExpression}.
 *
 * @param arguments the input (lag, lead, nth_value), then lag/lead's default value
 * @param offset lag/lead's offset, ntile's bucket count, nth_value's position
 */
public record WindowFunctionCall(WindowFunction function, List<Expression> arguments, long offset,
    boolean ignoreNulls) implements Expression {
  public WindowFunctionCall {
    Objects.requireNonNull(function, "function is null");
    arguments = List.copyOf(arguments);
  }

  /** The input value, or null for ranks. */
  public Expression input() {
    return arguments.isEmpty() ? null : arguments.get(0);
  }

  /** lag/lead's default value. */
  public Expression defaultValue() {
    return arguments.size() > 1 ? arguments.get(1) : null;
  }

  @Override
  public List<Expression> children() {
    return arguments;
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, arguments.size());
    return children.equals(arguments) ? this : new WindowFunctionCall(function, children, offset, ignoreNulls);
  }

  @Override
  public DataType dataType() {
    return function.resultType(arguments.isEmpty() ? DataTypes.NullType : arguments.get(0).dataType());
  }

  @Override
  public boolean nullable() {
    return function.nullable();
  }

  @Override
  public boolean foldable() {
    return false;
  }

  @Override
  public String sql() {
    return text(false);
  }

  @Override
  public String toString() {
    return text(true);
  }

  private String text(boolean explain) {
    String name = function.displayName();
    return switch (function) {
      case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST -> name + "()";
      case NTILE -> name + "(" + offset + ")";
      case LAG, LEAD -> name + "(" + show(input(), explain) + ", " + offset + ", "
          + show(defaultValue(), explain) + ")";
      case NTH_VALUE -> name + "(" + show(input(), explain) + ", " + offset + ")" + (ignoreNulls ? " ignore nulls" : "");
    };
  }

  private static String show(Expression expression, boolean explain) {
    return explain ? expression.toString() : expression.sql();
  }
}
