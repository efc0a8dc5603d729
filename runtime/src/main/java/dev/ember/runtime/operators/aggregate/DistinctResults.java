package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.StructType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Computes a DISTINCT aggregate's result for one group at a time: the group's distinct tuples are
 * replayed into a one-group table of the inner accumulator, whose result is written as the
 * aggregate's, so {@code sum(DISTINCT d)} has exactly {@code sum}'s types, overflow checks and errors.
 */
final class DistinctResults implements AutoCloseable {
  private final DistinctAggregate aggregate;
  private final HashAggregationTable table;
  private final AggregateOutput output;

  DistinctResults(DistinctAggregate aggregate, BufferAllocator allocator, boolean ansiEnabled) {
    this.aggregate = aggregate;
    this.table = new HashAggregationTable(
        new AggregationSpec(List.of(), List.of(aggregate.inner())), allocator, ansiEnabled);
    StructType schema = new StructType().add("value", aggregate.inner().resultType());
    this.output = new AggregateOutput(table, schema);
  }

  void write(GroupState distinctValues, FieldVector vector, int row) {
    table.resetGlobalGroup();
    for (Object[] tuple : DistinctAggregate.tuples(distinctValues, aggregate.argumentTypes())) {
      BoxedUpdates.apply(table, 0, 0, tuple);
    }
    output.writeResult(vector, row, 0, 0);
  }

  @Override
  public void close() {
    table.close();
  }
}
