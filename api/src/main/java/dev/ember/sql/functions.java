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

  // ---- Aggregate functions beyond count, sum, avg, min and max ---------------------------------

  private static Column call(String name, boolean distinct, Column... arguments) {
    List<Expression> expressions = new java.util.ArrayList<>();
    for (Column argument : arguments) {
      expressions.add(argument.expr());
    }
    return new Column(new UnresolvedFunction(name, expressions, distinct));
  }

  /** {@code count(DISTINCT a, b, ...)}: distinct tuples of non-null values. */
  public static Column count_distinct(Column expr, Column... exprs) {
    Column[] all = new Column[exprs.length + 1];
    all[0] = expr;
    System.arraycopy(exprs, 0, all, 1, exprs.length);
    return call("count", true, all);
  }

  public static Column countDistinct(Column expr, Column... exprs) {
    return count_distinct(expr, exprs);
  }

  public static Column countDistinct(String columnName, String... columnNames) {
    Column[] rest = new Column[columnNames.length];
    for (int i = 0; i < columnNames.length; i++) {
      rest[i] = col(columnNames[i]);
    }
    return count_distinct(col(columnName), rest);
  }

  public static Column sum_distinct(Column e) {
    return call("sum", true, e);
  }

  public static Column sumDistinct(Column e) {
    return sum_distinct(e);
  }

  public static Column sumDistinct(String columnName) {
    return sum_distinct(col(columnName));
  }

  public static Column count_if(Column e) {
    return call("count_if", false, e);
  }

  public static Column first(Column e) {
    return call("first", false, e);
  }

  public static Column first(String columnName) {
    return first(col(columnName));
  }

  public static Column first(Column e, boolean ignoreNulls) {
    return call("first", false, e, lit(ignoreNulls));
  }

  public static Column first(String columnName, boolean ignoreNulls) {
    return first(col(columnName), ignoreNulls);
  }

  public static Column first_value(Column e) {
    return call("first_value", false, e);
  }

  public static Column first_value(Column e, Column ignoreNulls) {
    return call("first_value", false, e, ignoreNulls);
  }

  public static Column last(Column e) {
    return call("last", false, e);
  }

  public static Column last(String columnName) {
    return last(col(columnName));
  }

  public static Column last(Column e, boolean ignoreNulls) {
    return call("last", false, e, lit(ignoreNulls));
  }

  public static Column last(String columnName, boolean ignoreNulls) {
    return last(col(columnName), ignoreNulls);
  }

  public static Column last_value(Column e) {
    return call("last_value", false, e);
  }

  public static Column last_value(Column e, Column ignoreNulls) {
    return call("last_value", false, e, ignoreNulls);
  }

  public static Column any_value(Column e) {
    return call("any_value", false, e);
  }

  public static Column any_value(Column e, Column ignoreNulls) {
    return call("any_value", false, e, ignoreNulls);
  }

  public static Column stddev(Column e) {
    return call("stddev", false, e);
  }

  public static Column stddev(String columnName) {
    return stddev(col(columnName));
  }

  public static Column std(Column e) {
    return call("std", false, e);
  }

  public static Column stddev_samp(Column e) {
    return call("stddev_samp", false, e);
  }

  public static Column stddev_samp(String columnName) {
    return stddev_samp(col(columnName));
  }

  public static Column stddev_pop(Column e) {
    return call("stddev_pop", false, e);
  }

  public static Column stddev_pop(String columnName) {
    return stddev_pop(col(columnName));
  }

  public static Column variance(Column e) {
    return call("variance", false, e);
  }

  public static Column variance(String columnName) {
    return variance(col(columnName));
  }

  public static Column var_samp(Column e) {
    return call("var_samp", false, e);
  }

  public static Column var_samp(String columnName) {
    return var_samp(col(columnName));
  }

  public static Column var_pop(Column e) {
    return call("var_pop", false, e);
  }

  public static Column var_pop(String columnName) {
    return var_pop(col(columnName));
  }

  public static Column skewness(Column e) {
    return call("skewness", false, e);
  }

  public static Column skewness(String columnName) {
    return skewness(col(columnName));
  }

  public static Column kurtosis(Column e) {
    return call("kurtosis", false, e);
  }

  public static Column kurtosis(String columnName) {
    return kurtosis(col(columnName));
  }

  public static Column corr(Column column1, Column column2) {
    return call("corr", false, column1, column2);
  }

  public static Column corr(String columnName1, String columnName2) {
    return corr(col(columnName1), col(columnName2));
  }

  public static Column covar_pop(Column column1, Column column2) {
    return call("covar_pop", false, column1, column2);
  }

  public static Column covar_pop(String columnName1, String columnName2) {
    return covar_pop(col(columnName1), col(columnName2));
  }

  public static Column covar_samp(Column column1, Column column2) {
    return call("covar_samp", false, column1, column2);
  }

  public static Column covar_samp(String columnName1, String columnName2) {
    return covar_samp(col(columnName1), col(columnName2));
  }

  public static Column bool_and(Column e) {
    return call("bool_and", false, e);
  }

  public static Column every(Column e) {
    return call("every", false, e);
  }

  public static Column bool_or(Column e) {
    return call("bool_or", false, e);
  }

  public static Column some(Column e) {
    return call("some", false, e);
  }

  public static Column any(Column e) {
    return call("any", false, e);
  }

  public static Column max_by(Column e, Column ord) {
    return call("max_by", false, e, ord);
  }

  public static Column min_by(Column e, Column ord) {
    return call("min_by", false, e, ord);
  }

  public static Column approx_count_distinct(Column e) {
    return call("approx_count_distinct", false, e);
  }

  public static Column approx_count_distinct(String columnName) {
    return approx_count_distinct(col(columnName));
  }

  public static Column approx_count_distinct(Column e, double rsd) {
    return call("approx_count_distinct", false, e, lit(rsd));
  }

  public static Column approx_count_distinct(String columnName, double rsd) {
    return approx_count_distinct(col(columnName), rsd);
  }

  /** @deprecated Spark's old name; use {@link #approx_count_distinct(Column)}. */
  @Deprecated
  public static Column approxCountDistinct(Column e) {
    return approx_count_distinct(e);
  }

  /** @deprecated Spark's old name; use {@link #approx_count_distinct(String)}. */
  @Deprecated
  public static Column approxCountDistinct(String columnName) {
    return approx_count_distinct(columnName);
  }

  /** @deprecated Spark's old name; use {@link #approx_count_distinct(Column, double)}. */
  @Deprecated
  public static Column approxCountDistinct(Column e, double rsd) {
    return approx_count_distinct(e, rsd);
  }

  /** @deprecated Spark's old name; use {@link #approx_count_distinct(String, double)}. */
  @Deprecated
  public static Column approxCountDistinct(String columnName, double rsd) {
    return approx_count_distinct(columnName, rsd);
  }

  /** Exact percentile of a numeric column, interpolated; {@code percentage} is a literal in [0, 1]. */
  public static Column percentile(Column e, Column percentage) {
    return call("percentile", false, e, percentage);
  }

  public static Column percentile(Column e, Column percentage, Column frequency) {
    return call("percentile", false, e, percentage, frequency);
  }

  public static Column median(Column e) {
    return call("median", false, e);
  }

  public static Column mode(Column e) {
    return call("mode", false, e);
  }
}
