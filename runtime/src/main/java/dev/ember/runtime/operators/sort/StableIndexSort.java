package dev.ember.runtime.operators.sort;

import dev.ember.runtime.memory.OperatorMemory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A stable merge sort of row numbers held in an off-heap int buffer: equal rows keep their input
 * order, as Spark's sort does for equal keys within a partition. The scratch buffer comes from the
 * sort's allocator, so the sort's working memory is accounted.
 */
final class StableIndexSort {
  private static final int INSERTION_THRESHOLD = 24;

  private final RowComparator comparator;

  StableIndexSort(RowComparator comparator) {
    this.comparator = comparator;
  }

  /** A buffer holding {@code 0, 1, ..., rowCount - 1}; the caller closes it. */
  static ArrowBuf identity(int rowCount, BufferAllocator allocator, String operator) {
    ArrowBuf rows = OperatorMemory.allocate(allocator, 4L * rowCount, operator);
    long address = rows.memoryAddress();
    for (int i = 0; i < rowCount; i++) {
      MemoryUtil.putInt(address + ((long) i << 2), i);
    }
    return rows;
  }

  /** Sorts the first {@code rowCount} ints of {@code rows} in place. */
  void sort(ArrowBuf rows, int rowCount, BufferAllocator allocator, String operator) {
    try (ArrowBuf scratch = OperatorMemory.allocate(allocator, 4L * rowCount, operator)) {
      MemoryUtil.copyMemory(rows.memoryAddress(), scratch.memoryAddress(), 4L * rowCount);
      mergeSort(scratch.memoryAddress(), rows.memoryAddress(), 0, rowCount);
    }
  }

  /**
   * Sorts the ints {@code [from, to)} of the array at {@code rows} in place, using the same range of
   * the array at {@code scratch} as scratch space.
   */
  void sortRange(long rows, long scratch, int from, int to) {
    MemoryUtil.copyMemory(rows + ((long) from << 2), scratch + ((long) from << 2), (long) (to - from) << 2);
    mergeSort(scratch, rows, from, to);
  }

  private static int get(long array, int index) {
    return MemoryUtil.getInt(array + ((long) index << 2));
  }

  private static void put(long array, int index, int value) {
    MemoryUtil.putInt(array + ((long) index << 2), value);
  }

  /** Sorts {@code target[from, to)}, using {@code source} (same contents on entry) as scratch. */
  private void mergeSort(long source, long target, int from, int to) {
    int length = to - from;
    if (length <= INSERTION_THRESHOLD) {
      for (int i = from + 1; i < to; i++) {
        int row = get(target, i);
        int j = i - 1;
        while (j >= from && comparator.compare(get(target, j), row) > 0) {
          put(target, j + 1, get(target, j));
          j--;
        }
        put(target, j + 1, row);
      }
      return;
    }
    int middle = (from + to) >>> 1;
    // Sort both halves into source, then merge them into target (the buffers swap roles each level).
    mergeSort(target, source, from, middle);
    mergeSort(target, source, middle, to);
    if (comparator.compare(get(source, middle - 1), get(source, middle)) <= 0) {
      MemoryUtil.copyMemory(source + ((long) from << 2), target + ((long) from << 2), (long) length << 2);
      return;
    }
    int left = from;
    int right = middle;
    for (int out = from; out < to; out++) {
      if (right >= to || (left < middle && comparator.compare(get(source, left), get(source, right)) <= 0)) {
        put(target, out, get(source, left++));
      } else {
        put(target, out, get(source, right++));
      }
    }
  }
}
