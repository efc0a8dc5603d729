package dev.ember.codegen.pipeline;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.Literal;
import dev.ember.runtime.operators.aggregate.AccumulatorKind;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;

/** Which hash-table accumulator computes an aggregate call, by function and input type. */
final class AccumulatorKinds {
  private AccumulatorKinds() {}

  static AccumulatorKind of(AggregateCall call) {
    if (call.distinct()) {
      // The analyzer rejects DISTINCT aggregates, so one here is a planning bug.
      throw new IllegalStateException("a DISTINCT aggregate reached the pipeline builder: " + call);
    }
    DataType input = call.argument().dataType();
    return switch (call.function()) {
      // count(1), count(*) and count of any non-null constant count rows, as in Spark.
      case COUNT -> call.argument() instanceof Literal literal && !literal.isNull()
          ? AccumulatorKind.COUNT_ROWS
          : AccumulatorKind.COUNT;
      case SUM -> numeric(call, input, AccumulatorKind.SUM_LONG, AccumulatorKind.SUM_DOUBLE,
          AccumulatorKind.SUM_DECIMAL);
      case AVG -> numeric(call, input, AccumulatorKind.AVG_LONG, AccumulatorKind.AVG_DOUBLE,
          AccumulatorKind.AVG_DECIMAL);
      case MIN -> AccumulatorKind.MIN;
      case MAX -> AccumulatorKind.MAX;
    };
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
