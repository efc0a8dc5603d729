package dev.ember.planner.logical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** {@code spark.range(start, end, step)}: one non-null bigint column {@code id}. */
public record RangeRelation(long start, long end, long step, int numSlices, AttributeReference id)
    implements LogicalPlan {
  public RangeRelation {
    Objects.requireNonNull(id, "id is null");
    if (step == 0) {
      throw new IllegalArgumentException("[FAILED_FUNCTION_CALL] The range step must not be 0.");
    }
  }

  /** Number of values the range produces, computed without overflow. */
  public long count() {
    java.math.BigInteger span = java.math.BigInteger.valueOf(end).subtract(java.math.BigInteger.valueOf(start));
    java.math.BigInteger stepBig = java.math.BigInteger.valueOf(step);
    if (span.signum() == 0 || span.signum() != stepBig.signum()) {
      return 0;
    }
    java.math.BigInteger[] division = span.divideAndRemainder(stepBig);
    java.math.BigInteger count = division[0].add(division[1].signum() == 0
        ? java.math.BigInteger.ZERO : java.math.BigInteger.ONE);
    return count.longValueExact();
  }

  @Override
  public List<AttributeReference> output() {
    return List.of(id);
  }

  @Override
  public List<LogicalPlan> children() {
    return List.of();
  }

  @Override
  public LogicalPlan withNewChildren(List<LogicalPlan> children) {
    if (!children.isEmpty()) {
      throw new IllegalArgumentException("a range has no children");
    }
    return this;
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
    return "Range (" + start + ", " + end + ", step=" + step + ", splits=" + numSlices + ")";
  }
}
