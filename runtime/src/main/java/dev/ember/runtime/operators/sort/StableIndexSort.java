package dev.ember.runtime.operators.sort;

/**
 * A stable merge sort of row numbers by a list of sort columns, on primitive arrays: equal rows keep
 * their input order, as Spark's sort does for equal keys within a partition.
 */
final class StableIndexSort {
  private static final int INSERTION_THRESHOLD = 24;

  private final SortColumn[] columns;

  StableIndexSort(SortColumn[] columns) {
    this.columns = columns.clone();
  }

  int compare(int left, int right) {
    for (SortColumn column : columns) {
      int result = column.compare(left, right);
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  /** Sorts {@code rows} in place. */
  void sort(int[] rows) {
    int[] buffer = rows.clone();
    mergeSort(buffer, rows, 0, rows.length);
  }

  /** Sorts {@code target[from, to)}, using {@code source} (same contents on entry) as scratch. */
  private void mergeSort(int[] source, int[] target, int from, int to) {
    int length = to - from;
    if (length <= INSERTION_THRESHOLD) {
      for (int i = from + 1; i < to; i++) {
        int row = target[i];
        int j = i - 1;
        while (j >= from && compare(target[j], row) > 0) {
          target[j + 1] = target[j];
          j--;
        }
        target[j + 1] = row;
      }
      return;
    }
    int middle = (from + to) >>> 1;
    // Sort both halves into source, then merge them into target (arrays swap roles each level).
    mergeSort(target, source, from, middle);
    mergeSort(target, source, middle, to);
    if (compare(source[middle - 1], source[middle]) <= 0) {
      System.arraycopy(source, from, target, from, length);
      return;
    }
    int left = from;
    int right = middle;
    for (int out = from; out < to; out++) {
      if (right >= to || (left < middle && compare(source[left], source[right]) <= 0)) {
        target[out] = source[left++];
      } else {
        target[out] = source[right++];
      }
    }
  }
}
