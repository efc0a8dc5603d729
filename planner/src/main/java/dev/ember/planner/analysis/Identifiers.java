package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Expression;
import dev.ember.sql.types.DataType;

/** How Spark's error messages quote names, expressions and types. */
final class Identifiers {
  private Identifiers() {}

  /** {@code `name`}, with back-quotes inside doubled. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** {@code "(age > 26)"}: an expression's pretty SQL in double quotes. */
  static String quoteExpression(Expression expression) {
    return "\"" + sql(expression) + "\"";
  }

  /** {@code "INT"}. */
  static String quoteType(DataType type) {
    return "\"" + type.sql() + "\"";
  }

  /** The expression's pretty SQL as Spark's messages and generated column names show it. */
  static String sql(Expression expression) {
    return expression.sql();
  }
}
