package dev.ember.planner.optimizer.rules;

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
 * Casts of literals that are certain to give Spark's answer: a null (null of any type), a cast to the
 * literal's own type, and numeric casts whose result is exactly the input value. Anything that would
 * round, truncate or overflow is left to run time, where Spark's cast rules (and ANSI errors) apply.
 */
final class ExactNumericCast {
  private ExactNumericCast() {}

  static Optional<Literal> cast(Literal input, DataType target) {
    DataType source = input.dataType();
    if (input.isNull()) {
      return Optional.of(Literal.nullOf(target));
    } else if (source.equals(target)) {
      return Optional.of(input);
    } else if (!source.isNumeric() || !target.isNumeric()) {
      return Optional.empty();
    }
    if (source instanceof DoubleType || source instanceof FloatType) {
      double value = ((Number) input.value()).doubleValue();
      if (target instanceof DoubleType) {
        return Optional.of(new Literal(value, target)); // float to double is always exact
      } else if (target instanceof FloatType) {
        float narrowed = (float) value;
        return narrowed == value || Double.isNaN(value) ? Optional.of(new Literal(narrowed, target)) : Optional.empty();
      } else if (Double.isNaN(value) || Double.isInfinite(value)) {
        return Optional.empty();
      }
      return fromExact(new BigDecimal(value), target);
    }
    BigDecimal exact = source.isIntegral()
        ? BigDecimal.valueOf(((Number) input.value()).longValue())
        : (BigDecimal) input.value();
    return fromExact(exact, target);
  }

  private static Optional<Literal> fromExact(BigDecimal exact, DataType target) {
    try {
      if (target.isIntegral()) {
        long value = exact.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        return NumericValues.integral(value, target).map(boxed -> new Literal(boxed, target));
      } else if (target instanceof DecimalType decimal) {
        BigDecimal scaled = exact.setScale(decimal.scale(), RoundingMode.UNNECESSARY);
        boolean fits = scaled.unscaledValue().abs().compareTo(BigInteger.TEN.pow(decimal.precision())) < 0;
        return fits ? Optional.of(new Literal(scaled, target)) : Optional.empty();
      } else if (target instanceof DoubleType) {
        double value = exact.doubleValue();
        return new BigDecimal(value).compareTo(exact) == 0 ? Optional.of(new Literal(value, target)) : Optional.empty();
      } else if (target instanceof FloatType) {
        float value = exact.floatValue();
        return Float.isFinite(value) && new BigDecimal(value).compareTo(exact) == 0
            ? Optional.of(new Literal(value, target))
            : Optional.empty();
      }
    } catch (ArithmeticException inexactOrOutOfRange) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
