package dev.ember.runtime.operators.sort;

import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.operators.ParallelTasks;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * The full sort's row order: a stable LSD radix sort of (key prefix, row) pairs (see
 * {@link KeyPrefixes}), skipping the byte positions where every prefix has the same byte, then, when
 * the prefixes leave keys undecided, a stable comparator sort of each run of equal prefixes from the
 * first undecided key on. Rows start in source order and both sorts are stable, so equal rows keep
 * source order. All buffers come from the sort's allocator.
 */
final class PrefixSort {
  private static final int RADIX = 256;
  /** Below this many rows a second thread costs more than it saves. */
  static final int TWO_HALVES_MIN_ROWS = 1 << 16;

  private PrefixSort() {}

  /**
   * The rows {@code 0 .. rowCount-1} in sorted order as ints; the caller closes the buffer. With
   * {@code inTwoHalves}, a second thread radix-sorts the second half of the rows while this one sorts
   * the first, and the halves are merged (first half first among equal prefixes, so still stable).
   */
  static ArrowBuf order(SortColumn[] columns, int rowCount, boolean inTwoHalves, BufferAllocator allocator,
      String operator) {
    try (KeyPrefixes prefixes = KeyPrefixes.of(columns, rowCount, allocator, operator);
        ArrowBuf scratchPrefixes = OperatorMemory.allocate(allocator, 8L * rowCount, operator)) {
      ArrowBuf rows = StableIndexSort.identity(rowCount, allocator, operator);
      ArrowBuf scratchRows = null;
      try {
        scratchRows = OperatorMemory.allocate(allocator, 4L * rowCount, operator);
        boolean inScratch = inTwoHalves
            ? sortInTwoHalves(prefixes.address(), rows.memoryAddress(), scratchPrefixes.memoryAddress(),
                scratchRows.memoryAddress(), rowCount)
            : radixSort(prefixes.address(), rows.memoryAddress(), scratchPrefixes.memoryAddress(),
                scratchRows.memoryAddress(), rowCount);
        long sortedPrefixes = inScratch ? scratchPrefixes.memoryAddress() : prefixes.address();
        if (inScratch) {
          ArrowBuf swap = rows;
          rows = scratchRows;
          scratchRows = swap;
        }
        if (prefixes.decidedKeys() < columns.length) {
          sortTies(columns, prefixes.decidedKeys(), sortedPrefixes, rows.memoryAddress(), scratchRows.memoryAddress(),
              rowCount);
        }
        scratchRows.close();
        return rows;
      } catch (RuntimeException e) {
        rows.close();
        if (scratchRows != null) {
          scratchRows.close();
        }
        throw e;
      }
    }
  }

  /** Sorts each half on its own thread, then merges them into the scratch arrays; returns true (in scratch). */
  private static boolean sortInTwoHalves(long prefixes, long rows, long scratchPrefixes, long scratchRows,
      int rowCount) {
    int middle = rowCount >>> 1;
    ParallelTasks.both(() -> sortInPlace(prefixes, rows, scratchPrefixes, scratchRows, 0, middle),
        () -> sortInPlace(prefixes, rows, scratchPrefixes, scratchRows, middle, rowCount), "ember-sort-half");
    mergeHalves(prefixes, rows, scratchPrefixes, scratchRows, middle, rowCount);
    return true;
  }

  /** Radix-sorts the pairs {@code [from, to)}, leaving them in the given (not the scratch) arrays. */
  private static void sortInPlace(long prefixes, long rows, long scratchPrefixes, long scratchRows, int from, int to) {
    long prefixOffset = (long) from << 3;
    long rowOffset = (long) from << 2;
    int count = to - from;
    if (radixSort(prefixes + prefixOffset, rows + rowOffset, scratchPrefixes + prefixOffset, scratchRows + rowOffset,
        count)) {
      MemoryUtil.copyMemory(scratchPrefixes + prefixOffset, prefixes + prefixOffset, (long) count << 3);
      MemoryUtil.copyMemory(scratchRows + rowOffset, rows + rowOffset, (long) count << 2);
    }
  }

