package dev.ember.api.execution;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.analysis.FunctionRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartupPreloaderTest {
  @Test
  void buildsTheBuiltinRegistryOnceAndEveryCallerSeesTheSameLoading() throws Exception {
    FunctionRegistry preloaded = StartupPreloader.functionRegistry().get(60, TimeUnit.SECONDS);
    assertSame(FunctionRegistry.builtin(), preloaded);
    assertSame(StartupPreloader.functionRegistry(), StartupPreloader.functionRegistry());
  }

  @Test
  void looksUpTheMachineMemoryOnce() throws Exception {
    long bytes = StartupPreloader.machineMemoryBytes().get(60, TimeUnit.SECONDS);
    // Any machine that runs these tests has more than 64 MB; the JVM's heap is part of it.
    assertTrue(bytes > 64L << 20, "machine memory " + bytes);
    assertTrue(bytes >= Runtime.getRuntime().totalMemory(), "machine memory " + bytes);
    assertSame(StartupPreloader.machineMemoryBytes(), StartupPreloader.machineMemoryBytes());
  }
}
