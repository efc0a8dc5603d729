package dev.ember.codegen.pipeline;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.runtime.operators.aggregate.AccumulatorKind;
import dev.ember.runtime.operators.aggregate.AccumulatorSpec;
import dev.ember.runtime.operators.aggregate.ApproxCountDistinctAggregate;
import dev.ember.runtime.operators.aggregate.ApproxPercentileAggregate;
import dev.ember.runtime.operators.aggregate.DistinctAggregate;
import dev.ember.runtime.operators.aggregate.ExtremeByAggregate;
import dev.ember.runtime.operators.aggregate.FirstLastAggregate;
import dev.ember.runtime.operators.aggregate.ModeAggregate;
import dev.ember.runtime.operators.aggregate.PercentileAggregate;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.util.List;

/**
 * Which hash-table accumulator computes an aggregate call, by function and input type. A DISTINCT call
 * whose result duplicates change becomes an {@code OBJECT} accumulator holding a set per group, whose
 * values are replayed into the plain accumulator at the end ({@link DistinctAggregate}); for the others
 * ({@code min}, {@code max}, {@code bool_and}, ...) DISTINCT changes nothing and is dropped.
 */
final class AccumulatorKinds {
  private AccumulatorKinds() {}

  static AccumulatorKind of(AggregateCall call) {
    return spec(call).kind();
  }

  static AccumulatorSpec spec(AggregateCall call) {
    List<DataType> types = call.arguments().stream().map(Expression::dataType).toList();
    AccumulatorSpec plain = plainSpec(call, types);
    if (call.distinct() && call.function().duplicateSensitive()) {
      AccumulatorSpec inner = plain.kind() == AccumulatorKind.COUNT_ROWS
          ? new AccumulatorSpec(AccumulatorKind.COUNT, plain.inputType(), plain.resultType())
          : plain;
      return AccumulatorSpec.object(new DistinctAggregate(types, inner));
    }
    return plain;
  }

  private static AccumulatorSpec plainSpec(AggregateCall call, List<DataType> types) {
    DataType input = types.get(0);
    DataType result = call.dataType();
    return switch (call.function()) {
      // count(1), count(*) and count of any non-null constant count rows, as in Spark.
      case COUNT -> new AccumulatorSpec(
          call.arguments().stream().allMatch(argument -> argument instanceof Literal literal && !literal.isNull())
              ? AccumulatorKind.COUNT_ROWS : AccumulatorKind.COUNT, input, result);
      case SUM -> new AccumulatorSpec(numeric(call, input, AccumulatorKind.SUM_LONG, AccumulatorKind.SUM_DOUBLE,
          AccumulatorKind.SUM_DECIMAL), input, result);
      case AVG -> new AccumulatorSpec(numeric(call, input, AccumulatorKind.AVG_LONG, AccumulatorKind.AVG_DOUBLE,
          AccumulatorKind.AVG_DECIMAL), input, result);
      case MIN -> new AccumulatorSpec(AccumulatorKind.MIN, input, result);
      case MAX -> new AccumulatorSpec(AccumulatorKind.MAX, input, result);
      case COUNT_IF -> new AccumulatorSpec(AccumulatorKind.COUNT_IF, input, result);
      case BOOL_AND -> new AccumulatorSpec(AccumulatorKind.BOOL_AND, input, result);
      case BOOL_OR -> new AccumulatorSpec(AccumulatorKind.BOOL_OR, input, result);
      case STDDEV_SAMP -> new AccumulatorSpec(AccumulatorKind.STDDEV_SAMP, input, result);
      case STDDEV_POP -> new AccumulatorSpec(AccumulatorKind.STDDEV_POP, input, result);
      case VAR_SAMP -> new AccumulatorSpec(AccumulatorKind.VAR_SAMP, input, result);
      case VAR_POP -> new AccumulatorSpec(AccumulatorKind.VAR_POP, input, result);
      case SKEWNESS -> new AccumulatorSpec(AccumulatorKind.SKEWNESS, input, result);
      case KURTOSIS -> new AccumulatorSpec(AccumulatorKind.KURTOSIS, input, result);
      case CORR -> new AccumulatorSpec(AccumulatorKind.CORR, input, result);
      case COVAR_POP -> new AccumulatorSpec(AccumulatorKind.COVAR_POP, input, result);
      case COVAR_SAMP -> new AccumulatorSpec(AccumulatorKind.COVAR_SAMP, input, result);
      case FIRST, LAST -> AccumulatorSpec.object(new FirstLastAggregate(
          input, call.function() == AggregateFunction.LAST, (Boolean) option(call, 0).value()));
      case MAX_BY, MIN_BY -> AccumulatorSpec.object(
          new ExtremeByAggregate(input, types.get(1), call.function() == AggregateFunction.MAX_BY));
      case APPROX_COUNT_DISTINCT -> AccumulatorSpec.object(
          new ApproxCountDistinctAggregate(input, ((Number) option(call, 0).value()).doubleValue()));
      case PERCENTILE -> AccumulatorSpec.object(
          new PercentileAggregate(input, ((Number) option(call, 0).value()).doubleValue()));
      case MODE -> AccumulatorSpec.object(new ModeAggregate(input));
      case COLLECT_LIST -> AccumulatorSpec.object(new dev.ember.runtime.operators.aggregate.CollectAggregate(input, false));
      case COLLECT_SET -> AccumulatorSpec.object(new dev.ember.runtime.operators.aggregate.CollectAggregate(input, true));
      case PERCENTILE_APPROX -> AccumulatorSpec.object(new ApproxPercentileAggregate(input,
          ((Number) option(call, 0).value()).doubleValue(), ((Number) option(call, 1).value()).intValue()));
      case PERCENTILE_APPROX_ARRAY -> AccumulatorSpec.object(new ApproxPercentileAggregate(input,
          percentages(call.options().get(0)), true, ((Number) option(call, 1).value()).intValue()));
    };
  }

  /** The constants of {@code array(p1, p2, ...)}, folded to one literal or not yet. */
  private static List<Double> percentages(dev.ember.planner.expressions.Expression array) {
    List<Double> percentages = new java.util.ArrayList<>();
    if (array instanceof Literal literal && literal.value() instanceof List<?> values) {
      values.forEach(value -> percentages.add(((Number) value).doubleValue()));
    } else {
      array.children().forEach(element -> percentages.add(((Number) ((Literal) element).value()).doubleValue()));
    }
    return percentages;
  }

  private static Literal option(AggregateCall call, int index) {
    return (Literal) call.options().get(index);
  }

  private static AccumulatorKind numeric(AggregateCall call, DataType input, AccumulatorKind integral,
      AccumulatorKind fractional, AccumulatorKind decimal) {
    if (input.isIntegral()) {
      return integral;
    } else if (input instanceof DecimalType) {
      return decimal;
    } else if (input.isNumeric()) {
      return fractional;
    }
    throw new IllegalStateException("aggregate " + call + " needs a numeric argument, got "
        + input.simpleString() + "; the analyzer should have cast it");
  }
}
