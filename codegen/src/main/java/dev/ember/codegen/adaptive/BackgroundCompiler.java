package dev.ember.codegen.adaptive;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The one thread that compiles pipeline kernels while queries already run interpreted. One thread is
 * enough: compiling is a short burst per new query shape, and more threads would take cores from the
 * workers. A daemon, so a program that finishes before a compilation does exits at once.
 */
public final class BackgroundCompiler {
  private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "ember-codegen");
    thread.setDaemon(true);
    return thread;
  });

  private BackgroundCompiler() {}

  /** Starts {@code compilation} on the compiler thread; the future completes with its result or failure. */
  public static <T> CompletableFuture<T> submit(Supplier<T> compilation) {
    return CompletableFuture.supplyAsync(compilation, THREAD);
  }
}
