package dev.ember.runtime.operators.aggregate;

import dev.ember.SparkException;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Accounted off-heap buffers for operator state. Every buffer comes from the query's allocator, so a
 * growing hash table is refused by the memory limit with an error naming the operator, instead of
 * the JVM running out of memory behind the accountant's back.
 */
final class OffHeapMemory {
  private OffHeapMemory() {}

  /** A new zero-filled buffer of {@code bytes}. */
  static ArrowBuf allocate(BufferAllocator allocator, long bytes, String operator) {
    ArrowBuf buffer;
    try {
      buffer = allocator.buffer(bytes);
    } catch (OutOfMemoryException e) {
      throw new SparkException(
          "UNABLE_TO_ACQUIRE_MEMORY",
          Map.of("requestedBytes", Long.toString(bytes), "receivedBytes", "0"),
          "Unable to acquire " + bytes + " bytes of memory, got 0. The " + operator
              + " needs more memory than the query's limit of " + allocator.getLimit()
              + " bytes allows (" + allocator.getAllocatedMemory() + " bytes in use); raise the limit.",
          e);
    }
    buffer.setZero(0, buffer.capacity());
    return buffer;
  }

  /**
   * A buffer of at least {@code bytes} holding the first {@code usedBytes} of {@code old}; the old
   * buffer is released once the copy is made. Zero-fills the rest.
   */
  static ArrowBuf grow(BufferAllocator allocator, ArrowBuf old, long usedBytes, long bytes, String operator) {
    ArrowBuf grown = allocate(allocator, bytes, operator);
    MemoryUtil.copyMemory(old.memoryAddress(), grown.memoryAddress(), usedBytes);
    old.close();
    return grown;
  }
}
