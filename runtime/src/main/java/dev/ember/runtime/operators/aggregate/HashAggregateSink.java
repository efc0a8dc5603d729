package dev.ember.runtime.operators.aggregate;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Hash aggregation: each worker fills its own {@link HashAggregationTable}; {@link #finish} merges
 * them and outputs one row per group, key columns first, then one column per accumulator. Grouped
 * tables merge by key-hash partition on as many threads as the pipeline had workers (see
 * {@link PartitionedMerge}).
 *
 * <p>Output order: groups in the order they were first seen in the input (by morsel, then row), so
 * the output is the same for any number of workers. Spark's order is unspecified.
 */
public final class HashAggregateSink implements PipelineSink {
  private final AggregationSpec spec;
  private final StructType outputSchema;
  private final boolean ansiEnabled;

  /** With Spark's ANSI semantics ({@code spark.sql.ansi.enabled=true}, Spark 4's default). */
  public HashAggregateSink(AggregationSpec spec, StructType outputSchema) {
    this(spec, outputSchema, true);
  }

  /**
   * {@code ansiEnabled} is the session's {@code spark.sql.ansi.enabled}: when false, a bigint sum wraps
   * around on overflow and an overflowing decimal sum or average is null instead of an error.
   */
  public HashAggregateSink(AggregationSpec spec, StructType outputSchema, boolean ansiEnabled) {
    this.spec = Objects.requireNonNull(spec, "spec is null");
    this.ansiEnabled = ansiEnabled;
    this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema is null");
    if (outputSchema.length() != spec.keyTypes().size() + spec.accumulators().size()) {
      throw new IllegalArgumentException("output schema " + outputSchema.simpleString() + " needs "
          + spec.keyTypes().size() + " key and " + spec.accumulators().size() + " aggregate columns");
    }
  }

  public AggregationSpec spec() {
    return spec;
  }

  public boolean ansiEnabled() {
    return ansiEnabled;
  }

  @Override
  public StructType outputSchema() {
    return outputSchema;
  }

  @Override
  public HashAggregationTable createPartition(BufferAllocator allocator) {
    return new HashAggregationTable(spec, allocator, ansiEnabled);
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    try {
      if (partitions.isEmpty()) {
        try (HashAggregationTable empty = createPartition(allocator)) {
          return output(empty, allocator);
        }
      }
      HashAggregationTable first = (HashAggregationTable) partitions.get(0);
      if (spec.keyTypes().isEmpty()) {
        for (int i = 1; i < partitions.size(); i++) {
          first.mergeGlobalFrom((HashAggregationTable) partitions.get(i));
        }
        return output(first, allocator);
      }
      List<HashAggregationTable> withGroups = new ArrayList<>(partitions.size());
      for (SinkPartition partition : partitions) {
        HashAggregationTable table = (HashAggregationTable) partition;
        if (table.groupCount() > 0) {
          withGroups.add(table);
        }
      }
      if (withGroups.size() <= 1) {
        // One worker's groups are already numbered in first-seen order.
        return output(withGroups.isEmpty() ? first : withGroups.get(0), allocator);
      }
      try (PartitionedMerge merge = new PartitionedMerge(withGroups, allocator, partitions.size())) {
        merge.run();
        if (!merge.outputFromSources()) {
          // The workers' tables are merged: free them before the output is built.
          partitions.forEach(SinkPartition::close);
        }
        List<ColumnBatch> batches = AggregateOutput.writeInParallel(
            merge.tables(), outputSchema, merge.rows(), merge::entry, allocator,
            merge.rows() >= PartitionedMerge.PARALLEL_MIN_GROUPS ? merge.threads() : 1);
        return new MaterializedSource(outputSchema, batches);
      }
    } finally {
      partitions.forEach(SinkPartition::close);
    }
  }

  private BatchSource output(HashAggregationTable table, BufferAllocator allocator) {
    List<ColumnBatch> batches =
        new AggregateOutput(table, outputSchema).write(identity(table.groupCount()), allocator);
    return new MaterializedSource(outputSchema, batches);
  }

  private static int[] identity(int size) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    return order;
  }

  @Override
  public String describe() {
    return "HashAggregate keys=" + spec.keyTypes().size() + " aggregates="
        + spec.accumulators().stream().map(a -> a.kind().name()).toList() + (ansiEnabled ? "" : " ansi=false")
        + " -> " + outputSchema.simpleString();
  }
}
