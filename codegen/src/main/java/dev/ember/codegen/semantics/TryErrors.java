package dev.ember.codegen.semantics;

import dev.ember.SparkException;
import java.util.Objects;
import java.util.Set;

/**
 * Which runtime errors TRY evaluation turns into a null result. Spark 4.2 raises a few errors even
 * under {@code try_*}: {@code try_element_at(array, 0)} fails with INVALID_INDEX_OF_ZERO, because an
 * index of zero is a mistake in the query, not a value that happens to be out of range.
 */
public final class TryErrors {
  private static final Set<String> RAISED_UNDER_TRY = Set.of("INVALID_INDEX_OF_ZERO");

  private TryErrors() {}

  /** True when {@code error} becomes a null under TRY evaluation; false when it must still be raised. */
  public static boolean becomesNull(SparkException error) {
    Objects.requireNonNull(error, "error is null");
    return !RAISED_UNDER_TRY.contains(error.getCondition());
  }

  /** Rethrows {@code error} when TRY evaluation must still raise it; returns normally otherwise. */
  public static void raiseUnlessNull(SparkException error) {
    if (!becomesNull(error)) {
      throw error;
    }
  }
}
