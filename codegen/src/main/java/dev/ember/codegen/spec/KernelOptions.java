package dev.ember.codegen.spec;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Switches that change the code a kernel runs.
 *
 * @param ansiEnabled Spark's {@code spark.sql.ansi.enabled}: overflow, division by zero and invalid
 *     casts raise Spark's errors instead of giving null or wrapping
 * @param checkedMemoryAccess read Arrow vectors through their bounds- and null-checked accessors
 *     instead of raw memory addresses; tests run in this mode so an indexing bug throws instead of
 *     reading garbage
 * @param sessionTimeZone Spark's {@code spark.sql.session.timeZone}, handed to functions that ask for it
 * @param batchAggregateUpdate hash-aggregate kernels first find the groups of a whole batch, then run
 *     each accumulator over the batch in its own loop (true), or update all accumulators row by row
 *     (false, kept for comparing); Ember's {@code spark.ember.aggregate.batchUpdate}
 */
public record KernelOptions(
    boolean ansiEnabled, boolean checkedMemoryAccess, ZoneId sessionTimeZone, boolean batchAggregateUpdate) {
  public static final KernelOptions DEFAULT = new KernelOptions(true, false);

  public KernelOptions {
    Objects.requireNonNull(sessionTimeZone, "sessionTimeZone is null");
  }

  /** Options with batch-at-a-time aggregate updates. */
  public KernelOptions(boolean ansiEnabled, boolean checkedMemoryAccess, ZoneId sessionTimeZone) {
    this(ansiEnabled, checkedMemoryAccess, sessionTimeZone, true);
  }

  /** Options in UTC. */
  public KernelOptions(boolean ansiEnabled, boolean checkedMemoryAccess) {
    this(ansiEnabled, checkedMemoryAccess, ZoneOffset.UTC);
  }
}
