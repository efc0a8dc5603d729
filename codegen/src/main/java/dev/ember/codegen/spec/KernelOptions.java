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
 */
public record KernelOptions(boolean ansiEnabled, boolean checkedMemoryAccess, ZoneId sessionTimeZone) {
  public static final KernelOptions DEFAULT = new KernelOptions(true, false);

  public KernelOptions {
    Objects.requireNonNull(sessionTimeZone, "sessionTimeZone is null");
  }

  /** Options in UTC. */
  public KernelOptions(boolean ansiEnabled, boolean checkedMemoryAccess) {
    this(ansiEnabled, checkedMemoryAccess, ZoneOffset.UTC);
  }
}
