package dev.ember.codegen.generated;

import dev.ember.codegen.spec.KernelOptions;
import dev.ember.codegen.spec.KernelProvider;
import dev.ember.codegen.spec.PipelineSpec;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.sql.types.StructType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Runs a kernel provider's kernel for a spec over test batches and returns the rows it output. */
final class KernelRunner {
  private KernelRunner() {}

  /**
   * Builds the input batches from {@code batches} (each an array of rows), runs one kernel over all of
   * them and returns the output rows. Input and output batches are closed before returning.
   */
  static List<List<Object>> run(KernelProvider provider, PipelineSpec spec, KernelOptions options,
      BufferAllocator allocator, Object[][]... batches) {
    KernelFactory factory = provider.create(spec, options);
    return run(factory, spec.inputSchema(), allocator, batches);
  }

  static List<List<Object>> run(KernelFactory factory, StructType inputSchema, BufferAllocator allocator,
      Object[][]... batches) {
    try (TestBatches.CollectingPartition partition = new TestBatches.CollectingPartition()) {
      PipelineKernel kernel = factory.create(partition, allocator);
      for (Object[][] rows : batches) {
        try (ColumnBatch batch = TestBatches.batch(allocator, inputSchema, rows)) {
          kernel.process(batch);
        }
      }
      kernel.finish();
      return partition.rows();
    }
  }
}
