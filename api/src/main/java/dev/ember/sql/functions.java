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

  public static Column bitwise_not(Column column) {
    return call("~", column);
  }

  /** @deprecated as in Spark: use {@link #bitwise_not}. */
  @Deprecated
  public static Column bitwiseNOT(Column column) {
    return bitwise_not(column);
  }

  public static Column bit_count(Column column) {
    return call("bit_count", column);
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

  public static Column upper(Column e) {
    return call_function("upper", e);
  }

  public static Column lower(Column e) {
    return call_function("lower", e);
  }

  public static Column ucase(Column e) {
    return call_function("ucase", e);
  }

  public static Column lcase(Column e) {
    return call_function("lcase", e);
  }

  public static Column initcap(Column e) {
    return call_function("initcap", e);
  }

  /** Characters of a string (code points), bytes of a binary. */
  public static Column length(Column e) {
    return call_function("length", e);
  }

  public static Column char_length(Column e) {
    return call_function("char_length", e);
  }

  public static Column character_length(Column e) {
    return call_function("character_length", e);
  }

  public static Column octet_length(Column e) {
    return call_function("octet_length", e);
  }

  public static Column bit_length(Column e) {
    return call_function("bit_length", e);
  }

  /** Removes spaces (U+0020 only) from both ends. */
  public static Column trim(Column e) {
    return call_function("trim", e);
  }

  /** Removes the characters of {@code trimString} from both ends; named {@code TRIM(BOTH x FROM e)}. */
  public static Column trim(Column e, String trimString) {
    return call_function("trim", lit(trimString), e);
  }

  public static Column ltrim(Column e) {
    return call_function("ltrim", e);
  }

  public static Column ltrim(Column e, String trimString) {
    return call_function("ltrim", lit(trimString), e);
  }

  public static Column rtrim(Column e) {
    return call_function("rtrim", e);
  }

  public static Column rtrim(Column e, String trimString) {
    return call_function("rtrim", lit(trimString), e);
  }

  public static Column btrim(Column str) {
    return call_function("btrim", str);
  }

  public static Column btrim(Column str, Column trim) {
    return call_function("btrim", str, trim);
  }

  public static Column lpad(Column str, int len, String pad) {
    return call_function("lpad", str, lit(len), lit(pad));
  }

  public static Column lpad(Column str, int len, byte[] pad) {
    return call_function("lpad", str, lit(len), lit(pad));
  }

  public static Column lpad(Column str, Column len, Column pad) {
    return call_function("lpad", str, len, pad);
  }

  public static Column lpad(Column str, Column len) {
    return call_function("lpad", str, len);
  }

  public static Column rpad(Column str, int len, String pad) {
    return call_function("rpad", str, lit(len), lit(pad));
  }

  public static Column rpad(Column str, int len, byte[] pad) {
    return call_function("rpad", str, lit(len), lit(pad));
  }

  public static Column rpad(Column str, Column len, Column pad) {
    return call_function("rpad", str, len, pad);
  }

  public static Column rpad(Column str, Column len) {
    return call_function("rpad", str, len);
  }

  /** 1-based; a negative position counts from the end. */
  public static Column substring(Column str, int pos, int len) {
    return call_function("substring", str, lit(pos), lit(len));
  }

  public static Column substring(Column str, Column pos, Column len) {
    return call_function("substring", str, pos, len);
  }

  public static Column substr(Column str, Column pos, Column len) {
    return call_function("substr", str, pos, len);
  }

  public static Column substr(Column str, Column pos) {
    return call_function("substr", str, pos);
  }

  public static Column substring_index(Column str, String delim, int count) {
    return call_function("substring_index", str, lit(delim), lit(count));
  }

  public static Column left(Column str, Column len) {
    return call_function("left", str, len);
  }

  public static Column right(Column str, Column len) {
    return call_function("right", str, len);
  }

  /** Null when any input is null. */
  public static Column concat(Column... exprs) {
    return call_function("concat", exprs);
  }

  /** Skips null inputs; null only when the separator is. */
  public static Column concat_ws(String sep, Column... exprs) {
    Column[] arguments = new Column[exprs.length + 1];
    arguments[0] = lit(sep);
    System.arraycopy(exprs, 0, arguments, 1, exprs.length);
    return call_function("concat_ws", arguments);
  }

  public static Column instr(Column str, String substring) {
    return call_function("instr", str, lit(substring));
  }

  public static Column instr(Column str, Column substring) {
    return call_function("instr", str, substring);
  }

  public static Column locate(String substr, Column str) {
    return call_function("locate", lit(substr), str);
  }

  public static Column locate(String substr, Column str, int pos) {
    return call_function("locate", lit(substr), str, lit(pos));
  }

  public static Column position(Column substr, Column str) {
    return call_function("position", substr, str);
  }

  public static Column position(Column substr, Column str, Column start) {
    return call_function("position", substr, str, start);
  }

  public static Column replace(Column src, Column search) {
    return call_function("replace", src, search);
  }

  public static Column replace(Column src, Column search, Column replace) {
    return call_function("replace", src, search, replace);
  }

  public static Column translate(Column src, String matchingString, String replaceString) {
    return call_function("translate", src, lit(matchingString), lit(replaceString));
  }

  public static Column regexp_replace(Column e, String pattern, String replacement) {
    return call_function("regexp_replace", e, lit(pattern), lit(replacement));
  }

  public static Column regexp_replace(Column e, Column pattern, Column replacement) {
    return call_function("regexp_replace", e, pattern, replacement);
  }

  public static Column regexp_extract(Column e, String exp, int groupIdx) {
    return call_function("regexp_extract", e, lit(exp), lit(groupIdx));
  }

  public static Column rlike(Column str, Column regexp) {
    return call_function("rlike", str, regexp);
  }

  public static Column regexp(Column str, Column regexp) {
    return call_function("regexp", str, regexp);
  }

  public static Column regexp_like(Column str, Column regexp) {
    return call_function("regexp_like", str, regexp);
  }

  public static Column like(Column str, Column pattern) {
    return call_function("like", str, pattern);
  }

  public static Column like(Column str, Column pattern, Column escapeChar) {
    return call_function("like", str, pattern, escapeChar);
  }

  public static Column ilike(Column str, Column pattern) {
    return call_function("ilike", str, pattern);
  }

  public static Column ilike(Column str, Column pattern, Column escapeChar) {
    return call_function("ilike", str, pattern, escapeChar);
  }

  /** Reversed by characters (a surrogate pair stays whole). */
  public static Column reverse(Column e) {
    return call_function("reverse", e);
  }

  public static Column repeat(Column str, int n) {
    return call_function("repeat", str, lit(n));
  }

  public static Column repeat(Column str, Column n) {
    return call_function("repeat", str, n);
  }

  public static Column startswith(Column str, Column prefix) {
    return call_function("startswith", str, prefix);
  }

  public static Column endswith(Column str, Column suffix) {
    return call_function("endswith", str, suffix);
  }

  public static Column contains(Column left, Column right) {
    return call_function("contains", left, right);
  }


  // ==== Hash and encoding functions ====
  // (section kept for parallel work; add this family's functions below this line)

  /** Spark's Murmur3 hash (seed 42) of the columns together; nulls are skipped, so it is never null. */
  public static Column hash(Column... columns) {
    return call_function("hash", columns);
  }

  /** Spark's 64-bit xxHash (seed 42) of the columns together; nulls are skipped, so it is never null. */
  public static Column xxhash64(Column... columns) {
    return call_function("xxhash64", columns);
  }

  /** The MD5 digest of a binary (a string's UTF-8 bytes), as 32 lower-case hex digits. */
  public static Column md5(Column column) {
    return call("md5", column);
  }

  public static Column sha1(Column column) {
    return call("sha1", column);
  }

  public static Column sha(Column column) {
    return call("sha", column);
  }

  /** SHA-224, SHA-256 (also 0), SHA-384 or SHA-512 as hex; null for any other {@code numBits}. */
  public static Column sha2(Column column, int numBits) {
    return call("sha2", column, lit(numBits));
  }

  public static Column crc32(Column column) {
    return call("crc32", column);
  }

  /** Base64 of a binary (a string's UTF-8 bytes), in lines of 76 characters as Spark writes it. */
  public static Column base64(Column column) {
    return call("base64", column);
  }

  public static Column unbase64(Column column) {
    return call("unbase64", column);
  }

  /** The string's bytes in {@code charset}: one of Spark's utf-8, utf-16, utf-16be, utf-16le, utf-32, us-ascii, iso-8859-1. */
  public static Column encode(Column value, String charset) {
    return call("encode", value, lit(charset));
  }

  public static Column decode(Column value, String charset) {
    return call("decode", value, lit(charset));
  }

  /** The code point of the first character; 0 for the empty string. */
  public static Column ascii(Column column) {
    return call("ascii", column);
  }

  /** The character of the code modulo 256 (Spark's {@code char}, a Java keyword, is {@code chr} here). */
  public static Column chr(Column column) {
    return call("chr", column);
  }

  public static Column levenshtein(Column left, Column right) {
    return call("levenshtein", left, right);
  }

  /** The distance, or -1 when it exceeds {@code threshold}. */
  public static Column levenshtein(Column left, Column right, int threshold) {
    return call_function("levenshtein", left, right, lit(threshold));
  }

  public static Column soundex(Column column) {
    return call("soundex", column);
  }

  /** The number with US digit grouping and {@code decimals} decimals, rounded half to even. */
  public static Column format_number(Column number, int decimals) {
    return call("format_number", number, lit(decimals));
  }

  /** Java's printf-style formatting of the columns. */
  public static Column format_string(String format, Column... arguments) {
    Column[] all = new Column[arguments.length + 1];
    all[0] = lit(format);
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    return call_function("format_string", all);
  }

  public static Column printf(Column format, Column... arguments) {
    Column[] all = new Column[arguments.length + 1];
    all[0] = format;
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    return call_function("printf", all);
  }


  // ==== Date and time functions ====

  public static Column from_utc_timestamp(Column timestamp, String timeZone) {
    return call("from_utc_timestamp", false, timestamp, lit(timeZone));
  }

  public static Column from_utc_timestamp(Column timestamp, Column timeZone) {
    return call("from_utc_timestamp", false, timestamp, timeZone);
  }

  public static Column to_utc_timestamp(Column timestamp, String timeZone) {
    return call("to_utc_timestamp", false, timestamp, lit(timeZone));
  }

  public static Column to_utc_timestamp(Column timestamp, Column timeZone) {
    return call("to_utc_timestamp", false, timestamp, timeZone);
  }
  // (section kept for parallel work; add this family's functions below this line)

  /** {@code make_dt_interval(days, hours, mins, secs)}: an {@code interval day to second}. */
  public static Column make_dt_interval(Column days, Column hours, Column mins, Column secs) {
    return call("make_dt_interval", false, days, hours, mins, secs);
  }

  public static Column make_dt_interval(Column days, Column hours, Column mins) {
    return call("make_dt_interval", false, days, hours, mins);
  }

  public static Column make_dt_interval(Column days, Column hours) {
    return call("make_dt_interval", false, days, hours);
  }

  public static Column make_dt_interval(Column days) {
    return call("make_dt_interval", false, days);
  }

  public static Column make_dt_interval() {
    return call("make_dt_interval", false);
  }

  /** {@code make_ym_interval(years, months)}: an {@code interval year to month}. */
  public static Column make_ym_interval(Column years, Column months) {
    return call("make_ym_interval", false, years, months);
  }

  public static Column make_ym_interval(Column years) {
    return call("make_ym_interval", false, years);
  }

  public static Column make_ym_interval() {
    return call("make_ym_interval", false);
  }

  /** Calls a date and time function by name with these arguments. */
  private static Column dateTimeCall(String name, Column... arguments) {
    return call(name, false, arguments);
  }

  /** Today in the session time zone, fixed once per query. */
  public static Column current_date() {
    return dateTimeCall("current_date");
  }

  /** This moment, fixed once per query. */
  public static Column current_timestamp() {
    return dateTimeCall("current_timestamp");
  }

  public static Column now() {
    return dateTimeCall("now");
  }

  public static Column year(Column e) {
    return dateTimeCall("year", e);
  }

  public static Column quarter(Column e) {
    return dateTimeCall("quarter", e);
  }

  public static Column month(Column e) {
    return dateTimeCall("month", e);
  }

  public static Column day(Column e) {
    return dateTimeCall("day", e);
  }

  public static Column dayofmonth(Column e) {
    return dateTimeCall("dayofmonth", e);
  }

  public static Column dayofweek(Column e) {
    return dateTimeCall("dayofweek", e);
  }

  public static Column weekday(Column e) {
    return dateTimeCall("weekday", e);
  }

  public static Column dayofyear(Column e) {
    return dateTimeCall("dayofyear", e);
  }

  public static Column weekofyear(Column e) {
    return dateTimeCall("weekofyear", e);
  }

  public static Column hour(Column e) {
    return dateTimeCall("hour", e);
  }

  public static Column minute(Column e) {
    return dateTimeCall("minute", e);
  }

  public static Column second(Column e) {
    return dateTimeCall("second", e);
  }

  public static Column last_day(Column e) {
    return dateTimeCall("last_day", e);
  }

  public static Column unix_seconds(Column e) {
    return dateTimeCall("unix_seconds", e);
  }

  public static Column unix_millis(Column e) {
    return dateTimeCall("unix_millis", e);
  }

  public static Column unix_micros(Column e) {
    return dateTimeCall("unix_micros", e);
  }

  public static Column unix_date(Column e) {
    return dateTimeCall("unix_date", e);
  }

  public static Column date_from_unix_date(Column e) {
    return dateTimeCall("date_from_unix_date", e);
  }

  public static Column timestamp_seconds(Column e) {
    return dateTimeCall("timestamp_seconds", e);
  }

  public static Column timestamp_millis(Column e) {
    return dateTimeCall("timestamp_millis", e);
  }

  public static Column timestamp_micros(Column e) {
    return dateTimeCall("timestamp_micros", e);
  }

  /** The column as a date, as a cast does. */
  public static Column to_date(Column e) {
    return dateTimeCall("to_date", e);
  }

  /** Text read as a date in a datetime pattern such as {@code yyyy-MM-dd}. */
  public static Column to_date(Column e, String format) {
    return dateTimeCall("to_date", e, lit(format));
  }

  public static Column to_timestamp(Column s) {
    return dateTimeCall("to_timestamp", s);
  }

  public static Column to_timestamp(Column s, String format) {
    return dateTimeCall("to_timestamp", s, lit(format));
  }

  public static Column date_format(Column dateExpr, String format) {
    return dateTimeCall("date_format", dateExpr, lit(format));
  }

  public static Column date_add(Column start, int days) {
    return dateTimeCall("date_add", start, lit(days));
  }

  public static Column date_add(Column start, Column days) {
    return dateTimeCall("date_add", start, days);
  }

  public static Column date_sub(Column start, int days) {
    return dateTimeCall("date_sub", start, lit(days));
  }

  public static Column date_sub(Column start, Column days) {
    return dateTimeCall("date_sub", start, days);
  }

  public static Column datediff(Column end, Column start) {
    return dateTimeCall("datediff", end, start);
  }

  public static Column add_months(Column startDate, int numMonths) {
    return dateTimeCall("add_months", startDate, lit(numMonths));
  }

  public static Column add_months(Column startDate, Column numMonths) {
    return dateTimeCall("add_months", startDate, numMonths);
  }

  public static Column months_between(Column end, Column start) {
    return dateTimeCall("months_between", end, start);
  }

  public static Column months_between(Column end, Column start, boolean roundOff) {
    return dateTimeCall("months_between", end, start, lit(roundOff));
  }

  public static Column next_day(Column date, String dayOfWeek) {
    return dateTimeCall("next_day", date, lit(dayOfWeek));
  }

  public static Column next_day(Column date, Column dayOfWeek) {
    return dateTimeCall("next_day", date, dayOfWeek);
  }

  public static Column trunc(Column date, String format) {
    return dateTimeCall("trunc", date, lit(format));
  }

  public static Column date_trunc(String format, Column timestamp) {
    return dateTimeCall("date_trunc", lit(format), timestamp);
  }

  /** Now, in seconds since the epoch. */
  public static Column unix_timestamp() {
    return dateTimeCall("unix_timestamp");
  }

  public static Column unix_timestamp(Column s) {
    return dateTimeCall("unix_timestamp", s);
  }

  public static Column unix_timestamp(Column s, String p) {
    return dateTimeCall("unix_timestamp", s, lit(p));
  }

  public static Column to_unix_timestamp(Column e) {
    return dateTimeCall("to_unix_timestamp", e);
  }

  public static Column to_unix_timestamp(Column e, Column format) {
    return dateTimeCall("to_unix_timestamp", e, format);
  }

  public static Column from_unixtime(Column ut) {
    return dateTimeCall("from_unixtime", ut);
  }

  public static Column from_unixtime(Column ut, String f) {
    return dateTimeCall("from_unixtime", ut, lit(f));
  }

  public static Column make_date(Column year, Column month, Column day) {
    return dateTimeCall("make_date", year, month, day);
  }

  /** {@code extract(lit("YEAR"), col("d"))}: the field must be a string literal. */
  public static Column extract(Column field, Column source) {
    return dateTimeCall("extract", field, source);
  }

  public static Column date_part(Column field, Column source) {
    return dateTimeCall("date_part", field, source);
  }


  // ==== Collection (arrays, maps, structs) functions ====
  // (section kept for parallel work; add this family's functions below this line)

  public static Column array(Column... columns) {
    return call("array", false, columns);
  }

  public static Column array(String columnName, String... columnNames) {
    return call("array", false, columns(columnName, columnNames));
  }

  public static Column struct(Column... columns) {
    return call("struct", false, columns);
  }

  public static Column struct(String columnName, String... columnNames) {
    return call("struct", false, columns(columnName, columnNames));
  }

  public static Column named_struct(Column... namesAndValues) {
    return call("named_struct", false, namesAndValues);
  }

  public static Column map(Column... keysAndValues) {
    return call("map", false, keysAndValues);
  }

  /** Spark's {@code create_map} is {@code map}, and names its column so. */
  public static Column create_map(Column... keysAndValues) {
    return map(keysAndValues);
  }

  public static Column map_from_arrays(Column keys, Column values) {
    return call("map_from_arrays", false, keys, values);
  }

  public static Column map_from_entries(Column entries) {
    return call("map_from_entries", false, entries);
  }

  public static Column map_keys(Column map) {
    return call("map_keys", map);
  }

  public static Column map_values(Column map) {
    return call("map_values", map);
  }

  public static Column size(Column collection) {
    return call("size", collection);
  }

  public static Column cardinality(Column collection) {
    return call("cardinality", collection);
  }

  /** {@code value}: a Column, or a constant. */
  public static Column element_at(Column collection, Object value) {
    return call("element_at", false, collection, lit(value));
  }

  public static Column array_contains(Column array, Object value) {
    return call("array_contains", false, array, lit(value));
  }

  public static Column array_position(Column array, Object value) {
    return call("array_position", false, array, lit(value));
  }

  public static Column sort_array(Column array) {
    return call("sort_array", array);
  }

  public static Column sort_array(Column array, boolean ascending) {
    return call("sort_array", false, array, lit(ascending));
  }

  public static Column array_distinct(Column array) {
    return call("array_distinct", array);
  }

  public static Column array_join(Column array, String delimiter) {
    return call("array_join", false, array, lit(delimiter));
  }

  public static Column array_join(Column array, String delimiter, String nullReplacement) {
    return call("array_join", false, array, lit(delimiter), lit(nullReplacement));
  }

  public static Column array_min(Column array) {
    return call("array_min", array);
  }

  public static Column array_max(Column array) {
    return call("array_max", array);
  }

  public static Column array_union(Column left, Column right) {
    return call("array_union", false, left, right);
  }

  public static Column array_intersect(Column left, Column right) {
    return call("array_intersect", false, left, right);
  }

  public static Column array_except(Column left, Column right) {
    return call("array_except", false, left, right);
  }

  public static Column flatten(Column arrays) {
    return call("flatten", arrays);
  }

  public static Column slice(Column array, int start, int length) {
    return call("slice", false, array, lit(start), lit(length));
  }

  public static Column slice(Column array, Column start, Column length) {
    return call("slice", false, array, start, length);
  }

  public static Column split(Column text, String pattern) {
    return call("split", false, text, lit(pattern));
  }

  public static Column split(Column text, String pattern, int limit) {
    return call("split", false, text, lit(pattern), lit(limit));
  }

  public static Column split(Column text, Column pattern) {
    return call("split", false, text, pattern);
  }

  public static Column split(Column text, Column pattern, Column limit) {
    return call("split", false, text, pattern, limit);
  }

  /** One row per element ({@code col}) or map entry ({@code key}, {@code value}); select it alone or with columns. */
  public static Column explode(Column collection) {
    return call("explode", collection);
  }

  /** Like {@link #explode}, with one row of nulls for a null or empty collection. */
  public static Column explode_outer(Column collection) {
    return call("explode_outer", collection);
  }

  /** Like {@link #explode}, with the element's 0-based position first ({@code pos}). */
  public static Column posexplode(Column collection) {
    return call("posexplode", collection);
  }

  public static Column posexplode_outer(Column collection) {
    return call("posexplode_outer", collection);
  }

  /** The group's non-null values in input order; an empty array for a group without any. */
  public static Column collect_list(Column column) {
    return call("collect_list", column);
  }

  public static Column collect_list(String columnName) {
    return collect_list(col(columnName));
  }

  /** The group's distinct non-null values, in no particular order (as in Spark). */
  public static Column collect_set(Column column) {
    return call("collect_set", column);
  }

  public static Column collect_set(String columnName) {
    return collect_set(col(columnName));
  }

  // ---- Higher-order functions. Spark's Java signatures take scala.Function1/Function2, which Java
  // lambdas implement; Ember has no Scala, so they take java.util.function.Function/BiFunction, and
  // the same Java source compiles against both: transform(col("a"), x -> x.plus(1)).

  private static final java.util.concurrent.atomic.AtomicInteger LAMBDA_VARIABLES =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * A fresh parameter, {@code x_0}, {@code y_1}, ... as Spark's Java API names them: a distinct name, so
   * that {@code col("x")} in the body stays the column x. Column names show {@code namedlambdavariable()}.
   */
  private static dev.ember.planner.expressions.NamedLambdaVariable lambdaVariable(String name) {
    return dev.ember.planner.expressions.NamedLambdaVariable.unbound(name + "_" + LAMBDA_VARIABLES.getAndIncrement());
  }

  private static Column lambda(java.util.function.Function<Column, Column> function) {
    java.util.Objects.requireNonNull(function, "function is null");
    dev.ember.planner.expressions.NamedLambdaVariable x = lambdaVariable("x");
    Column body = java.util.Objects.requireNonNull(function.apply(new Column(x)), "the lambda returned null");
    return new Column(new dev.ember.planner.expressions.LambdaFunction(body.expr(), List.of(x)));
  }

  private static Column lambda(java.util.function.BiFunction<Column, Column, Column> function) {
    java.util.Objects.requireNonNull(function, "function is null");
    dev.ember.planner.expressions.NamedLambdaVariable x = lambdaVariable("x");
    dev.ember.planner.expressions.NamedLambdaVariable y = lambdaVariable("y");
    Column body = java.util.Objects.requireNonNull(function.apply(new Column(x), new Column(y)),
        "the lambda returned null");
    return new Column(new dev.ember.planner.expressions.LambdaFunction(body.expr(), List.of(x, y)));
  }

  /** {@code transform(column, x -> ...)}: the array of {@code f}'s value for each element. */
  public static Column transform(Column column, java.util.function.Function<Column, Column> f) {
    return call("transform", false, column, lambda(f));
  }

  /** {@code transform(column, (x, i) -> ...)}: {@code i} is the element's 0-based index. */
  public static Column transform(Column column, java.util.function.BiFunction<Column, Column, Column> f) {
    return call("transform", false, column, lambda(f));
  }

  /** True if {@code f} is true for some element; null if it is null for some and true for none. */
  public static Column exists(Column column, java.util.function.Function<Column, Column> f) {
    return call("exists", false, column, lambda(f));
  }

  /** True if {@code f} is true for every element; null if it is null for some and false for none. */
  public static Column forall(Column column, java.util.function.Function<Column, Column> f) {
    return call("forall", false, column, lambda(f));
  }

  /** The elements for which {@code f} is true. */
  public static Column filter(Column column, java.util.function.Function<Column, Column> f) {
    return call("filter", false, column, lambda(f));
  }

  /** The elements for which {@code f(x, i)} is true; {@code i} is the 0-based index. */
  public static Column filter(Column column, java.util.function.BiFunction<Column, Column, Column> f) {
    return call("filter", false, column, lambda(f));
  }

  /** Folds the array from {@code initialValue} with {@code merge(acc, x)}, then applies {@code finish(acc)}. */
  public static Column aggregate(Column expr, Column initialValue,
      java.util.function.BiFunction<Column, Column, Column> merge, java.util.function.Function<Column, Column> finish) {
    return call("aggregate", false, expr, initialValue, lambda(merge), lambda(finish));
  }

  public static Column aggregate(Column expr, Column initialValue,
      java.util.function.BiFunction<Column, Column, Column> merge) {
    return call("aggregate", false, expr, initialValue, lambda(merge));
  }

  /** {@link #aggregate}, named {@code reduce} in the column name. */
  public static Column reduce(Column expr, Column initialValue,
      java.util.function.BiFunction<Column, Column, Column> merge, java.util.function.Function<Column, Column> finish) {
    return call("reduce", false, expr, initialValue, lambda(merge), lambda(finish));
  }

  public static Column reduce(Column expr, Column initialValue,
      java.util.function.BiFunction<Column, Column, Column> merge) {
    return call("reduce", false, expr, initialValue, lambda(merge));
  }

  /** Element-wise {@code f(x, y)}; the shorter array is padded with nulls. */
  public static Column zip_with(Column left, Column right, java.util.function.BiFunction<Column, Column, Column> f) {
    return call("zip_with", false, left, right, lambda(f));
  }

  /** The map with each key replaced by {@code f(key, value)}, which must be non-null and distinct. */
  public static Column transform_keys(Column expr, java.util.function.BiFunction<Column, Column, Column> f) {
    return call("transform_keys", false, expr, lambda(f));
  }

  /** The map with each value replaced by {@code f(key, value)}. */
  public static Column transform_values(Column expr, java.util.function.BiFunction<Column, Column, Column> f) {
    return call("transform_values", false, expr, lambda(f));
  }

  /** The entries for which {@code f(key, value)} is true. */
  public static Column map_filter(Column expr, java.util.function.BiFunction<Column, Column, Column> f) {
    return call("map_filter", false, expr, lambda(f));
  }

  /** Sorted by {@code comparator(left, right)}: negative, 0 or positive, as Java's comparators. */
  public static Column array_sort(Column e, java.util.function.BiFunction<Column, Column, Column> comparator) {
    return call("array_sort", false, e, lambda(comparator));
  }

  public static Column array_sort(Column e) {
    return call("array_sort", e);
  }

  /** The element at the 0-based {@code index}; null outside the array. */
  public static Column get(Column col, Column index) {
    return call("get", false, col, index);
  }

  /** The array's length; null for a null array. */
  public static Column array_size(Column e) {
    return call("array_size", e);
  }

  /** The array without its null elements. */
  public static Column array_compact(Column column) {
    return call("array_compact", column);
  }

  /** The {@code partNum}-th piece (1-based; negative counts from the end) of {@code str} split at {@code delimiter}. */
  public static Column split_part(Column str, Column delimiter, Column partNum) {
    return call("split_part", false, str, delimiter, partNum);
  }


  // ==== User-defined functions functions ====
  // (section kept for parallel work; add this family's functions below this line)

  /** A Java UDF returning {@code returnType}; {@code udf(f, type).apply(col("x"))} is the column {@code UDF(x)}. */
  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF0<?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF0.class, returnType);
  }

  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF1<?, ?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF1.class, returnType);
  }

  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF2<?, ?, ?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF2.class, returnType);
  }

  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF3<?, ?, ?, ?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF3.class, returnType);
  }

  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF4<?, ?, ?, ?, ?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF4.class, returnType);
  }

  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF5<?, ?, ?, ?, ?, ?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF5.class, returnType);
  }

  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF6<?, ?, ?, ?, ?, ?, ?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF6.class, returnType);
  }

  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF7<?, ?, ?, ?, ?, ?, ?, ?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF7.class, returnType);
  }

  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF8<?, ?, ?, ?, ?, ?, ?, ?, ?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF8.class, returnType);
  }

  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF9<?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF9.class, returnType);
  }

  public static dev.ember.sql.expressions.UserDefinedFunction udf(dev.ember.sql.api.java.UDF10<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> f, dev.ember.sql.types.DataType returnType) {
    return JavaUserDefinedFunction.of(f, dev.ember.sql.api.java.UDF10.class, returnType);
  }

  /** Calls the UDF registered as {@code udfName}; Spark deprecates it in favour of {@link #call_udf}. */
  @Deprecated
  public static Column callUDF(String udfName, Column... cols) {
    return call_function(udfName, cols);
  }

  public static Column call_udf(String udfName, Column... cols) {
    return call_function(udfName, cols);
  }


  // ==== Window functions ====
  // (section kept for parallel work; add this family's functions below this line)

  public static Column row_number() {
    return call("row_number", false);
  }

  public static Column rank() {
    return call("rank", false);
  }

  public static Column dense_rank() {
    return call("dense_rank", false);
  }

  public static Column percent_rank() {
    return call("percent_rank", false);
  }

  public static Column cume_dist() {
    return call("cume_dist", false);
  }

  public static Column ntile(int n) {
    return call("ntile", false, lit(n));
  }

  public static Column lag(Column e, int offset) {
    return lag(e, offset, null);
  }

  public static Column lag(String columnName, int offset) {
    return lag(col(columnName), offset);
  }

  public static Column lag(String columnName, int offset, Object defaultValue) {
    return lag(col(columnName), offset, defaultValue);
  }

  public static Column lag(Column e, int offset, Object defaultValue) {
    return lag(e, offset, defaultValue, false);
  }

  /** The value {@code offset} rows (or, ignoring nulls, non-null values) before the current row. */
  public static Column lag(Column e, int offset, Object defaultValue, boolean ignoreNulls) {
    return call("lag", false, e, lit(offset), defaultValue instanceof Column c ? c : lit(defaultValue),
        lit(ignoreNulls));
  }

  public static Column lead(Column e, int offset) {
    return lead(e, offset, null);
  }

  public static Column lead(String columnName, int offset) {
    return lead(col(columnName), offset);
  }

  public static Column lead(String columnName, int offset, Object defaultValue) {
    return lead(col(columnName), offset, defaultValue);
  }

  public static Column lead(Column e, int offset, Object defaultValue) {
    return lead(e, offset, defaultValue, false);
  }

  /** The value {@code offset} rows (or, ignoring nulls, non-null values) after the current row. */
  public static Column lead(Column e, int offset, Object defaultValue, boolean ignoreNulls) {
    return call("lead", false, e, lit(offset), defaultValue instanceof Column c ? c : lit(defaultValue),
        lit(ignoreNulls));
  }

  public static Column nth_value(Column e, int offset) {
    return call("nth_value", false, e, lit(offset));
  }

  public static Column nth_value(Column e, int offset, boolean ignoreNulls) {
    return call("nth_value", false, e, lit(offset), lit(ignoreNulls));
  }


  // ==== Other functions ====

  /** {@code left + right} with null instead of an overflow error, whatever the ANSI setting. */
  public static Column try_add(Column left, Column right) {
    return call("try_add", left, right);
  }

  /** {@code left - right} with null instead of an overflow error. */
  public static Column try_subtract(Column left, Column right) {
    return call("try_subtract", left, right);
  }

  /** {@code left * right} with null instead of an overflow error. */
  public static Column try_multiply(Column left, Column right) {
    return call("try_multiply", left, right);
  }

  /** {@code dividend / divisor}, null when the divisor is 0 or the result overflows. */
  public static Column try_divide(Column dividend, Column divisor) {
    return call("try_divide", dividend, divisor);
  }

  /** {@code dividend % divisor}, null when the divisor is 0. */
  public static Column try_mod(Column dividend, Column divisor) {
    return call("try_mod", dividend, divisor);
  }

  /** {@code element_at}, null when the array index is out of bounds instead of an error. */
  public static Column try_element_at(Column column, Column value) {
    return call("try_element_at", column, value);
  }

  /** {@code to_timestamp(s)}, null when {@code s} does not parse instead of an error. */
  public static Column try_to_timestamp(Column s) {
    return call("try_to_timestamp", s);
  }

  /** {@code to_timestamp(s, format)}, null when {@code s} does not parse instead of an error. */
  public static Column try_to_timestamp(Column s, Column format) {
    return call("try_to_timestamp", s, format);
  }

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

  /**
   * The value at {@code percentage} (a constant in [0, 1]) of a numeric, date or timestamp column, an
   * actual input value; {@code accuracy} (a positive int constant, 10000 in SQL when omitted) bounds
   * Spark's rank error at n / accuracy. The array-of-percentages form is not supported yet.
   */
  public static Column percentile_approx(Column e, Column percentage, Column accuracy) {
    return call_function("percentile_approx", e, percentage, accuracy);
  }

  public static Column approx_percentile(Column e, Column percentage, Column accuracy) {
    return call_function("approx_percentile", e, percentage, accuracy);
  }

}
