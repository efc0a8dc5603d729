package dev.ember.codegen.spec;

/**
 * Switches that change the code a kernel runs.
 *
 * @param ansiEnabled Spark's {@code spark.sql.ansi.enabled}: overflow, division by zero and invalid
 *     casts raise Spark's errors instead of giving null or wrapping
 * @param checkedMemoryAccess read Arrow vectors through their bounds- and null-checked accessors
 *     instead of raw memory addresses; tests run in this mode so an indexing bug throws instead of
 *     reading garbage
 */
public record KernelOptions(boolean ansiEnabled, boolean checkedMemoryAccess) {
  public static final KernelOptions DEFAULT = new KernelOptions(true, false);
}
