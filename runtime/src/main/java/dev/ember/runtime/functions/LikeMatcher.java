package dev.ember.runtime.functions;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * A LIKE pattern (or the literal of startswith, endswith or contains) compiled once and matched
 * against UTF-8 bytes, on the heap or in Arrow memory, without decoding them. A pattern of literal text
 * and {@code %} is a prefix, a suffix and middle segments found in order, each at its leftmost place:
 * UTF-8 is self-synchronizing, so a valid UTF-8 segment found in the bytes of a valid UTF-8 value starts
 * at a character, and byte matching equals character matching. A pattern with {@code _} must count
 * characters; it falls back to the regular expression on the decoded value, as {@link RegexFunctions}
 * matches. Immutable and allocation-free per value (except that fallback), so one instance may serve
 * any number of kernels and threads.
 */
public final class LikeMatcher {
  private static final byte[] EMPTY = new byte[0];
  /** Reads eight bytes of a segment in the order {@link MemoryUtil#getLong} reads memory. */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final byte[] prefix;
  private final byte[][] middle;
  private final byte[] suffix;
  /** No {@code %}: the value must be exactly the prefix. */
  private final boolean whole;
  /** Set when the pattern has {@code _}; then the segments are unused. */
  private final Pattern regex;
  private final String description;

  private LikeMatcher(byte[] prefix, byte[][] middle, byte[] suffix, boolean whole, Pattern regex,
      String description) {
    this.prefix = prefix;
    this.middle = middle;
    this.suffix = suffix;
    this.whole = whole;
    this.regex = regex;
    this.description = description;
  }

  /** SQL LIKE with the default escape character, the backslash. */
  public static LikeMatcher like(String pattern) {
    return like(pattern, "\\");
  }

  /**
   * SQL LIKE with {@code escape} (one character); throws Spark's INVALID_ESCAPE_CHAR or
   * INVALID_FORMAT errors for a misused escape character, as {@link RegexFunctions#like} does.
   */
  public static LikeMatcher like(String pattern, String escape) {
    Objects.requireNonNull(pattern, "pattern is null");
    Objects.requireNonNull(escape, "escape is null");
    String description = "LIKE '" + pattern + "' ESCAPE '" + escape + "'";
    List<String> segments = LikePatterns.literalSegments(pattern, escape);
    if (segments == null) {
      return new LikeMatcher(EMPTY, new byte[0][], EMPTY, false, LikePatterns.compile(pattern, escape),
          description);
    }
    if (segments.size() == 1) {
      return new LikeMatcher(utf8(segments.get(0)), new byte[0][], EMPTY, true, null, description);
    }
    byte[][] middle = segments.subList(1, segments.size() - 1).stream()
        .filter(segment -> !segment.isEmpty()).map(LikeMatcher::utf8).toArray(byte[][]::new);
    return new LikeMatcher(utf8(segments.get(0)), middle, utf8(segments.get(segments.size() - 1)), false, null,
        description);
  }

  /** Values starting with {@code prefix} (UTF-8 text or binary). */
  public static LikeMatcher startsWith(byte[] prefix) {
    Objects.requireNonNull(prefix, "prefix is null");
    return new LikeMatcher(prefix.clone(), new byte[0][], EMPTY, false, null, "startswith " + shown(prefix));
  }

  /** Values ending with {@code suffix} (UTF-8 text or binary). */
  public static LikeMatcher endsWith(byte[] suffix) {
    Objects.requireNonNull(suffix, "suffix is null");
    return new LikeMatcher(EMPTY, new byte[0][], suffix.clone(), false, null, "endswith " + shown(suffix));
  }

  /** Values containing {@code part} (UTF-8 text or binary). */
  public static LikeMatcher contains(byte[] part) {
    Objects.requireNonNull(part, "part is null");
    byte[][] middle = part.length == 0 ? new byte[0][] : new byte[][] {part.clone()};
    return new LikeMatcher(EMPTY, middle, EMPTY, false, null, "contains " + shown(part));
  }