  /** Merges the sorted halves {@code [0, middle)} and {@code [middle, rowCount)} into the scratch arrays. */
  private static void mergeHalves(long prefixes, long rows, long scratchPrefixes, long scratchRows, int middle,
      int rowCount) {
    int left = 0;
    int right = middle;
    for (int out = 0; out < rowCount; out++) {
      int from;
      if (right >= rowCount) {
        from = left++;
      } else if (left >= middle) {
        from = right++;
      } else {
        // Ties go to the first half, whose rows come first in source order.
        boolean takeLeft = Long.compareUnsigned(MemoryUtil.getLong(prefixes + ((long) left << 3)),
            MemoryUtil.getLong(prefixes + ((long) right << 3))) <= 0;
        from = takeLeft ? left++ : right++;
      }
      MemoryUtil.putLong(scratchPrefixes + ((long) out << 3), MemoryUtil.getLong(prefixes + ((long) from << 3)));
      MemoryUtil.putInt(scratchRows + ((long) out << 2), MemoryUtil.getInt(rows + ((long) from << 2)));
    }
  }

  /**
   * Sorts the pairs by unsigned prefix, least significant byte first, moving them between the given
   * and the scratch arrays; true when the result ended up in the scratch arrays.
   */
  static boolean radixSort(long prefixes, long rows, long scratchPrefixes, long scratchRows, int rowCount) {
    if (rowCount < 2) {
      return false;
    }
    int[][] counts = new int[Long.BYTES][RADIX];
    for (long i = 0; i < rowCount; i++) {
      long prefix = MemoryUtil.getLong(prefixes + (i << 3));
      for (int b = 0; b < Long.BYTES; b++) {
        counts[b][(int) (prefix >>> (b << 3)) & 0xFF]++;
      }
    }
    long first = MemoryUtil.getLong(prefixes);
    boolean inScratch = false;
    long fromPrefixes = prefixes;
    long fromRows = rows;
    long toPrefixes = scratchPrefixes;
    long toRows = scratchRows;
    int[] offsets = new int[RADIX];
    for (int b = 0; b < Long.BYTES; b++) {
      int shift = b << 3;
      if (counts[b][(int) (first >>> shift) & 0xFF] == rowCount) {
        continue;
      }
      int offset = 0;
      for (int digit = 0; digit < RADIX; digit++) {
        offsets[digit] = offset;
        offset += counts[b][digit];
      }
      for (long i = 0; i < rowCount; i++) {
        long prefix = MemoryUtil.getLong(fromPrefixes + (i << 3));
        int digit = (int) (prefix >>> shift) & 0xFF;
        long target = offsets[digit]++;
        MemoryUtil.putLong(toPrefixes + (target << 3), prefix);
        MemoryUtil.putInt(toRows + (target << 2), MemoryUtil.getInt(fromRows + (i << 2)));
      }
      long swap = fromPrefixes;
      fromPrefixes = toPrefixes;
      toPrefixes = swap;
      swap = fromRows;
      fromRows = toRows;
      toRows = swap;
      inScratch = !inScratch;
    }
    return inScratch;
  }

  /** Sorts each run of equal prefixes of more than one row by the keys from {@code firstKey} on. */
  private static void sortTies(SortColumn[] columns, int firstKey, long prefixes, long rows, long scratch,
      int rowCount) {
    StableIndexSort byRest = new StableIndexSort(
        RowComparator.byColumns(Arrays.copyOfRange(columns, firstKey, columns.length)));
    int start = 0;
    while (start < rowCount) {
      long prefix = MemoryUtil.getLong(prefixes + ((long) start << 3));
      int end = start + 1;
      while (end < rowCount && MemoryUtil.getLong(prefixes + ((long) end << 3)) == prefix) {
        end++;
      }
      if (end - start > 1) {
        byRest.sortRange(rows, scratch, start, end);
      }
      start = end;
    }
  }
}
