package dev.ember.runtime.functions;

/**
 * XXH64, written from the published specification, over little-endian values as Spark's
 * {@code xxhash64} reads them. Every method takes the running hash as its seed, so column hashes chain.
 */
public final class XxHash64 {
  private static final long PRIME1 = 0x9E3779B185EBCA87L;
  private static final long PRIME2 = 0xC2B2AE3D27D4EB4FL;
  private static final long PRIME3 = 0x165667B19E3779F9L;
  private static final long PRIME4 = 0x85EBCA77C2B2AE63L;
  private static final long PRIME5 = 0x27D4EB2F165667C5L;

  private XxHash64() {}

  public static long hashInt(int value, long seed) {
    return avalanche(mixInt(seed + PRIME5 + 4, value));
  }

  public static long hashLong(long value, long seed) {
    return avalanche(mixLong(seed + PRIME5 + 8, value));
  }

  public static long hashBytes(byte[] bytes, long seed) {
    int length = bytes.length;
    int position = 0;
    long hash;
    if (length >= 32) {
      long lane1 = seed + PRIME1 + PRIME2;
      long lane2 = seed + PRIME2;
      long lane3 = seed;
      long lane4 = seed - PRIME1;
      for (; position <= length - 32; position += 32) {
        lane1 = round(lane1, readLong(bytes, position));
        lane2 = round(lane2, readLong(bytes, position + 8));
        lane3 = round(lane3, readLong(bytes, position + 16));
        lane4 = round(lane4, readLong(bytes, position + 24));
      }
      hash = Long.rotateLeft(lane1, 1) + Long.rotateLeft(lane2, 7) + Long.rotateLeft(lane3, 12)
          + Long.rotateLeft(lane4, 18);
      hash = mergeLane(hash, lane1);
      hash = mergeLane(hash, lane2);
      hash = mergeLane(hash, lane3);
      hash = mergeLane(hash, lane4);
    } else {
      hash = seed + PRIME5;
    }
    hash += length;
    for (; position <= length - 8; position += 8) {
      hash = mixLong(hash, readLong(bytes, position));
    }
    if (position <= length - 4) {
      hash = mixInt(hash, readInt(bytes, position));
      position += 4;
    }
    for (; position < length; position++) {
      hash ^= (bytes[position] & 0xffL) * PRIME5;
      hash = Long.rotateLeft(hash, 11) * PRIME1;
    }
    return avalanche(hash);
  }

  private static long mixInt(long hash, int value) {
    long mixed = hash ^ (value & 0xffffffffL) * PRIME1;
    return Long.rotateLeft(mixed, 23) * PRIME2 + PRIME3;
  }

  private static long mixLong(long hash, long value) {
    long mixed = hash ^ round(0, value);
    return Long.rotateLeft(mixed, 27) * PRIME1 + PRIME4;
  }

  private static long round(long accumulator, long lane) {
    return Long.rotateLeft(accumulator + lane * PRIME2, 31) * PRIME1;
  }

  private static long mergeLane(long hash, long lane) {
    return (hash ^ round(0, lane)) * PRIME1 + PRIME4;
  }

  private static long avalanche(long hash) {
    long h = hash ^ hash >>> 33;
    h *= PRIME2;
    h ^= h >>> 29;
    h *= PRIME3;
    h ^= h >>> 32;
    return h;
  }

  private static long readLong(byte[] bytes, int at) {
    return (readInt(bytes, at) & 0xffffffffL) | (long) readInt(bytes, at + 4) << 32;
  }

  private static int readInt(byte[] bytes, int at) {
    return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
        | (bytes[at + 3] & 0xff) << 24;
  }
}
