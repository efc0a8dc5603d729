package dev.ember.planner.analysis;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.Or;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import java.math.BigDecimal;
import java.util.List;

/** Type facts shared by the coercion rules, following Spark 4.2's ANSI coercion as observed. */
final class TypeWidening {
  private TypeWidening() {}

  /** Operators with two operands of one type: arithmetic, comparisons, AND, OR. */
  static boolean isBinaryOperator(Expression expression) {
    return expression instanceof BinaryArithmetic || expression instanceof Comparison
        || expression instanceof And || expression instanceof Or;
  }

  static Expression left(Expression binaryOperator) {
    return binaryOperator.children().get(0);
  }

  static Expression right(Expression binaryOperator) {
    return binaryOperator.children().get(1);
  }

  static Expression withOperands(Expression binaryOperator, Expression left, Expression right) {
    return binaryOperator.withNewChildren(List.of(left, right));
  }

  /** {@code expression} as {@code type}: itself when it already is, else an implicit cast. */
  static Expression castTo(Expression expression, DataType type) {
    return expression.dataType().equals(type) ? expression : Cast.implicit(expression, type);
  }

  static boolean isString(DataType type) {
    return type instanceof StringType;
  }

  static boolean isNull(DataType type) {
    return type instanceof NullType;
  }

  static boolean isFractional(DataType type) {
    return type instanceof FloatType || type instanceof DoubleType;
  }

  static boolean isDecimal(DataType type) {
    return type instanceof DecimalType;
  }

  /** 1 for tinyint up to 4 for bigint; 0 for anything else. */
  static int integralRank(DataType type) {
    if (type instanceof ByteType) {
      return 1;
    } else if (type instanceof ShortType) {
      return 2;
    } else if (type instanceof IntegerType) {
      return 3;
    } else if (type instanceof LongType) {
      return 4;
    }
    return 0;
  }

  /** The decimal that holds every value of an integral type: tinyint is decimal(3,0), bigint decimal(20,0). */
  static DecimalType decimalFor(DataType integral) {
    return switch (integralRank(integral)) {
      case 1 -> new DecimalType(3, 0);
      case 2 -> new DecimalType(5, 0);
      case 3 -> new DecimalType(10, 0);
      case 4 -> new DecimalType(20, 0);
      default -> throw new IllegalArgumentException("not an integral type: " + integral);
    };
  }

  /**
   * The decimal an integral operand becomes next to a decimal. Spark sizes an integral literal by its
   * digits ({@code dec + 1} casts 1 to decimal(1,0)), so results are not needlessly wide.
   */
  static DecimalType decimalForOperand(Expression integral) {
    if (integral instanceof Literal literal && literal.value() instanceof Number number) {
      int digits = new BigDecimal(number.toString()).abs().precision();
      return new DecimalType(Math.max(digits, 1), 0);
    }
    return decimalFor(integral.dataType());
  }

  /** The smallest decimal holding both: the larger integral part plus the larger scale, at most 38 digits. */
  static DecimalType widerDecimal(DecimalType left, DecimalType right) {
    int scale = Math.max(left.scale(), right.scale());
    int integralDigits = Math.max(left.precision() - left.scale(), right.precision() - right.scale());
    return new DecimalType(Math.min(integralDigits + scale, DecimalType.MAX_PRECISION),
        Math.min(scale, DecimalType.MAX_SCALE));
  }

  static DataType widerIntegral(DataType left, DataType right) {
    return integralRank(left) >= integralRank(right) ? left : right;
  }

  static final DataType DOUBLE = DataTypes.DoubleType;
  static final DataType LONG = DataTypes.LongType;
  static final DataType BOOLEAN = DataTypes.BooleanType;
  static final DataType DATE_TIME_WIDER = DataTypes.TimestampType;
}
