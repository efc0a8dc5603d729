package dev.ember.benchmarks.expressions;

import java.util.Locale;

/**
 * The expressions {@code ExpressionBenchmark} times, one per kind of work Spark users write, as SQL
 * text both engines parse. Each is measured as {@code sum(hash(<expression>))} over the data set of
 * {@link ExpressionData}: the hash and sum make every row's value count without collecting it, and
 * {@link #COLUMN} and {@link #STRING_COLUMN} (the columns themselves) measure what that reduction and the
 * scan of the cached table cost on their own.
 */
public enum BenchmarkExpression {
  COLUMN("baseline", "a"),
  STRING_COLUMN("baseline", "s"),
  INT_CASE_WHEN("arithmetic", "CASE WHEN a % 3 = 0 THEN a * 2 + b WHEN a > 0 THEN a - b ELSE b * 7 END"),
  DOUBLE_ARITHMETIC("arithmetic", "d * e + d / (e + 1.0) - 3.5"),
  DECIMAL_ARITHMETIC("decimal", "price * (1 - discount) * (1 + tax)"),
  UPPER("string", "upper(s)"),
  SUBSTRING("string", "substring(s, 3, 5)"),
  CONCAT("string", "concat(s, '-', t)"),
  LIKE("string", "s LIKE '%an%'"),
  REGEXP_REPLACE("string", "regexp_replace(s, '[aeiou]+', '_')"),
  YEAR("date", "year(dt)"),
  DATE_ADD("date", "date_add(dt, b)"),
  DATEDIFF("date", "datediff(dt, DATE'2000-01-01')"),
  DATE_FORMAT("date", "date_format(dt, 'yyyy/MM')"),
  HASH("hash", "hash(s, a)"),
  XXHASH64("hash", "xxhash64(s, a)"),
  MD5("hash", "md5(s)"),
  COALESCE_NVL_GREATEST("null", "coalesce(n1, n2, 0) + nvl(n2, b) + greatest(a, n1, b)"),
  CAST_STRING_TO_INT("cast", "CAST(digits AS INT)"),
  CAST_DOUBLE_TO_STRING("cast", "CAST(d AS STRING)"),
  SPLIT_ELEMENT_AT("collection", "element_at(split(csv, ','), size(split(csv, ',')))");

  private final String family;
  private final String sql;

  BenchmarkExpression(String family, String sql) {
    this.family = family;
    this.sql = sql;
  }

  /** What kind of work this is: {@code string}, {@code date}, {@code baseline} … */
  public String family() {
    return family;
  }

  /** The expression as SQL text over the columns of {@link ExpressionData}. */
  public String sql() {
    return sql;
  }

  /** The measured aggregate: one checksum of the expression's value on every row. */
  public String checksumSql() {
    return "sum(hash(" + sql + "))";
  }

  /** The name used as the JMH parameter: {@code INT_CASE_WHEN} → {@code intCaseWhen}. */
  public String parameterName() {
    StringBuilder name = new StringBuilder();
    for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
      name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return name.toString();
  }

  /** The expression whose {@link #parameterName()} is {@code name}. */
  public static BenchmarkExpression forParameter(String name) {
    for (BenchmarkExpression expression : values()) {
      if (expression.parameterName().equals(name)) {
        return expression;
      }
    }
    throw new IllegalArgumentException("no benchmark expression is named '" + name + "'");
  }
}
