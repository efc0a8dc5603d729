package dev.ember.runtime.functions;

import java.nio.ByteBuffer;

/**
 * The random number generator behind Spark's {@code rand(seed)} and {@code randn(seed)}: an
 * xorshift generator whose 64-bit state is the seed scrambled by MurmurHash3 (Scala's byte-array
 * variant), with {@code java.util.Random}'s algorithms for doubles and Gaussians on top. Spark seeds
 * one per partition with {@code seed + partitionIndex}; the same seed gives Spark's sequence.
 * Not thread-safe: one per kernel.
 */
public final class SparkRandom {
  private static final int MURMUR_ARRAY_SEED = 0x3c074a61;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;
  private double nextNextGaussian;
  private boolean haveNextNextGaussian;

  public SparkRandom(long seed) {
    this.state = scramble(seed);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (((long) next(26) << 27) + next(27)) * DOUBLE_UNIT;
  }

  /** Standard normal, by the polar method, two values per round as java.util.Random does. */
  public double nextGaussian() {
    if (haveNextNextGaussian) {
      haveNextNextGaussian = false;
      return nextNextGaussian;
    }
    double v1;
    double v2;
    double s;
    do {
      v1 = 2 * nextDouble() - 1;
      v2 = 2 * nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    nextNextGaussian = v2 * multiplier;
    haveNextNextGaussian = true;
    return v1 * multiplier;
  }

  private int next(int bits) {
    long next = state ^ (state << 21);
    next ^= next >>> 35;
    next ^= next << 4;
    state = next;
    return (int) (next & ((1L << bits) - 1));
  }

  private static long scramble(long seed) {
    byte[] bytes = ByteBuffer.allocate(Long.BYTES).putLong(seed).array();
    int low = murmurHash(bytes, MURMUR_ARRAY_SEED);
    int high = murmurHash(bytes, low);
    return ((long) high << 32) | (low & 0xFFFFFFFFL);
  }

  /** MurmurHash3 x86 32-bit over whole little-endian words and a tail, as Scala's bytesHash. */
  private static int murmurHash(byte[] data, int seed) {
    int hash = seed;
    int offset = 0;
    int remaining = data.length;
    while (remaining >= 4) {
      int word = (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16
          | (data[offset + 3] & 0xFF) << 24;
      hash = mix(hash, word);
      offset += 4;
      remaining -= 4;
    }
    int tail = 0;
    if (remaining == 3) {
      tail ^= (data[offset + 2] & 0xFF) << 16;
    }
    if (remaining >= 2) {
      tail ^= (data[offset + 1] & 0xFF) << 8;
    }
    if (remaining >= 1) {
      tail ^= data[offset] & 0xFF;
      hash ^= mixWord(tail);
    }
    return avalanche(hash ^ data.length);
  }

  private static int mixWord(int word) {
    int k = word * 0xcc9e2d51;
    k = Integer.rotateLeft(k, 15);
    return k * 0x1b873593;
  }

  private static int mix(int hash, int word) {
    int h = hash ^ mixWord(word);
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  private static int avalanche(int hash) {
    int h = hash;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
