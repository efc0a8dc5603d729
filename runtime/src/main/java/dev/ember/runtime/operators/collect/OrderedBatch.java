package dev.ember.runtime.operators.collect;

import dev.ember.runtime.batch.ColumnBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A batch tagged with where it came from: its morsel's index and its arrival order within the morsel.
 * Sorting by both restores source order, because one morsel is always processed by one worker.
 */
record OrderedBatch(int morselIndex, long sequence, ColumnBatch batch) {
  static final Comparator<OrderedBatch> SOURCE_ORDER =
      Comparator.comparingInt(OrderedBatch::morselIndex).thenComparingLong(OrderedBatch::sequence);

  /** All batches of the partitions in source order; the caller owns the result. */
  static List<OrderedBatch> inSourceOrder(List<? extends List<OrderedBatch>> perPartition) {
    List<OrderedBatch> all = new ArrayList<>();
    perPartition.forEach(all::addAll);
    all.sort(SOURCE_ORDER);
    return all;
  }
}
