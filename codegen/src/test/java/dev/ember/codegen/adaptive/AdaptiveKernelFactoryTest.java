package dev.ember.codegen.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.codegen.spec.KernelCompilationException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import java.util.ArrayList;
import java.util.List;
import dev.ember.sql.types.StructType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
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

  /** A batch of {@code rows} rows without columns: all the adaptive factory looks at is the row count. */
  private static ColumnBatch rows(int rows) {
    return new ColumnBatch(StructType.of(List.of()), List.of(), rows);
  }

  @Test
  void aPipelineOverFewRowsNeverStartsTheCompiler() {
    AtomicInteger compilations = new AtomicInteger();
    AdaptiveKernelFactory factory = new AdaptiveKernelFactory(recording("interpreted"), () -> {
      compilations.incrementAndGet();
      return CompletableFuture.completedFuture(recording("generated"));
    }, 1_000);
    PipelineKernel kernel = factory.create(null, null);
    kernel.process(rows(400));
    kernel.process(rows(599));
    kernel.finish();

    assertEquals(0, compilations.get());
    assertFalse(factory.compilationStarted());
    assertEquals(List.of("interpreted", "interpreted", "interpreted finished"), log);
    assertEquals("interpreted, generated kernel compiled after 1000 rows", factory.describe());
    assertNull(factory.failure());
  }

  @Test
  void theCompilerStartsOnceWhenTheWorkersTogetherReachTheThreshold() {
    AtomicInteger compilations = new AtomicInteger();
    CompletableFuture<KernelFactory> compiling = new CompletableFuture<>();
    AdaptiveKernelFactory factory = new AdaptiveKernelFactory(recording("interpreted"), () -> {
      compilations.incrementAndGet();
      return compiling;
    }, 1_000);
    PipelineKernel first = factory.create(null, null);
    PipelineKernel second = factory.create(null, null);
    first.process(rows(600));
    assertFalse(factory.compilationStarted());
    second.process(rows(600));
    assertTrue(factory.compilationStarted());
    first.process(rows(600));
    assertEquals(1, compilations.get());
    assertEquals("interpreted, generated kernel compiling", factory.describe());

    compiling.complete(recording("generated"));
    second.process(rows(10));
    second.finish();
    first.finish();
    assertEquals(List.of("interpreted", "interpreted", "interpreted", "interpreted finished", "generated",
        "generated finished", "interpreted finished"), log);
  }

  @Test
  void aCompilerThatFailsToStartLeavesThePipelineInterpreted() {
    AdaptiveKernelFactory factory = new AdaptiveKernelFactory(recording("interpreted"), () -> {
      throw new KernelCompilationException("no compiler");
    }, 10);
    PipelineKernel kernel = factory.create(null, null);
    kernel.process(rows(10));
    kernel.process(rows(10));
    kernel.finish();
    assertEquals(List.of("interpreted", "interpreted", "interpreted finished"), log);
    assertTrue(factory.failure().contains("no compiler"), factory.failure());
  }
}
