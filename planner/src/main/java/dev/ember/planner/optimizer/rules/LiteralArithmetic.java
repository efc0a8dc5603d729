package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.Literal;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Arithmetic on literals with Spark's ANSI semantics. Empty means "do not fold": the evaluation would
 * raise an error at run time (overflow, division or remainder by zero, also for doubles), or its exact
 * Spark result is not certain here.
 */
final class LiteralArithmetic {
  private LiteralArithmetic() {}

  static Optional<Literal> evaluate(ArithmeticOperator operator, Literal left, Literal right, DataType resultType) {
    if (left.isNull() || right.isNull()) {
      // Null operands give null without evaluating: Spark answers null for NULL / 0.
      return Optional.of(Literal.nullOf(resultType));
    }
    DataType type = left.dataType();
    if (type instanceof DecimalType && right.dataType() instanceof DecimalType
        && resultType instanceof DecimalType result) {
      return decimal(operator, (BigDecimal) left.value(), (BigDecimal) right.value(), result);
    }
    if (!type.equals(right.dataType()) || !type.equals(resultType)) {
      return Optional.empty();
    }
    if (type.isIntegral()) {
      return integral(operator, ((Number) left.value()).longValue(), ((Number) right.value()).longValue(), type);
    } else if (type instanceof DoubleType) {
      return floating(operator, (Double) left.value(), (Double) right.value())
          .map(value -> new Literal(value, type));
    } else if (type instanceof FloatType) {
      return floating(operator, (Float) left.value(), (Float) right.value())
          .map(value -> new Literal(value, type));
    }
    return Optional.empty();
  }

  static Optional<Literal> negate(Literal operand) {
    DataType type = operand.dataType();
    if (operand.isNull()) {
      return Optional.of(operand);
    } else if (type.isIntegral()) {
      long value = ((Number) operand.value()).longValue();
      if (value == Long.MIN_VALUE) {
        return Optional.empty();
      }
      return NumericValues.integral(-value, type).map(negated -> new Literal(negated, type));
    } else if (type instanceof DoubleType) {
      return Optional.of(new Literal(-(Double) operand.value(), type));
    } else if (type instanceof FloatType) {
      return Optional.of(new Literal(-(Float) operand.value(), type));
    } else if (type instanceof DecimalType) {
      return Optional.of(new Literal(((BigDecimal) operand.value()).negate(), type));
    }
    return Optional.empty();
  }

  private static Optional<Literal> integral(ArithmeticOperator operator, long left, long right, DataType type) {
    long result;
    try {
      result = switch (operator) {
        case ADD -> Math.addExact(left, right);
        case SUBTRACT -> Math.subtractExact(left, right);
        case MULTIPLY -> Math.multiplyExact(left, right);
        // The analyzer makes division fractional; an integral one here is not Spark's '/'.
        case DIVIDE -> throw new ArithmeticException("integral division");
        case REMAINDER -> {
          if (right == 0) {
            throw new ArithmeticException("remainder by zero");
          }
          yield left % right;
        }
      };
    } catch (ArithmeticException raisesAtRunTime) {
      return Optional.empty();
    }
    // Bytes, shorts and ints overflow at their own width in Spark (127Y + 1Y raises an error).
    return NumericValues.integral(result, type).map(value -> new Literal(value, type));
  }

  private static Optional<Double> floating(ArithmeticOperator operator, double left, double right) {
    if ((operator == ArithmeticOperator.DIVIDE || operator == ArithmeticOperator.REMAINDER) && right == 0.0) {
      return Optional.empty();
    }
    return Optional.of(switch (operator) {
      case ADD -> left + right;
      case SUBTRACT -> left - right;
      case MULTIPLY -> left * right;
      case DIVIDE -> left / right;
      case REMAINDER -> left % right;
    });
  }

  private static Optional<Float> floating(ArithmeticOperator operator, float left, float right) {
    if ((operator == ArithmeticOperator.DIVIDE || operator == ArithmeticOperator.REMAINDER) && right == 0.0f) {
      return Optional.empty();
    }
    // Computed in float, as Spark does for float operands.
    return Optional.of(switch (operator) {
      case ADD -> left + right;
      case SUBTRACT -> left - right;
      case MULTIPLY -> left * right;
      case DIVIDE -> left / right;
      case REMAINDER -> left % right;
    });
  }

  /**
   * The exact result rounded half-up to the result scale, as Spark does. Only folded when the exact
   * result is short (at most 38 digits and scale 38), so no intermediate rounding could differ.
   */
  private static Optional<Literal> decimal(ArithmeticOperator operator, BigDecimal left, BigDecimal right,
      DecimalType result) {
    BigDecimal exact;
    try {
      exact = switch (operator) {
        case ADD -> left.add(right);
        case SUBTRACT -> left.subtract(right);
        case MULTIPLY -> left.multiply(right);
        case DIVIDE -> left.divide(right); // throws for a zero divisor and for endless expansions
        case REMAINDER -> left.remainder(right); // throws for a zero divisor
      };
    } catch (ArithmeticException raisesOrInexact) {
      return Optional.empty();
    }
    if (exact.precision() > DecimalType.MAX_PRECISION || exact.scale() > DecimalType.MAX_SCALE) {
      return Optional.empty();
    }
    BigDecimal rounded = exact.setScale(result.scale(), RoundingMode.HALF_UP);
    if (rounded.unscaledValue().abs().compareTo(BigInteger.TEN.pow(result.precision())) >= 0) {
      return Optional.empty(); // overflows the result type: an ANSI error at run time
    }
    return Optional.of(new Literal(rounded, result));
  }
}
