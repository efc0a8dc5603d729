package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A function Spark defines as another expression, keeping its own name: {@code nvl2(a, b, c)} is
 * {@code IF(a IS NOT NULL, b, c)} and {@code between(x, lo, hi)} is {@code x >= lo AND x <= hi}, but
 * their columns are named {@code nvl2(a, b, c)} and {@code between(x, lo, hi)}. The only child is the
 * replacement, which coercion rewrites and kernels evaluate; {@code arguments} are kept only to render
 * the name.
 */
public record ReplacedCall(String prettyName, List<Expression> arguments, Expression replacement)
    implements Expression {
  public ReplacedCall {
    Objects.requireNonNull(prettyName, "prettyName is null");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(replacement, "replacement is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(replacement);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == replacement ? this : new ReplacedCall(prettyName, arguments, children.get(0));
  }

  @Override
  public DataType dataType() {
    return replacement.dataType();
  }

  @Override
  public boolean nullable() {
    return replacement.nullable();
  }

  @Override
  public String sql() {
    return prettyName + "(" + arguments.stream().map(Expression::sql).collect(Collectors.joining(", ")) + ")";
  }

  @Override
  public String toString() {
    return replacement.toString();
  }
}
