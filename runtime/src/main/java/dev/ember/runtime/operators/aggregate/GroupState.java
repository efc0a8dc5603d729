package dev.ember.runtime.operators.aggregate;

/**
 * One group's state of an {@link ObjectAggregate}, on the heap. Owned by one worker's table until the
 * tables are merged; never shared between threads.
 *
 * <p>Memory: updates and merges return how many bytes the state grew by (an estimate of its heap
 * size), and the table reserves that much from its Arrow allocator before going on, so on-heap state
 * counts against the query's memory limit like the off-heap table does.
 */
public interface GroupState {
  /**
   * Adds one row: {@code arguments} (boxed, see {@link ObjectAggregate}; nulls included, the state
   * decides what a null means) seen at {@code position}, which grows in input order (morsel, then row)
   * and lets order-dependent aggregates such as {@code first} pick the same row for any number of
   * workers. The array is reused by the caller: copy what is kept.
   *
   * @return the estimated bytes the state grew by
   */
  long update(Object[] arguments, long position);

  /** Adds {@code other}'s rows, of the same aggregate; {@code other} is discarded afterwards. */
  long merge(GroupState other);

  /** The result, boxed, or null. */
  Object result();
}
