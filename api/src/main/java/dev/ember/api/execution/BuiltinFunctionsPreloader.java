package dev.ember.api.execution;

import dev.ember.planner.analysis.FunctionRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds the built-in function registry on a daemon thread while the first session starts. The
 * registry loads every function family's definitions (a few hundred classes and lambdas, about a
 * tenth of the README example's run); a program needs it only when its first query is analyzed, so
 * building it beside the session's own start (Arrow's allocator, the first file read) takes it off the
 * main thread. A query that needs it earlier simply waits: the JVM lets one thread initialize
 * {@link FunctionRegistry} and the others block until it is done.
 */
public final class BuiltinFunctionsPreloader {
  private static final AtomicReference<CompletableFuture<FunctionRegistry>> LOADING = new AtomicReference<>();

  private BuiltinFunctionsPreloader() {}

  /**
   * Starts building the registry unless an earlier call did (once per JVM); the future completes with
   * {@link FunctionRegistry#builtin()}.
   */
  public static CompletableFuture<FunctionRegistry> start() {
    CompletableFuture<FunctionRegistry> loading = new CompletableFuture<>();
    if (!LOADING.compareAndSet(null, loading)) {
      return LOADING.get();
    }
    Thread thread = new Thread(() -> {
      try {
        loading.complete(FunctionRegistry.builtin());
      } catch (Throwable e) {
        // The first query would hit the same error in the main thread and report it there.
        loading.completeExceptionally(e);
      }
    }, "ember-preload-functions");
    thread.setDaemon(true);
    thread.start();
    return loading;
  }
}
