package dev.ember.runtime.io.commit;

/** How a committed write's files reach the output directory. */
public enum PublishMode {
  /** The output directory does not exist: the staging directory becomes it. */
  CREATE,
  /** New part files join those already there (Spark's {@code append}). */
  APPEND,
  /** The output directory is swapped for the new one only after every task succeeded ({@code overwrite}). */
  REPLACE
}