  /** Whether the UTF-8 (or binary) {@code value} matches. */
  public boolean matches(byte[] value) {
    if (regex != null) {
      return regex.matcher(new String(value, StandardCharsets.UTF_8)).matches();
    }
    int length = value.length;
    if (whole) {
      return Arrays.equals(value, prefix);
    }
    if (length < prefix.length + suffix.length
        || !Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length)
        || !Arrays.equals(value, length - suffix.length, length, suffix, 0, suffix.length)) {
      return false;
    }
    int from = prefix.length;
    int end = length - suffix.length;
    for (byte[] segment : middle) {
      int found = indexOf(value, from, end, segment);
      if (found < 0) {
        return false;
      }
      from = found + segment.length;
    }
    return true;
  }

  /** Whether the {@code length} UTF-8 (or binary) bytes at {@code address} (Arrow memory) match. */
  public boolean matches(long address, int length) {
    if (regex != null) {
      byte[] value = new byte[length];
      MemoryUtil.copyFromMemory(address, value, 0, length);
      return regex.matcher(new String(value, StandardCharsets.UTF_8)).matches();
    }
    if (whole) {
      return length == prefix.length && equalAt(address, 0, prefix);
    }
    if (length < prefix.length + suffix.length || !equalAt(address, 0, prefix)
        || !equalAt(address, length - suffix.length, suffix)) {
      return false;
    }
    int from = prefix.length;
    int end = length - suffix.length;
    for (byte[] segment : middle) {
      int found = indexOf(address, from, end, segment);
      if (found < 0) {
        return false;
      }
      from = found + segment.length;
    }
    return true;
  }

  /** The first place at or after {@code from} where {@code segment} (not empty) ends by {@code end}, or -1. */
  private static int indexOf(byte[] value, int from, int end, byte[] segment) {
    byte first = segment[0];
    int last = end - segment.length;
    for (int i = from; i <= last; i++) {
      if (value[i] == first && Arrays.equals(value, i + 1, i + segment.length, segment, 1, segment.length)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(long address, int from, int end, byte[] segment) {
    byte first = segment[0];
    int last = end - segment.length;
    int i = from;
    if (LITTLE_ENDIAN) {
      // Eight bytes at a time: a word's bytes equal to the first byte of the segment are found with
      // the zero-byte test of word ^ (first repeated). It may also flag a byte above a true match
      // (never below one), and little-endian order puts the lowest address in the lowest bits, so the
      // candidates are tried leftmost first and each is checked in full.
      long repeated = (first & 0xFFL) * ONES;
      for (; i <= last && i + Long.BYTES <= end; i += Long.BYTES) {
        long word = MemoryUtil.getLong(address + i) ^ repeated;
        long candidates = (word - ONES) & ~word & HIGH_BITS;
        while (candidates != 0) {
          int candidate = i + (Long.numberOfTrailingZeros(candidates) >>> 3);
          if (candidate > last) {
            return -1;
          }
          if (equalAt(address, candidate, segment)) {
            return candidate;
          }
          candidates &= candidates - 1;
        }
      }
    }
    for (; i <= last; i++) {
      if (MemoryUtil.getByte(address + i) == first && equalAt(address, i, segment)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the bytes at {@code address + offset} are {@code segment}; the caller checked the length. */
  private static boolean equalAt(long address, int offset, byte[] segment) {
    long start = address + offset;
    int length = segment.length;
    int i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      if (MemoryUtil.getLong(start + i) != nativeLong(segment, i)) {
        return false;
      }
    }
    for (; i < length; i++) {
      if (MemoryUtil.getByte(start + i) != segment[i]) {
        return false;
      }
    }
    return true;
  }

  private static long nativeLong(byte[] bytes, int offset) {
    return (long) LONGS.get(bytes, offset);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String shown(byte[] bytes) {
    return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
  }

  /** The pattern as written, for generated code's comments and plans. */
  @Override
  public String toString() {
    return description;
  }
}
