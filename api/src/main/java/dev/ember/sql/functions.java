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

  // ---------------------------------------------------------------------------------------------
  // Calls of registered functions by name, as Spark's own functions are built.

  /** {@code name(arguments)}, resolved by the analyzer's function registry. */
  public static Column call_function(String name, Column... arguments) {
    List<Expression> expressions = new java.util.ArrayList<>();
    for (Column argument : arguments) {
      expressions.add(argument.expr());
    }
    return new Column(new UnresolvedFunction(name, expressions, false));
  }

  private static Column call(String name, Column first, Column second) {
    return call_function(name, first, second);
  }

  // ---------------------------------------------------------------------------------------------
  // Conditionals and nulls.

  /** Starts a {@code CASE WHEN}; continue with {@link Column#when} and {@link Column#otherwise}. */
  public static Column when(Column condition, Object value) {
    return new Column(new dev.ember.planner.expressions.CaseWhen(List.of(condition.expr()),
        List.of(Column.toExpression(value)), null));
  }

  public static Column coalesce(Column... columns) {
    return call_function("coalesce", columns);
  }

  public static Column ifnull(Column column, Column replacement) {
    return call("ifnull", column, replacement);
  }

  public static Column nvl(Column column, Column replacement) {
    return call("nvl", column, replacement);
  }

  public static Column nvl2(Column column, Column whenNotNull, Column whenNull) {
    return call_function("nvl2", column, whenNotNull, whenNull);
  }

  public static Column nullif(Column column, Column other) {
    return call("nullif", column, other);
  }

  public static Column isnull(Column column) {
    return call("isnull", column);
  }

  public static Column isnotnull(Column column) {
    return call("isnotnull", column);
  }

  public static Column isnan(Column column) {
    return call("isnan", column);
  }

  public static Column nanvl(Column column, Column replacement) {
    return call("nanvl", column, replacement);
  }

  public static Column greatest(Column... columns) {
    return call_function("greatest", columns);
  }

  public static Column greatest(String columnName, String... columnNames) {
    return greatest(columns(columnName, columnNames));
  }

  public static Column least(Column... columns) {
    return call_function("least", columns);
  }

  public static Column least(String columnName, String... columnNames) {
    return least(columns(columnName, columnNames));
  }

  private static Column[] columns(String first, String... rest) {
    Column[] columns = new Column[rest.length + 1];
    columns[0] = col(first);
    for (int i = 0; i < rest.length; i++) {
      columns[i + 1] = col(rest[i]);
    }
    return columns;
  }

  // ---------------------------------------------------------------------------------------------
  // Math.

  public static Column abs(Column column) {
    return call("abs", column);
  }

  public static Column positive(Column column) {
    return call("positive", column);
  }

  public static Column negative(Column column) {
    return call("negative", column);
  }

  public static Column sqrt(Column column) {
    return call("sqrt", column);
  }

  public static Column sqrt(String columnName) {
    return sqrt(col(columnName));
  }

  public static Column cbrt(Column column) {
    return call("cbrt", column);
  }

  public static Column cbrt(String columnName) {
    return cbrt(col(columnName));
  }

  public static Column exp(Column column) {
    return call("exp", column);
  }

  public static Column exp(String columnName) {
    return exp(col(columnName));
  }

  public static Column expm1(Column column) {
    return call("expm1", column);
  }

  public static Column expm1(String columnName) {
    return expm1(col(columnName));
  }

  public static Column ln(Column column) {
    return call("ln", column);
  }

  /** The natural logarithm; Spark names the column {@code ln(x)}. */
  public static Column log(Column column) {
    return ln(column);
  }

  public static Column log(String columnName) {
    return log(col(columnName));
  }

  public static Column log(double base, Column column) {
    return call("log", lit(base), column);
  }

  public static Column log(double base, String columnName) {
    return log(base, col(columnName));
  }

  public static Column log10(Column column) {
    return call("log10", column);
  }

  public static Column log10(String columnName) {
    return log10(col(columnName));
  }

  public static Column log2(Column column) {
    return call("log2", column);
  }

  public static Column log2(String columnName) {
    return log2(col(columnName));
  }

  public static Column log1p(Column column) {
    return call("log1p", column);
  }

  public static Column log1p(String columnName) {
    return log1p(col(columnName));
  }

  public static Column pow(Column base, Column exponent) {
    return call("power", base, exponent);
  }

  public static Column pow(Column base, String exponentName) {
    return pow(base, col(exponentName));
  }

  public static Column pow(String baseName, Column exponent) {
    return pow(col(baseName), exponent);
  }

  public static Column pow(String baseName, String exponentName) {
    return pow(col(baseName), col(exponentName));
  }

  public static Column pow(Column base, double exponent) {
    return pow(base, lit(exponent));
  }

  public static Column pow(String baseName, double exponent) {
    return pow(col(baseName), lit(exponent));
  }

  public static Column pow(double base, Column exponent) {
    return pow(lit(base), exponent);
  }

  public static Column pow(double base, String exponentName) {
    return pow(lit(base), col(exponentName));
  }

  public static Column power(Column base, Column exponent) {
    return call("power", base, exponent);
  }

  public static Column signum(Column column) {
    return call("signum", column);
  }

  public static Column signum(String columnName) {
    return signum(col(columnName));
  }

  public static Column sign(Column column) {
    return call("sign", column);
  }

  public static Column sin(Column column) {
    return call("sin", column);
  }

  public static Column sin(String columnName) {
    return sin(col(columnName));
  }

  public static Column cos(Column column) {
    return call("cos", column);
  }

  public static Column cos(String columnName) {
    return cos(col(columnName));
  }

  public static Column tan(Column column) {
    return call("tan", column);
  }

  public static Column tan(String columnName) {
    return tan(col(columnName));
  }

  public static Column asin(Column column) {
    return call("asin", column);
  }

  public static Column asin(String columnName) {
    return asin(col(columnName));
  }

  public static Column acos(Column column) {
    return call("acos", column);
  }

  public static Column acos(String columnName) {
    return acos(col(columnName));
  }

  public static Column atan(Column column) {
    return call("atan", column);
  }

  public static Column atan(String columnName) {
    return atan(col(columnName));
  }

  public static Column atan2(Column y, Column x) {
    return call("atan2", y, x);
  }

  public static Column atan2(Column y, String xName) {
    return atan2(y, col(xName));
  }

  public static Column atan2(String yName, Column x) {
    return atan2(col(yName), x);
  }

  public static Column atan2(String yName, String xName) {
    return atan2(col(yName), col(xName));
  }

  public static Column atan2(Column y, double x) {
    return atan2(y, lit(x));
  }

  public static Column atan2(String yName, double x) {
    return atan2(col(yName), lit(x));
  }

  public static Column atan2(double y, Column x) {
    return atan2(lit(y), x);
  }

  public static Column atan2(double y, String xName) {
    return atan2(lit(y), col(xName));
  }

  public static Column sinh(Column column) {
    return call("sinh", column);
  }

  public static Column sinh(String columnName) {
    return sinh(col(columnName));
  }

  public static Column cosh(Column column) {
    return call("cosh", column);
  }

  public static Column cosh(String columnName) {
    return cosh(col(columnName));
  }

  public static Column tanh(Column column) {
    return call("tanh", column);
  }

  public static Column tanh(String columnName) {
    return tanh(col(columnName));
  }

  public static Column cot(Column column) {
    return call("cot", column);
  }

  public static Column sec(Column column) {
    return call("sec", column);
  }

  public static Column csc(Column column) {
    return call("csc", column);
  }

  public static Column degrees(Column column) {
    return call("degrees", column);
  }

  public static Column degrees(String columnName) {
    return degrees(col(columnName));
  }

  public static Column radians(Column column) {
    return call("radians", column);
  }

  public static Column radians(String columnName) {
    return radians(col(columnName));
  }

  public static Column hypot(Column left, Column right) {
    return call("hypot", left, right);
  }

  public static Column hypot(Column left, String rightName) {
    return hypot(left, col(rightName));
  }

  public static Column hypot(String leftName, Column right) {
    return hypot(col(leftName), right);
  }

  public static Column hypot(String leftName, String rightName) {
    return hypot(col(leftName), col(rightName));
  }

  public static Column hypot(Column left, double right) {
    return hypot(left, lit(right));
  }

  public static Column hypot(String leftName, double right) {
    return hypot(col(leftName), lit(right));
  }

  public static Column hypot(double left, Column right) {
    return hypot(lit(left), right);
  }

  public static Column hypot(double left, String rightName) {
    return hypot(lit(left), col(rightName));
  }

  public static Column e() {
    return call_function("e");
  }

  public static Column pi() {
    return call_function("pi");
  }

  public static Column ceil(Column column) {
    return call("ceil", column);
  }

  public static Column ceil(String columnName) {
    return ceil(col(columnName));
  }

  public static Column ceil(Column column, Column scale) {
    return call("ceil", column, scale);
  }

  public static Column ceiling(Column column) {
    return call("ceiling", column);
  }

  public static Column ceiling(Column column, Column scale) {
    return call("ceiling", column, scale);
  }

  public static Column floor(Column column) {
    return call("floor", column);
  }

  public static Column floor(String columnName) {
    return floor(col(columnName));
  }

  public static Column floor(Column column, Column scale) {
    return call("floor", column, scale);
  }

  public static Column round(Column column) {
    return call("round", column);
  }

  public static Column round(Column column, int scale) {
    return call("round", column, lit(scale));
  }

  public static Column round(Column column, Column scale) {
    return call("round", column, scale);
  }

  public static Column bround(Column column) {
    return call("bround", column);
  }

  public static Column bround(Column column, int scale) {
    return call("bround", column, lit(scale));
  }

  public static Column bround(Column column, Column scale) {
    return call("bround", column, scale);
  }

  public static Column pmod(Column dividend, Column divisor) {
    return call("pmod", dividend, divisor);
  }

  public static Column hex(Column column) {
    return call("hex", column);
  }

  public static Column unhex(Column column) {
    return call("unhex", column);
  }

  public static Column bin(Column column) {
    return call("bin", column);
  }

  public static Column bin(String columnName) {
    return bin(col(columnName));
  }

  public static Column conv(Column number, int fromBase, int toBase) {
    return call_function("conv", number, lit(fromBase), lit(toBase));
  }

  public static Column factorial(Column column) {
    return call("factorial", column);
  }

  public static Column shiftleft(Column column, int bits) {
    return call("shiftleft", column, lit(bits));
  }

  public static Column shiftright(Column column, int bits) {
    return call("shiftright", column, lit(bits));
  }

  public static Column shiftrightunsigned(Column column, int bits) {
    return call("shiftrightunsigned", column, lit(bits));
  }

  public static Column width_bucket(Column value, Column minimum, Column maximum, Column buckets) {
    return call_function("width_bucket", value, minimum, maximum, buckets);
  }

  /** Uniform in [0, 1), Spark's sequence for the seed in a single partition. */
  public static Column rand(long seed) {
    return call("rand", lit(seed));
  }

  /** As Spark does, draws the seed now; it shows in the column name. */
  public static Column rand() {
    return rand(java.util.concurrent.ThreadLocalRandom.current().nextLong());
  }

  public static Column randn(long seed) {
    return call("randn", lit(seed));
  }

  public static Column randn() {
    return randn(java.util.concurrent.ThreadLocalRandom.current().nextLong());
  }

  // ==== String functions ====
  // (section kept for parallel work; add this family's functions below this line)


  // ==== Hash and encoding functions ====
  // (section kept for parallel work; add this family's functions below this line)


  // ==== Date and time functions ====
  // (section kept for parallel work; add this family's functions below this line)


  // ==== Collection (arrays, maps, structs) functions ====
  // (section kept for parallel work; add this family's functions below this line)


  // ==== User-defined functions functions ====
  // (section kept for parallel work; add this family's functions below this line)


  // ==== Window functions ====
  // (section kept for parallel work; add this family's functions below this line)


  // ==== Other functions ====

  /** In a rollup or cube: 1 when {@code column} is rolled up (null because of the grouping set), else 0. */
  public static Column grouping(Column column) {
    return new Column(new dev.ember.planner.expressions.UnresolvedFunction("grouping", List.of(column.expr()), false));
  }

  public static Column grouping(String columnName) {
    return grouping(col(columnName));
  }

  /** In a rollup or cube: the grouping() bits of the columns (all grouping columns if none), first highest. */
  public static Column grouping_id(Column... columns) {
    List<dev.ember.planner.expressions.Expression> arguments = new java.util.ArrayList<>();
    for (Column column : columns) {
      arguments.add(column.expr());
    }
    return new Column(new dev.ember.planner.expressions.UnresolvedFunction("grouping_id", arguments, false));
  }

  public static Column grouping_id(String colName, String... colNames) {
    List<Column> all = new java.util.ArrayList<>();
    all.add(col(colName));
    for (String name : colNames) {
      all.add(col(name));
    }
    return grouping_id(all.toArray(new Column[0]));
  }
  // (section kept for parallel work; add this family's functions below this line)

}
