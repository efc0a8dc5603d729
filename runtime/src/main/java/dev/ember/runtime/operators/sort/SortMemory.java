package dev.ember.runtime.operators.sort;

import dev.ember.SparkException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * The sort's working memory (extracted keys, row orders, positions) as accounted Arrow buffers: a
 * sort larger than the query's memory limit is refused with an error naming the sort, instead of the
 * JVM heap running out behind the accountant's back.
 */
final class SortMemory {
  static final String FULL_SORT = "sort";
  static final String TOP_N = "top-N sort";

  private static final Pattern ARROW_REQUEST = Pattern.compile("buffer of size (\\d+)");

  private SortMemory() {}

  /** A new buffer of {@code bytes}, not zero-filled: every user writes what it later reads. */
  static ArrowBuf allocate(BufferAllocator allocator, long bytes, String operator) {
    try {
      return allocator.buffer(bytes);
    } catch (OutOfMemoryException e) {
      throw refused(allocator, bytes, operator, e);
    }
  }

  /** The error for an allocation the memory limit refused, also one made inside Arrow's vectors. */
  static SparkException refused(BufferAllocator allocator, OutOfMemoryException cause, String operator) {
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
            + " bytes allows (" + allocator.getAllocatedMemory() + " bytes in use); raise the limit.",
        cause);
  }
}
