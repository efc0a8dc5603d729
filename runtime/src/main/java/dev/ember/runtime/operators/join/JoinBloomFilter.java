package dev.ember.runtime.operators.join;

import dev.ember.runtime.memory.OperatorMemory;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A blocked Bloom filter over a join table's keys: one 64-bit word per key, four bits in it. A probe
 * whose key is absent usually learns so from one read of a small, cache-resident array instead of a
 * random miss in the far larger slot array.
 *
 * <p>The word is chosen by the key's home slot shifted right by {@value #SLOTS_PER_WORD_SHIFT}, so
 * the filter has one word per 16 slots (8 to 16 bits per build row, as the table has 2 to 4 slots per
 * row), and a worker that owns a contiguous range of home slots owns the matching range of words:
 * two workers fill it without atomics. The bits come from the hash's top 24 bits, which pick no slot.
 */
final class JoinBloomFilter implements AutoCloseable {
  static final int SLOTS_PER_WORD_SHIFT = 4;

  private ArrowBuf words;
  private final long address;

  JoinBloomFilter(int slotCount, BufferAllocator allocator, String operator) {
    long wordCount = Math.max(1, slotCount >>> SLOTS_PER_WORD_SHIFT);
    this.words = OperatorMemory.allocateZeroed(allocator, 8 * wordCount, operator);
    this.address = words.memoryAddress();
  }

  /** Four bits of a 64-bit word, each picked by six of the hash's top 24 bits (shifts use the low six). */
  private static long bits(long hash) {
    return (1L << (hash >>> 40)) | (1L << (hash >>> 46)) | (1L << (hash >>> 52)) | (1L << (hash >>> 58));
  }

  void add(long hash, int homeSlot) {
    long word = address + ((long) (homeSlot >>> SLOTS_PER_WORD_SHIFT) << 3);
    MemoryUtil.putLong(word, MemoryUtil.getLong(word) | bits(hash));
  }

  /** False only when no key with this hash was added (no false negatives). */
  boolean mightContain(long hash, int homeSlot) {
    long bits = bits(hash);
    return (MemoryUtil.getLong(address + ((long) (homeSlot >>> SLOTS_PER_WORD_SHIFT) << 3)) & bits) == bits;
  }

  @Override
  public void close() {
    if (words != null) {
      words.close();
      words = null;
    }
  }
}
