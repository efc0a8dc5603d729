package dev.ember.planner.functions;

import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnaryMinus;

/** Values of constant arguments known before optimization, which some result types depend on. */
public final class Constants {
  private Constants() {}

  /** The integer value of a constant such as {@code 2}, {@code -1} or {@code CAST(2 AS INT)}, or null. */
  public static Integer intValue(Expression expression) {
    if (expression instanceof Literal literal && literal.value() instanceof Number number) {
      return number.intValue();
    } else if (expression instanceof Cast cast) {
      return intValue(cast.child());
    } else if (expression instanceof UnaryMinus minus) {
      Integer value = intValue(minus.child());
      return value == null ? null : -value;
    }
    return null;
  }
}
