package dev.ember.runtime.scheduler;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.aggregate.HashAggregationTable;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/** Hand-written kernels standing in for generated code in operator and scheduler tests. */
public final class TestKernels {
  private TestKernels() {}

  /** Hands each batch unchanged to a {@link BatchConsumer} partition (collect, limit, sort). */
  public static KernelFactory forwarding() {
    return new KernelFactory() {
      @Override
      public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
        BatchConsumer consumer = (BatchConsumer) partition;
        return new PipelineKernel() {
          @Override
          public boolean process(ColumnBatch batch) {
            return consumer.accept(transferred(batch, allocator));
          }

          @Override
          public void finish() {}
        };
      }

      @Override
      public String describe() {
        return "forwarding test kernel";
      }
    };
  }

  /** Drops every batch: for sinks whose input is empty anyway. */
  public static KernelFactory ignoring() {
    return new KernelFactory() {
      @Override
      public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
        return new PipelineKernel() {
          @Override
          public boolean process(ColumnBatch batch) {
            return true;
          }

          @Override
          public void finish() {}
        };
      }

      @Override
      public String describe() {
        return "ignoring test kernel";
      }
    };
  }

  /** The kernel borrows its input, so it moves the buffers into a batch the consumer can own. */
  public static ColumnBatch transferred(ColumnBatch batch, BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>();
    for (FieldVector vector : batch.vectors()) {
      TransferPair transfer = vector.getTransferPair(allocator);
      transfer.transfer();
      vectors.add((FieldVector) transfer.getTo());
    }
    return new ColumnBatch(batch.schema(), vectors, batch.rowCount());
  }

  /**
   * {@code select v % modulus, sum(v), count(*), min(v), max(v) group by v % modulus} over bigint column
   * 0, through the table's per-row API as generated code calls it.
   */
  public static KernelFactory groupedSum(long modulus) {
    return new KernelFactory() {
      @Override
      public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
        HashAggregationTable table = (HashAggregationTable) partition;
        return new PipelineKernel() {
          @Override
          public boolean process(ColumnBatch batch) {
            BigIntVector vector = (BigIntVector) batch.vector(0);
            long address = vector.getDataBufferAddress();
            for (int row = 0; row < batch.rowCount(); row++) {
              long value = MemoryUtil.getLong(address + ((long) row << 3));
              table.beginKey();
              table.keyLong(value % modulus);
              int group = table.findOrInsertGroup();
              table.sumLong(group, 0, value);
              table.count(group, 1);
              table.minLong(group, 2, value);
              table.maxLong(group, 3, value);
            }
            return true;
          }

          @Override
          public void finish() {}
        };
      }

      @Override
      public String describe() {
        return "grouped sum test kernel";
      }
    };
  }

  /** Forwards batches, but throws {@code failure} when processing the batch number {@code failAt} (0-based, over all workers). */
  public static KernelFactory failingAt(int failAt, RuntimeException failure) {
    AtomicInteger seen = new AtomicInteger();
    KernelFactory forwarding = forwarding();
    return new KernelFactory() {
      @Override
      public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
        PipelineKernel delegate = forwarding.create(partition, allocator);
        return new PipelineKernel() {
          @Override
          public boolean process(ColumnBatch batch) {
            if (seen.getAndIncrement() == failAt) {
              throw failure;
            }
            return delegate.process(batch);
          }

          @Override
          public void finish() {
            delegate.finish();
          }
        };
      }

      @Override
      public String describe() {
        return "failing test kernel";
      }
    };
  }
}
