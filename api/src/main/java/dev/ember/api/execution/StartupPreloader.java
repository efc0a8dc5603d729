package dev.ember.api.execution;

import dev.ember.planner.analysis.FunctionRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Start-up work a program's first session needs but not at once, done on daemon threads while the
 * main thread goes on (creating the session, reading the first file). Each piece is mostly class
 * loading and runs once per JVM; a caller that needs a result before it is ready waits for it. In the
 * README's example the two pieces are a fifth of the main thread's work (RESULTS.md, "Cold start
 * (2026-11-24, session 4)").
 */
public final class StartupPreloader {
  private static final AtomicReference<CompletableFuture<FunctionRegistry>> FUNCTIONS = new AtomicReference<>();
  private static final AtomicReference<CompletableFuture<Long>> MEMORY = new AtomicReference<>();

  private StartupPreloader() {}

  /**
   * The built-in function registry, which loads every function family's definitions (a few hundred
   * classes and lambdas). A query that needs it before the thread is done waits: the JVM lets one
   * thread initialize {@link FunctionRegistry} and blocks the others until it is done.
   */
  public static CompletableFuture<FunctionRegistry> functionRegistry() {
    return startOnce(FUNCTIONS, "ember-preload-functions", FunctionRegistry::builtin);
  }

  /**
   * The machine's physical memory in bytes (a container's limit inside one), or {@link Long#MAX_VALUE}
   * when the JVM cannot tell. The JDK answers through its management beans, whose first use loads
   * about fifty classes of {@code java.management}.
   */
  public static CompletableFuture<Long> machineMemoryBytes() {
    return startOnce(MEMORY, "ember-preload-memory", StartupPreloader::lookUpMachineMemory);
  }

  private static long lookUpMachineMemory() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sunOs) {
      return sunOs.getTotalMemorySize();
    }
    return Long.MAX_VALUE;
  }

  private static <T> CompletableFuture<T> startOnce(AtomicReference<CompletableFuture<T>> slot, String threadName,
      Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    if (!slot.compareAndSet(null, result)) {
      return slot.get();
    }
    Thread thread = new Thread(() -> {
      try {
        result.complete(work.get());
      } catch (Throwable e) {
        // Whoever waits for the result gets the error, as if it had done the work itself.
        result.completeExceptionally(e);
      }
    }, threadName);
    thread.setDaemon(true);
    thread.start();
    return result;
  }
}
