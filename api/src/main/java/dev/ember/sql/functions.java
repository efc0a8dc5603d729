package dev.ember.sql;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.expressions.UnresolvedStar;
import dev.ember.planner.parser.ExpressionParser;
import java.util.List;

/** Spark's built-in column functions, under Spark's names (hence the lower-case class name). */
@SuppressWarnings("checkstyle:TypeName")
public final class functions {
  private functions() {}

  /** A column by name; {@code "*"} is every column. */
  public static Column col(String name) {
    if (name.equals("*")) {
      return new Column(new UnresolvedStar());
    }
    return new Column(new UnresolvedAttribute(stripBackquotes(name)));
  }

  public static Column column(String name) {
    return col(name);
  }

  private static String stripBackquotes(String name) {
    if (name.length() >= 2 && name.startsWith("`") && name.endsWith("`")) {
      return name.substring(1, name.length() - 1).replace("``", "`");
    }
    return name;
  }

  /** Marks {@code df} to build the hash table of the joins it takes part in, as Spark's broadcast hint. */
  public static <T> Dataset<T> broadcast(Dataset<T> df) {
    return df.withBroadcastHint();
  }

  public static Column lit(Object value) {
    if (value instanceof Column column) {
      return column;
    }
    return new Column(Literal.fromJava(value));
  }

  /** Parses a SQL expression string, e.g. {@code expr("age > 26 AND city = 'Paris'")}. */
  public static Column expr(String expression) {
    return new Column(ExpressionParser.parse(expression));
  }

  private static Column call(String name, Column argument) {
    return new Column(new UnresolvedFunction(name, List.of(argument.expr()), false));
  }

  /** {@code count("*")} counts rows, as {@code count(1)}. */
  public static Column count(String columnName) {
    return columnName.equals("*") ? count(new Column(Literal.fromJava(1))) : count(col(columnName));
  }

  public static Column count(Column column) {
    Expression argument = column.expr() instanceof UnresolvedStar ? Literal.fromJava(1) : column.expr();
    return new Column(new UnresolvedFunction("count", List.of(argument), false));
  }

  public static Column sum(Column column) {
    return call("sum", column);
  }

  public static Column sum(String columnName) {
    return sum(col(columnName));
  }

  public static Column avg(Column column) {
    return call("avg", column);
  }

  public static Column avg(String columnName) {
    return avg(col(columnName));
  }

  /** Spark's {@code mean} is {@code avg}, and its column is named {@code avg(x)}. */
  public static Column mean(Column column) {
    return avg(column);
  }

  public static Column mean(String columnName) {
    return mean(col(columnName));
  }

  public static Column min(Column column) {
    return call("min", column);
  }

  public static Column min(String columnName) {
    return min(col(columnName));
  }

  public static Column max(Column column) {
    return call("max", column);
  }

  public static Column max(String columnName) {
    return max(col(columnName));
  }

  public static Column asc(String columnName) {
    return new Column(SortOrder.ascending(col(columnName).expr()));
  }

  public static Column asc_nulls_first(String columnName) {
    return col(columnName).asc_nulls_first();
  }

  public static Column asc_nulls_last(String columnName) {
    return col(columnName).asc_nulls_last();
  }

  public static Column desc(String columnName) {
    return new Column(SortOrder.descending(col(columnName).expr()));
  }

  public static Column desc_nulls_first(String columnName) {
    return col(columnName).desc_nulls_first();
  }

  public static Column desc_nulls_last(String columnName) {
    return col(columnName).desc_nulls_last();
  }

  public static Column not(Column column) {
    return new Column(new Not(column.expr()));
  }

  public static Column negate(Column column) {
    return new Column(new UnaryMinus(column.expr()));
  }
}
