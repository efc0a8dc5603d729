package dev.ember.codegen.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.Test;

class AdaptiveKernelFactoryTest {
  /** Which kernel processed each batch, in order, and which kernels were finished. */
  private final List<String> log = new ArrayList<>();

  private KernelFactory recording(String name) {
    return new KernelFactory() {
      @Override
      public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
        return new PipelineKernel() {
          @Override
          public boolean process(ColumnBatch batch) {
            log.add(name);
            return true;
          }

          @Override
          public void finish() {
            log.add(name + " finished");
          }
        };
      }

      @Override
      public String describe() {
        return name;
      }
    };
  }

  @Test
  void workersRunInterpretedUntilTheGeneratedKernelIsReadyThenSwitchAtTheNextBatch() {
    CompletableFuture<KernelFactory> compiling = new CompletableFuture<>();
    AdaptiveKernelFactory factory = new AdaptiveKernelFactory(recording("interpreted"), compiling);
    PipelineKernel kernel = factory.create(null, null);
    assertEquals("interpreted, generated kernel compiling", factory.describe());

    kernel.process(null);
    kernel.process(null);
    compiling.complete(recording("generated"));
    kernel.process(null);
    kernel.finish();

    assertEquals(List.of("interpreted", "interpreted", "interpreted finished", "generated", "generated finished"), log);
    assertEquals("generated", factory.describe());
    assertNull(factory.failure());
  }

  @Test
  void workersStartedAfterCompilationUseTheGeneratedKernelDirectly() {
    AdaptiveKernelFactory factory = new AdaptiveKernelFactory(
        recording("interpreted"), CompletableFuture.completedFuture(recording("generated")));
    PipelineKernel kernel = factory.create(null, null);
    kernel.process(null);
    kernel.finish();
    assertEquals(List.of("generated", "generated finished"), log);
  }

  @Test
  void aFailedCompilationLeavesThePipelineInterpretedAndSaysWhy() {
    CompletableFuture<KernelFactory> compiling = new CompletableFuture<>();
    AdaptiveKernelFactory factory = new AdaptiveKernelFactory(recording("interpreted"), compiling);
    PipelineKernel kernel = factory.create(null, null);
    kernel.process(null);
    compiling.completeExceptionally(new KernelCompilationException("method too large"));
    kernel.process(null);
    kernel.finish();

    assertEquals(List.of("interpreted", "interpreted", "interpreted finished"), log);
    assertEquals("interpreted", factory.describe());
    assertTrue(factory.failure().contains("method too large"), factory.failure());
  }
}
