package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/**
 * Spark's TRY evaluation of one operation, as {@code try_add} or {@code try_divide} use it: the
 * operation runs with ANSI semantics whatever the session says, and a runtime error it raises itself
 * (overflow, division by zero, an index out of bounds) gives null. Its inputs are evaluated as usual,
 * so their own errors are still raised: {@code try_add(1 / 0, 1)} fails in ANSI mode, as in Spark 4.2.
 */
public record TryEval(Expression operation) implements Expression {
  public TryEval {
    Objects.requireNonNull(operation, "operation is null");
  }

  @Override
  public List<Expression> children() {
    return List.of(operation);
  }

  @Override
  public Expression withNewChildren(List<Expression> children) {
    LeafExpression.requireCount(this, children, 1);
    return children.get(0) == operation ? this : new TryEval(children.get(0));
  }

  @Override
  public DataType dataType() {
    return operation.dataType();
  }

  @Override
  public boolean nullable() {
    return true;
  }

  @Override
  public String sql() {
    return operation.sql();
  }

  @Override
  public String toString() {
    return "tryeval(" + operation + ")";
  }
}
