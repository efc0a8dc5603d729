package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;

/** The aggregate functions, with Spark's result types. */
public enum AggregateFunction {
  COUNT("count"),
  SUM("sum"),
  AVG("avg"),
  MIN("min"),
  MAX("max"),
  COUNT_IF("count_if"),
  BOOL_AND("bool_and"),
  BOOL_OR("bool_or"),
  STDDEV_SAMP("stddev_samp"),
  STDDEV_POP("stddev_pop"),
  VAR_SAMP("var_samp"),
  VAR_POP("var_pop"),
  SKEWNESS("skewness"),
  KURTOSIS("kurtosis"),
  CORR("corr"),
  COVAR_POP("covar_pop"),
  COVAR_SAMP("covar_samp"),
  /** Options: ignoreNulls (a boolean literal). */
  FIRST("first"),
  /** Options: ignoreNulls (a boolean literal). */
  LAST("last"),
  MAX_BY("max_by"),
  MIN_BY("min_by"),
  /** Options: the relative standard deviation (a literal, default 0.05). */
  APPROX_COUNT_DISTINCT("approx_count_distinct"),
  /** Options: the percentage (a literal between 0 and 1), then the frequency (1). */
  PERCENTILE("percentile"),
  MODE("mode"),
  /** The non-null values in input order, as an array; an empty array without any. */
  COLLECT_LIST("collect_list"),
  /** The distinct non-null values, as an array in no particular order. */
  COLLECT_SET("collect_set"),
  /** Options: the percentage (a literal between 0 and 1), then the accuracy (a positive int literal, 10000). */
  PERCENTILE_APPROX("percentile_approx"),
  /**
   * {@code percentile_approx(x, array(p1, p2, ...)[, accuracy])}: an array of one value per percentage.
   * Options: the array of percentages (constants between 0 and 1), then the accuracy.
   */
  PERCENTILE_APPROX_ARRAY("percentile_approx");

  private final String sqlName;

  AggregateFunction(String sqlName) {
    this.sqlName = sqlName;
  }

  public String sqlName() {
    return sqlName;
  }

  /** Spark's result type for an input of {@code inputType} (the first argument's type). */
  public DataType resultType(DataType inputType) {
    return switch (this) {
      case COLLECT_LIST, COLLECT_SET -> new dev.ember.sql.types.ArrayType(inputType, false);
      case COUNT, COUNT_IF, APPROX_COUNT_DISTINCT -> DataTypes.LongType;
      case MIN, MAX, FIRST, LAST, MAX_BY, MIN_BY, MODE, PERCENTILE_APPROX -> inputType;
      case PERCENTILE_APPROX_ARRAY -> new dev.ember.sql.types.ArrayType(inputType, false);
      case BOOL_AND, BOOL_OR -> DataTypes.BooleanType;
      case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, SKEWNESS, KURTOSIS, CORR, COVAR_POP, COVAR_SAMP, PERCENTILE ->
          DataTypes.DoubleType;
      case SUM -> {
        if (inputType instanceof DecimalType decimal) {
          yield new DecimalType(Math.min(DecimalType.MAX_PRECISION, decimal.precision() + 10), decimal.scale());
        }
        yield inputType.isIntegral() ? DataTypes.LongType : DataTypes.DoubleType;
      }
      case AVG -> {
        if (inputType instanceof DecimalType decimal) {
          yield new DecimalType(
              Math.min(DecimalType.MAX_PRECISION, decimal.precision() + 4),
              Math.min(DecimalType.MAX_SCALE, decimal.scale() + 4));
        }
        yield DataTypes.DoubleType;
      }
    };
  }

  /** Whether the result is null for a group without (non-null) input; count-like results are 0 instead. */
  public boolean nullable() {
    return this != COUNT && this != COUNT_IF && this != APPROX_COUNT_DISTINCT && this != COLLECT_LIST
        && this != COLLECT_SET;
  }

  /** Whether duplicates change the result, so that {@code f(DISTINCT x)} differs from {@code f(x)}. */
  public boolean duplicateSensitive() {
    return switch (this) {
      case MIN, MAX, BOOL_AND, BOOL_OR, FIRST, LAST, MAX_BY, MIN_BY, APPROX_COUNT_DISTINCT, MODE, COLLECT_SET -> false;
      default -> true;
    };
  }

  /** Arguments the function takes (not counting options): count takes one or more. */
  public int argumentCount() {
    return switch (this) {
      case CORR, COVAR_POP, COVAR_SAMP, MAX_BY, MIN_BY -> 2;
      default -> 1;
    };
  }

  /** Whether the input is cast to double first, as Spark's statistical aggregates declare. */
  public boolean castsInputToDouble() {
    return switch (this) {
      case STDDEV_SAMP, STDDEV_POP, VAR_SAMP, VAR_POP, SKEWNESS, KURTOSIS, CORR, COVAR_POP, COVAR_SAMP -> true;
      default -> false;
    };
  }
}
