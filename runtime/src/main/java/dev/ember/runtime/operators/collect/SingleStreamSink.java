package dev.ember.runtime.operators.collect;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.StructType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Collects every row in source order and offers them as one morsel, so the next pipeline reads them
 * on one worker, in order: what Spark's single partition gives. Operators whose results depend on the
 * order rows reach one kernel, such as sampling by {@code rand(seed)}, read through it.
 */
public final class SingleStreamSink implements PipelineSink {
  private final CollectSink collect;

  public SingleStreamSink(StructType schema) {
    this.collect = new CollectSink(Objects.requireNonNull(schema, "schema is null"));
  }

  @Override
  public StructType outputSchema() {
    return collect.outputSchema();
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    return collect.createPartition(allocator);
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    QueryResult all = QueryResult.drain(collect.finish(partitions, allocator), allocator);
    return new SingleStream(all);
  }

  @Override
  public String describe() {
    return "SingleStream";
  }

  /** Every collected batch, in order, behind one morsel; batches not read are closed with the source. */
  private static final class SingleStream implements BatchSource {
    private final StructType schema;
    private final Deque<ColumnBatch> batches;
    private final List<Morsel> morsels = List.of(new AllRows());

    SingleStream(QueryResult result) {
      this.schema = result.schema();
      // The result hands its batches on; closing it afterwards would close them twice.
      this.batches = new ArrayDeque<>(new ArrayList<>(result.batches()));
    }

    @Override
    public StructType schema() {
      return schema;
    }

    @Override
    public List<Morsel> morsels() {
      return morsels;
    }

    @Override
    public synchronized BatchStream open(Morsel morsel, BufferAllocator allocator) {
      return new BatchStream() {
        @Override
        public ColumnBatch next() {
          synchronized (SingleStream.this) {
            return batches.poll();
          }
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public synchronized void close() {
      batches.forEach(ColumnBatch::close);
      batches.clear();
    }
  }

  private record AllRows() implements Morsel {
    @Override
    public String describe() {
      return "all rows in one stream";
    }
  }
}
