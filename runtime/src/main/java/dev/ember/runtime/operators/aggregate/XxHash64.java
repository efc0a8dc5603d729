package dev.ember.runtime.operators.aggregate;

/**
 * The XXH64 hash (Yann Collet's published algorithm, little-endian) of ints, longs and byte strings,
 * as Spark's {@code xxhash64} and {@code approx_count_distinct} hash values.
 */
public final class XxHash64 {
  private static final long PRIME1 = 0x9E3779B185EBCA87L;
  private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
  private static final long PRIME3 = 0x165667B19E3779F9L;
  private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
  private static final long PRIME5 = 0x27D4EB2F165667C5L;

  private XxHash64() {}

  public static long hashInt(int value, long seed) {
    long hash = seed + PRIME5 + 4L;
    hash ^= (value & 0xFFFFFFFFL) * PRIME1;
    hash = Long.rotateLeft(hash, 23) * PRIME2 + PRIME3;
    return avalanche(hash);
  }

  public static long hashLong(long value, long seed) {
    long hash = seed + PRIME5 + 8L;
    hash ^= round(0, value);
    hash = Long.rotateLeft(hash, 27) * PRIME1 + PRIME4;
    return avalanche(hash);
  }

  public static long hashBytes(byte[] bytes, long seed) {
    int length = bytes.length;
    int offset = 0;
    long hash;
    if (length >= 32) {
      long v1 = seed + PRIME1 + PRIME2;
      long v2 = seed + PRIME2;
      long v3 = seed;
      long v4 = seed - PRIME1;
      for (; offset + 32 <= length; offset += 32) {
        v1 = round(v1, readLong(bytes, offset));
        v2 = round(v2, readLong(bytes, offset + 8));
        v3 = round(v3, readLong(bytes, offset + 16));
        v4 = round(v4, readLong(bytes, offset + 24));
      }
      hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
      hash = mergeRound(hash, v1);
      hash = mergeRound(hash, v2);
      hash = mergeRound(hash, v3);
      hash = mergeRound(hash, v4);
    } else {
      hash = seed + PRIME5;
    }
    hash += length;
    for (; offset + 8 <= length; offset += 8) {
      hash ^= round(0, readLong(bytes, offset));
      hash = Long.rotateLeft(hash, 27) * PRIME1 + PRIME4;
    }
    if (offset + 4 <= length) {
      hash ^= (readInt(bytes, offset) & 0xFFFFFFFFL) * PRIME1;
      hash = Long.rotateLeft(hash, 23) * PRIME2 + PRIME3;
      offset += 4;
    }
    for (; offset < length; offset++) {
      hash ^= (bytes[offset] & 0xFFL) * PRIME5;
      hash = Long.rotateLeft(hash, 11) * PRIME1;
    }
    return avalanche(hash);
  }

  private static long round(long accumulator, long input) {
    return Long.rotateLeft(accumulator + input * PRIME2, 31) * PRIME1;
  }

  private static long mergeRound(long hash, long value) {
    return (hash ^ round(0, value)) * PRIME1 + PRIME4;
  }

  private static long avalanche(long hash) {
    hash ^= hash >>> 33;
    hash *= PRIME2;
    hash ^= hash >>> 29;
    hash *= PRIME3;
    hash ^= hash >>> 32;
    return hash;
  }

  private static long readLong(byte[] bytes, int offset) {
    return (readInt(bytes, offset) & 0xFFFFFFFFL) | ((long) readInt(bytes, offset + 4) << 32);
  }

  private static int readInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16
        | (bytes[offset + 3] & 0xFF) << 24;
  }
}
