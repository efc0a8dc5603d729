package dev.ember.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of the function conformance test: SQL expressions over the columns of
 * {@link FunctionConformanceTest#INPUT_QUERY}, evaluated by Spark 4.2 and by Ember. Adding a case is
 * one line: {@code values("sqrt", "sqrt(d)", "sqrt(num)")} compares values, result types,
 * nullability and column names on every input row (all value cases of a table run as one query, so
 * they must not fail on any row); {@code error("abs", "ARITHMETIC_OVERFLOW", "abs(i)")} requires both
 * to fail with that condition (one query per expression).
 *
 * <p>Input columns: {@code b} tinyint, {@code s} smallint, {@code i} int, {@code l} bigint,
 * {@code f} float, {@code d} double, {@code dec} decimal(10,2), {@code wide} decimal(38,10),
 * {@code str} string (text, unicode, empty), {@code num} string (numbers as text), {@code flag}
 * boolean, {@code bin} binary, {@code dt} date, {@code ts} timestamp; one row is all nulls, others
 * hold zeros, -0.0, NaN, infinities and the minimum and maximum of each type.
 */
final class FunctionCases {
  private FunctionCases() {}

  /** One expression; {@code errorCondition} null for a value case. */
  record Case(String function, String expression, String errorCondition) {}

  /**
   * Cases compared on one query per table. {@code interpretedBecause}, when not null, says why Ember's
   * generated kernel may fall back to the interpreted one for this table (an Ember limitation).
   */
  record Table(String name, List<Case> cases, String interpretedBecause) {
    List<Case> valueCases() {
      return cases.stream().filter(c -> c.errorCondition() == null).toList();
    }

    List<Case> errorCases() {
      return cases.stream().filter(c -> c.errorCondition() != null).toList();
    }
  }

  static List<Case> values(String function, String... expressions) {
    return Arrays.stream(expressions).map(expression -> new Case(function, expression, null)).toList();
  }

  static List<Case> error(String function, String condition, String... expressions) {
    return Arrays.stream(expressions).map(expression -> new Case(function, expression, condition)).toList();
  }

  @SafeVarargs
  private static Table table(String name, List<Case>... groups) {
    List<Case> cases = new ArrayList<>();
    for (List<Case> group : groups) {
      cases.addAll(group);
    }
    return new Table(name, List.copyOf(cases), null);
  }

  static final Table CONDITIONALS = table("conditionals",
      values("if", "if(i > 0, 'positive', 'not')", "if(flag, d, dec)", "if(NULL, 1, 2)",
          "if(i = 0, 0, 10 / i)"),
      values("when", "CASE WHEN i > 0 THEN 'pos' WHEN i < 0 THEN 'neg' END",
          "CASE WHEN i > 0 THEN 1 WHEN i < 0 THEN 2.5 ELSE 0 END", "CASE i WHEN 3 THEN 'three' ELSE str END",
          "CASE WHEN l = 0 THEN -1 ELSE 100 / l END"),
      values("coalesce", "coalesce(i, l)", "coalesce(NULL, d, 0)", "coalesce(str, num, 'none')",
          "coalesce(i, 1.5)", "coalesce(d, 1 / (d - d))"),
      values("nvl", "nvl(i, 0)", "nvl(str, 'x')"),
      values("ifnull", "ifnull(d, -1)", "ifnull(dec, 1)"),
      values("nvl2", "nvl2(i, 'set', 'unset')", "nvl2(d, d, 0)"),
      values("nullif", "nullif(i, 3)", "nullif(str, '')", "nullif(d, 1)"),
      values("in", "i IN (3, -9, 0)", "i IN (1, NULL)", "str IN ('abc', '')",
          "i NOT IN (3, 4)", "d IN (2.5, 1 / (d - 2.5))", "l IN (4, 2.5)"),
      values("between", "i BETWEEN 0 AND 10", "d NOT BETWEEN -1 AND 1", "str BETWEEN 'a' AND 'b'",
          "between(dec, 0, 100)"),
      values("greatest", "greatest(i, l)", "greatest(d, f, dec)", "greatest(str, num)", "greatest(NULL, i)",
          "greatest(d, f)"),
      values("least", "least(i, l, b)", "least(d, 0)", "least(dt, dt)"),
      values("isnull", "isnull(i)", "isnull(str)"),
      values("isnotnull", "isnotnull(d)"),
      values("isnan", "isnan(d)", "isnan(f)", "isnan(i)", "isnan(NULL)"),
      values("nanvl", "nanvl(d, 0)", "nanvl(f, CAST(1 AS FLOAT))", "nanvl(d, NULL)", "nanvl(dec, 2)"),
      error("if", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "if(i, 1, 2)"),
      error("if", "DATATYPE_MISMATCH.DATA_DIFF_TYPES", "if(flag, 1, flag)"),
      error("when", "DATATYPE_MISMATCH.DATA_DIFF_TYPES", "CASE WHEN flag THEN 1 ELSE flag END"),
      error("coalesce", "DATATYPE_MISMATCH.DATA_DIFF_TYPES", "coalesce(i, flag)"),
      error("coalesce", "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "coalesce()"),
      error("greatest", "DATATYPE_MISMATCH.DATA_DIFF_TYPES", "greatest(i, str)"),
      error("greatest", "DIVIDE_BY_ZERO", "greatest(i, 1 / 0)"));

  static final Table MATH = table("math",
      values("abs", "abs(d)", "abs(f)", "abs(dec)", "abs(nullif(i, -2147483648))", "abs(num)",
          "abs(-5)"),
      values("positive", "positive(i)", "positive(d)", "+dec"),
      values("negative", "negative(d)", "negative(dec)", "negative(f)"),
      values("sqrt", "sqrt(d)", "sqrt(i)", "sqrt(num)", "sqrt(dec)"),
      values("cbrt", "cbrt(d)", "cbrt(l)"),
      values("exp", "exp(d)", "exp(i)"),
      values("expm1", "expm1(d)", "expm1(f)"),
      values("ln", "ln(d)", "ln(i)"),
      values("log", "log(d)", "log(2, i)", "log(10, d)", "log(b, s)"),
      values("log10", "log10(d)", "log10(l)"),
      values("log2", "log2(d)", "log2(i)"),
      values("log1p", "log1p(d)", "log1p(i)"),
      values("pow", "pow(d, 2)", "pow(i, 0.5)", "pow(2, i)"),
      values("power", "power(d, -1)", "power(num, 2)"),
      values("signum", "signum(d)", "signum(i)", "signum(dec)"),
      values("sign", "sign(f)"),
      values("sin", "sin(d)"), values("cos", "cos(d)"), values("tan", "tan(d)"),
      values("asin", "asin(d)", "asin(dec)"), values("acos", "acos(d)"), values("atan", "atan(d)"),
      values("atan2", "atan2(d, i)", "atan2(0.0D, -0.0D)"),
      values("sinh", "sinh(d)"), values("cosh", "cosh(d)"), values("tanh", "tanh(d)"),
      values("cot", "cot(d)"), values("sec", "sec(d)"), values("csc", "csc(d)"),
      values("degrees", "degrees(d)"), values("radians", "radians(d)"),
      values("hypot", "hypot(d, i)", "hypot(f, 3)"),
      values("e", "e()"), values("pi", "pi()"),
      values("ceil", "ceil(d)", "ceil(f)", "ceil(i)", "ceil(dec)", "ceil(wide)", "ceil(2.345D, 1)", "ceil(dec, -1)",
          "ceil(i, -1)"),
      values("ceiling", "ceiling(dec)", "ceiling(-2.345D, 2)"),
      values("floor", "floor(d)", "floor(b)", "floor(dec)", "floor(dec, 1)", "floor(l, -2)"),
      values("round", "round(d)", "round(d, 1)", "round(f, 1)", "round(dec, 1)", "round(dec, -1)",
          "round(dec, 3)", "round(wide, 3)", "round(b)", "round(s, 2)", "round(i, 0)", "round(2.5)", "round(-2.5D)", "round(num, 1)"),
      values("bround", "bround(d)", "bround(dec, 1)", "bround(2.5)", "bround(25, -1)", "bround(f, 0)"),
      values("pmod", "pmod(i, 4)", "pmod(d, 2)", "pmod(l, -3)", "pmod(dec, 2)", "pmod(f, 2)"),
      values("mod", "mod(i, 4)", "i % 4", "d % 1.5"),
      values("div", "i div 2", "div(l, 3)", "dec div 2"),
      values("shiftleft", "shiftleft(i, 1)", "shiftleft(l, 3)", "shiftleft(b, 2)"),
      values("shiftright", "shiftright(i, 1)", "shiftright(l, 63)"),
      values("shiftrightunsigned", "shiftrightunsigned(i, 1)", "shiftrightunsigned(l, 4)"),
      values("factorial", "factorial(b)", "factorial(i)"),
      values("width_bucket", "width_bucket(d, 0, 10, 4)", "width_bucket(i, 10, 0, 5)",
          "width_bucket(dec, -100, 100, 10)"),
      values("hex", "hex(i)", "hex(l)", "hex(str)", "hex(bin)", "hex(dec)"),
      values("unhex", "unhex(hex(str))", "unhex(num)"),
      values("bin", "bin(i)", "bin(l)"),
      values("conv", "conv(num, 10, 2)", "conv(str, 16, 10)", "conv(hex(i), 16, -10)", "conv(i, 10, 16)"),
      values("rand", "rand(42)", "rand(0)", "rand(NULL)"),
      values("randn", "randn(42)", "randn(7)"),
      error("abs", "ARITHMETIC_OVERFLOW", "abs(i)", "abs(l)", "abs(b)", "abs(s)"),
      error("abs", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "abs(flag)"),
      error("abs", "CAST_INVALID_INPUT", "abs(str)"),
      error("sqrt", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "sqrt(flag)", "sqrt(dt)"),
      error("sqrt", "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "sqrt()", "sqrt(1, 2)"),
      error("log", "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", "log(1, 2, 3)"),
      error("negative", "ARITHMETIC_OVERFLOW", "negative(i)"),
      error("round", "ARITHMETIC_OVERFLOW", "round(i, -1)", "round(b, -1)"),
      error("ceil", "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", "ceil(d, 1)"),
      error("pmod", "REMAINDER_BY_ZERO", "pmod(i, 0)", "pmod(d, 0)"),
      error("mod", "REMAINDER_BY_ZERO", "mod(i, 0)"),
      error("div", "DIVIDE_BY_ZERO", "div(i, 0)"),
      error("div", "ARITHMETIC_OVERFLOW", "l div -1"),
      error("conv", "ARITHMETIC_OVERFLOW", "conv('18446744073709551616', 10, 10)"),
      error("rand", "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", "rand(1.5)"));

  /** Arrays, maps and structs; nested values are evaluated by the interpreted kernel. */
  static final Table COLLECTIONS = new Table("collections", collectionCases(),
      "nested values are not generated yet: pipelines with arrays, maps or structs run interpreted");

  private static List<Case> collectionCases() {
    Table table = table("collections",
        values("array", "array(i, l)", "array(str, num)", "array()", "array(d, NULL)"),
        values("map", "map('k', i)", "map(1, str, 2, num)", "map()"),
        values("map_from_arrays", "map_from_arrays(array(1, 2), array(str, num))"),
        values("struct", "struct(i, str)", "struct(1, dt)"),
        values("named_struct", "named_struct('a', i, 'b', str)"),
        values("size", "size(array(i, l))", "size(split(str, ' '))", "size(map('a', i))",
            "size(if(i > 0, array(i), NULL))"),
        values("cardinality", "cardinality(array(d))"),
        values("map_keys", "map_keys(map('a', i))"),
        values("map_values", "map_values(map('a', i, 'b', s))"),
        values("element_at", "element_at(array(i, l), 1)", "element_at(array(str), -1)",
            "element_at(map('a', i), 'a')", "element_at(map('a', i), 'z')"),
        values("array_contains", "array_contains(array(i, 3), 3)", "array_contains(array(str, NULL), 'abc')",
            "array_contains(array(d), 2.5D)"),
        values("array_position", "array_position(array(i, 3, i), 3)", "array_position(array(str), 'abc')"),
        values("array_min", "array_min(array(i, l, NULL))", "array_min(array(str, num))"),
        values("array_max", "array_max(array(d, 1.0D))", "array_max(array(str, num))"),
        values("sort_array", "sort_array(array(d, 1.0D, NULL))", "sort_array(array(str, num), false)"),
        values("array_distinct", "array_distinct(array(i, i, NULL, 3, NULL))", "array_distinct(array(str, num, str))"),
        values("array_union", "array_union(array(i), array(3, NULL))"),
        values("array_intersect", "array_intersect(array(i, 3), array(3))"),
        values("array_except", "array_except(array(i, 3), array(3))"),
        values("flatten", "flatten(array(array(i), array(3)))"),
        values("slice", "slice(array(i, l, 3), 2, 2)", "slice(array(str), -1, 1)", "slice(array(i), 5, 1)"),
        values("array_join", "array_join(array(str, num, NULL), '-')", "array_join(array(str, NULL), ',', 'N')"),
        values("split", "split(str, ' ')", "split(num, '[.e]')", "split(str, 'l', 2)", "split(num, '')"),
        error("element_at", "INVALID_ARRAY_INDEX_IN_ELEMENT_AT", "element_at(array(i), 5)"),
        error("element_at", "INVALID_INDEX_OF_ZERO", "element_at(array(i), 0)"),
        error("slice", "INVALID_PARAMETER_VALUE.START", "slice(array(i), 0, 1)"),
        error("map", "NULL_MAP_KEY", "map(str, i)"));
    return table.cases();
  }

  /** Branches whose string literals are cast to a number, which Ember's code generator leaves to the interpreter. */
  static final Table STRING_LITERAL_COERCIONS = new Table("string literal coercions", List.of(
      new Case("if", "if(i > 0, 1, '7')", null),
      new Case("in", "d IN (2.5, CAST('NaN' AS DOUBLE))", null),
      new Case("greatest", "greatest(d, CAST('NaN' AS DOUBLE))", null),
      new Case("coalesce", "coalesce(i, '5')", null)),
      "casts of string literals are not generated yet");

  static final List<Table> TABLES = List.of(
      CONDITIONALS,
      MATH,
      // string tables
      // hash and encoding tables
      // date and time tables
      // collection tables
      COLLECTIONS,
      // other tables
      STRING_LITERAL_COERCIONS);
}
