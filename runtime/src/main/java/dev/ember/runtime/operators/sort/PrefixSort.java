package dev.ember.runtime.operators.sort;

import dev.ember.runtime.memory.OperatorMemory;
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

  private PrefixSort() {}

  /** The rows {@code 0 .. rowCount-1} in sorted order as ints; the caller closes the buffer. */
  static ArrowBuf order(SortColumn[] columns, int rowCount, BufferAllocator allocator, String operator) {
    try (KeyPrefixes prefixes = KeyPrefixes.of(columns, rowCount, allocator, operator);
        ArrowBuf scratchPrefixes = OperatorMemory.allocate(allocator, 8L * rowCount, operator)) {
      ArrowBuf rows = StableIndexSort.identity(rowCount, allocator, operator);
      ArrowBuf scratchRows = null;
      try {
        scratchRows = OperatorMemory.allocate(allocator, 4L * rowCount, operator);
        boolean inScratch = radixSort(prefixes.address(), rows.memoryAddress(), scratchPrefixes.memoryAddress(),
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
