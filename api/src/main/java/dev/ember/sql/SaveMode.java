package dev.ember.sql;

/** What {@code df.write()} does when the output path already exists, as Spark's {@code SaveMode}. */
public enum SaveMode {
  /** Add new part files next to the existing ones. */
  Append,
  /** Replace the existing output (Ember swaps it only once the new output is complete). */
  Overwrite,
  /** Fail with {@code PATH_ALREADY_EXISTS}; the default. */
  ErrorIfExists,
  /** Do nothing, without running the query. */
  Ignore
}
