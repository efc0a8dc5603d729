package dev.ember.runtime.pipeline;

/**
 * A unit of source work that one worker thread takes whole: a byte range of a CSV file, a range of
 * row numbers, a run of already materialized batches. Morsels are immutable and small; a source plans
 * them once and workers pull them from a shared queue, so fast workers take more.
 */
public interface Morsel {
  /** Where the morsel's data lives, for error messages and {@code explain()}: a path and range. */
  String describe();
}
