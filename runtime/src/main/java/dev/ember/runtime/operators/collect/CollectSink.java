package dev.ember.runtime.operators.collect;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchConsumer;
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
 * Collects every batch of a pipeline, in source order (by morsel, then arrival within the morsel), so
 * that {@code show()} of a file prints its rows in file order as Spark does. Empty batches are dropped.
 */
public final class CollectSink implements PipelineSink {
  private final StructType schema;

  public CollectSink(StructType schema) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
  }

  @Override
  public StructType outputSchema() {
    return schema;
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    return new CollectPartition();
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<List<OrderedBatch>> collected = new ArrayList<>();
    try {
      for (SinkPartition partition : partitions) {
        collected.add(((CollectPartition) partition).takeBatches());
      }
      List<ColumnBatch> batches = new ArrayList<>();
      for (OrderedBatch ordered : OrderedBatch.inSourceOrder(collected)) {
        batches.add(ordered.batch());
      }
      return new MaterializedSource(schema, batches);
    } catch (RuntimeException e) {
      collected.forEach(list -> list.forEach(ordered -> ordered.batch().close()));
      throw e;
    } finally {
      partitions.forEach(SinkPartition::close);
    }
  }

  @Override
  public String describe() {
    return "Collect " + schema.simpleString();
  }

  /** One worker's batches, tagged with their morsel. */
  static final class CollectPartition implements SinkPartition, BatchConsumer {
    private final List<OrderedBatch> batches = new ArrayList<>();
    private int morselIndex;
    private long sequence;

    @Override
    public void beginMorsel(int morselIndex) {
      this.morselIndex = morselIndex;
    }

    @Override
    public boolean accept(ColumnBatch batch) {
      if (batch.rowCount() == 0) {
        batch.close();
      } else {
        batches.add(new OrderedBatch(morselIndex, sequence++, batch));
      }
      return true;
    }

    List<OrderedBatch> takeBatches() {
      List<OrderedBatch> taken = new ArrayList<>(batches);
      batches.clear();
      return taken;
    }

    @Override
    public void close() {
      batches.forEach(ordered -> ordered.batch().close());
      batches.clear();
    }
  }
}
