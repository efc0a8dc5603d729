package dev.ember.runtime.memory;

import dev.ember.SparkException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * Accounted off-heap buffers for operator state (hash tables, sort keys). Every buffer comes from the
 * query's allocator, so state that outgrows the query's memory limit is refused with an error naming
 * the operator, instead of the JVM running out of memory behind the accountant's back.
 */
public final class OperatorMemory {
  private static final Pattern ARROW_REQUEST = Pattern.compile("buffer of size (\\d+)");

  private OperatorMemory() {}

  /** A new buffer of {@code bytes}, not zero-filled: for users that write whatever they later read. */
  public static ArrowBuf allocate(BufferAllocator allocator, long bytes, String operator) {
    try {
      return allocator.buffer(bytes);
    } catch (OutOfMemoryException e) {
      throw refused(allocator, bytes, operator, e);
    }
  }

  /** A new zero-filled buffer of {@code bytes}. */
  public static ArrowBuf allocateZeroed(BufferAllocator allocator, long bytes, String operator) {
    ArrowBuf buffer = allocate(allocator, bytes, operator);
    buffer.setZero(0, buffer.capacity());
    return buffer;
  }

  /**
   * A zero-filled buffer of at least {@code bytes} holding the first {@code usedBytes} of {@code old};
   * the old buffer is released once the copy is made.
   */
  public static ArrowBuf grow(BufferAllocator allocator, ArrowBuf old, long usedBytes, long bytes, String operator) {
    ArrowBuf grown = allocateZeroed(allocator, bytes, operator);
    MemoryUtil.copyMemory(old.memoryAddress(), grown.memoryAddress(), usedBytes);
    old.close();
    return grown;
  }

  /** The error for an allocation the memory limit refused, also one made inside Arrow's vectors. */
  public static SparkException refused(BufferAllocator allocator, OutOfMemoryException cause, String operator) {
    // Arrow keeps the requested size private; its message says "Unable to allocate buffer of size N ...".
    Matcher size = ARROW_REQUEST.matcher(String.valueOf(cause.getMessage()));
    long bytes = size.find() ? Long.parseLong(size.group(1)) : -1;
    return refused(allocator, bytes, operator, cause);
  }

  private static SparkException refused(
      BufferAllocator allocator, long bytes, String operator, OutOfMemoryException cause) {
    return new SparkException(
        "UNABLE_TO_ACQUIRE_MEMORY",
        Map.of("requestedBytes", Long.toString(bytes), "receivedBytes", "0"),
        "Unable to acquire " + bytes + " bytes of memory, got 0. The " + operator
            + " needs more memory than the query's limit of " + allocator.getLimit()
            + " bytes allows (" + allocator.getAllocatedMemory() + " bytes in use); raise spark.ember.memory.limit.",
        cause);
  }
}
