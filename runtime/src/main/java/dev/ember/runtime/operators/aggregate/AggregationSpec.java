package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.Objects;

/** What a hash aggregate groups by (key types, in order) and computes (accumulators, by slot index). */
public record AggregationSpec(List<DataType> keyTypes, List<AccumulatorSpec> accumulators) {
  public AggregationSpec {
    keyTypes = List.copyOf(Objects.requireNonNull(keyTypes, "keyTypes is null"));
    accumulators = List.copyOf(Objects.requireNonNull(accumulators, "accumulators is null"));
  }
}
