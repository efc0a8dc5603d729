package dev.ember.runtime.operators.window;

import dev.ember.runtime.operators.aggregate.BoxedValues;
import java.util.Objects;

/**
 * Where each sorted row's partition and peer group (rows with equal order keys) start and end,
 * found in one pass over the sorted key values.
 */
final class RowGroups {
  final int[] partitionStart;
  final int[] partitionEnd;
  final int[] peerStart;
  final int[] peerEnd;

  private RowGroups(int rowCount) {
    partitionStart = new int[rowCount];
    partitionEnd = new int[rowCount];
    peerStart = new int[rowCount];
    peerEnd = new int[rowCount];
  }

  /** @param partitionKeys and {@code orderKeys}: one array of boxed values per key, in sorted row order */
  static RowGroups of(int rowCount, Object[][] partitionKeys, Object[][] orderKeys) {
    RowGroups groups = new RowGroups(rowCount);
    int partition = 0;
    int peers = 0;
    for (int row = 1; row <= rowCount; row++) {
      boolean newPartition = row == rowCount || !sameKeys(partitionKeys, row - 1, row);
      boolean newPeers = newPartition || !sameKeys(orderKeys, row - 1, row);
      if (newPeers) {
        fill(groups.peerStart, groups.peerEnd, peers, row);
        peers = row;
      }
      if (newPartition) {
        fill(groups.partitionStart, groups.partitionEnd, partition, row);
        partition = row;
      }
    }
    return groups;
  }

  private static void fill(int[] starts, int[] ends, int start, int end) {
    for (int row = start; row < end; row++) {
      starts[row] = start;
      ends[row] = end;
    }
  }

  /** Spark's grouping equality: nulls equal each other, -0.0 is 0.0, NaN is NaN. */
  private static boolean sameKeys(Object[][] keys, int left, int right) {
    for (Object[] key : keys) {
      if (!Objects.equals(BoxedValues.groupingKey(key[left]), BoxedValues.groupingKey(key[right]))) {
        return false;
      }
    }
    return true;
  }
}
