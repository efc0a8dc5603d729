package dev.ember.runtime.operators.generate;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.collect.CollectSink;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Ends a pipeline with a generator ({@link Explode}): each worker explodes its batches as they come
 * and collects the results in source order, so the next pipeline reads the child's rows in order,
 * each followed by its generated rows. A sink rather than a streaming step because the generated
 * batches can be many times larger than the input, and the kernels keep one output row per input row.
 */
public final class GenerateSink implements PipelineSink {
  private final Explode explode;
  private final CollectSink collected;

  public GenerateSink(Explode explode) {
    this.explode = Objects.requireNonNull(explode, "explode is null");
    this.collected = new CollectSink(explode.outputSchema());
  }

  @Override
  public StructType outputSchema() {
    return explode.outputSchema();
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    return new GeneratePartition(collected.createPartition(allocator), allocator);
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<SinkPartition> inner = new ArrayList<>(partitions.size());
    for (SinkPartition partition : partitions) {
      inner.add(((GeneratePartition) partition).collected);
    }
    return collected.finish(inner, allocator);
  }

  @Override
  public String describe() {
    return "Generate " + (explode.withPosition() ? "posexplode" : "explode") + (explode.outer() ? "_outer " : " ")
        + explode.outputSchema().simpleString();
  }

  private final class GeneratePartition implements SinkPartition, BatchConsumer {
    private final SinkPartition collected;
    private final BufferAllocator allocator;

    GeneratePartition(SinkPartition collected, BufferAllocator allocator) {
      this.collected = collected;
      this.allocator = allocator;
    }

    @Override
    public void beginMorsel(int morselIndex) {
      collected.beginMorsel(morselIndex);
    }

    @Override
    public boolean accept(ColumnBatch batch) {
      try (batch) {
        return ((BatchConsumer) collected).accept(explode.apply(batch, allocator));
      }
    }

    @Override
    public void close() {
      collected.close();
    }
  }
}
