package dev.ember.runtime.functions;

/**
 * Murmur3 x86_32 as Spark's {@code hash} computes it, written from the published algorithm. Values
 * are hashed as little-endian 4-byte blocks; Spark's byte-array variant differs from the reference
 * algorithm in its tail: each trailing byte (sign-extended) is mixed in as a block of its own.
 * Every method takes the running hash as its seed, so column hashes chain.
 */
public final class Murmur3Hash {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3Hash() {}

  public static int hashInt(int value, int seed) {
    return finish(mixHash(seed, mixBlock(value)), 4);
  }

  public static int hashLong(long value, int seed) {
    int hash = mixHash(seed, mixBlock((int) value));
    hash = mixHash(hash, mixBlock((int) (value >>> 32)));
    return finish(hash, 8);
  }

  public static int hashBytes(byte[] bytes, int seed) {
    int alignedLength = bytes.length - bytes.length % 4;
    int hash = seed;
    for (int i = 0; i < alignedLength; i += 4) {
      int block = (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16
          | (bytes[i + 3] & 0xff) << 24;
      hash = mixHash(hash, mixBlock(block));
    }
    for (int i = alignedLength; i < bytes.length; i++) {
      hash = mixHash(hash, mixBlock(bytes[i]));
    }
    return finish(hash, bytes.length);
  }

  private static int mixBlock(int block) {
    return Integer.rotateLeft(block * C1, 15) * C2;
  }

  private static int mixHash(int hash, int mixedBlock) {
    return Integer.rotateLeft(hash ^ mixedBlock, 13) * 5 + 0xe6546b64;
  }

  private static int finish(int hash, int length) {
    int h = hash ^ length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
