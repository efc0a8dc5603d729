package dev.ember.runtime.operators.aggregate;

import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A 64-bit hash over a serialized group key, read in 8-byte words (keys are zero-padded to a word
 * multiple). Multiply-rotate per word and a strong final mix, so the low bits that pick a slot and
 * the high bits kept as a tag are both well spread.
 */
public final class KeyHash {
  private static final long PRIME_1 = 0x9E3779B185EBCA87L;
  private static final long PRIME_2 = 0xC2B2AE3D27D4EB4FL;
  private static final long PRIME_3 = 0x165667B19E3779F9L;

  private KeyHash() {}

  public static long hash(long address, int paddedLength) {
    long hash = PRIME_3 ^ ((long) paddedLength * PRIME_1);
    for (int offset = 0; offset < paddedLength; offset += 8) {
      long word = MemoryUtil.getLong(address + offset);
      hash ^= Long.rotateLeft(word * PRIME_2, 31) * PRIME_1;
      hash = Long.rotateLeft(hash, 27) * PRIME_1 + PRIME_3;
    }
    hash ^= hash >>> 33;
    hash *= PRIME_2;
    hash ^= hash >>> 29;
    hash *= PRIME_3;
    hash ^= hash >>> 32;
    return hash;
  }

  /**
   * A 64-bit hash of a key built in two words and a null mask (see {@link CompactKeyLayout}): one
   * multiply per word and the same final mix, with no memory reads.
   */
  public static long hashWords(long word0, long word1, int nulls) {
    long hash = (word0 * PRIME_1) ^ Long.rotateLeft(word1 * PRIME_2, 31) ^ ((long) nulls * PRIME_3);
    hash ^= hash >>> 33;
    hash *= PRIME_2;
    hash ^= hash >>> 29;
    hash *= PRIME_3;
    hash ^= hash >>> 32;
    return hash;
  }

  /** Whether two padded keys of the same padded length hold the same bytes. */
  public static boolean equal(long left, long right, int paddedLength) {
    for (int offset = 0; offset < paddedLength; offset += 8) {
      if (MemoryUtil.getLong(left + offset) != MemoryUtil.getLong(right + offset)) {
        return false;
      }
    }
    return true;
  }

  /** Spark's UTF8String/binary order: unsigned bytes, then the shorter first. */
  static int compareBytes(long left, int leftLength, long right, int rightLength) {
    int common = Math.min(leftLength, rightLength);
    int offset = 0;
    for (; offset + 8 <= common; offset += 8) {
      long a = MemoryUtil.getLong(left + offset);
      long b = MemoryUtil.getLong(right + offset);
      if (a != b) {
        // Little-endian loads: reversing puts the first byte in the most significant position.
        return Long.compareUnsigned(Long.reverseBytes(a), Long.reverseBytes(b));
      }
    }
    for (; offset < common; offset++) {
      int a = MemoryUtil.getByte(left + offset) & 0xFF;
      int b = MemoryUtil.getByte(right + offset) & 0xFF;
      if (a != b) {
        return a - b;
      }
    }
    return Integer.compare(leftLength, rightLength);
  }
}
