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
  MAX("max");

  private final String sqlName;

  AggregateFunction(String sqlName) {
    this.sqlName = sqlName;
  }

  public String sqlName() {
    return sqlName;
  }

  /** Spark's result type for an input of {@code inputType}. */
  public DataType resultType(DataType inputType) {
    return switch (this) {
      case COUNT -> DataTypes.LongType;
      case MIN, MAX -> inputType;
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
}
