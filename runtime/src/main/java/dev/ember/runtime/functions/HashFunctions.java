package dev.ember.runtime.functions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Spark's hash functions: {@code hash} (Murmur3 x86_32) and {@code xxhash64} over any number of
 * values of any atomic types, chained from seed 42 with nulls skipped; digests of binaries as
 * lower-case hex ({@code md5}, {@code sha1}, {@code sha2}) and {@code crc32}.
 *
 * <p>How Spark feeds a value to the hash, which these follow bit for bit: booleans, bytes, shorts,
 * ints and dates as a 4-byte int (true is 1); longs and timestamps as 8 bytes; a float or double by its
 * bits, with -0.0 hashed as 0.0 and every NaN as the canonical NaN; a decimal of precision up to 18 as
 * its unscaled long, a wider one as the big-endian two's-complement bytes of its unscaled value;
 * strings as UTF-8 bytes; binaries as they are.
 */
public final class HashFunctions {
  /** The seed Spark starts both column hashes with. */
  public static final int SEED = 42;
  private static final int MAX_LONG_DIGITS = 18;

  private HashFunctions() {}

  /** {@code hash(values...)}: {@code types[i]} is the type of {@code values[i]}; a null value leaves the hash as it is. */
  public static int hash(DataType[] types, Object[] values) {
    int hash = SEED;
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        continue;
      }
      Object normalized = normalized(value, types[i]);
      if (normalized instanceof Integer number) {
        hash = Murmur3Hash.hashInt(number, hash);
      } else if (normalized instanceof Long number) {
        hash = Murmur3Hash.hashLong(number, hash);
      } else {
        hash = Murmur3Hash.hashBytes((byte[]) normalized, hash);
      }
    }
    return hash;
  }

  /** {@code xxhash64(values...)}: as {@link #hash}, with XXH64. */
  public static long xxhash64(DataType[] types, Object[] values) {
    long hash = SEED;
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        continue;
      }
      Object normalized = normalized(value, types[i]);
      if (normalized instanceof Integer number) {
        hash = XxHash64.hashInt(number, hash);
      } else if (normalized instanceof Long number) {
        hash = XxHash64.hashLong(number, hash);
      } else {
        hash = XxHash64.hashBytes((byte[]) normalized, hash);
      }
    }
    return hash;
  }

  /** The value as the Integer, Long or byte[] Spark hashes for it. */
  private static Object normalized(Object value, DataType type) {
    if (value instanceof Integer || value instanceof Long || value instanceof byte[]) {
      return value;
    } else if (value instanceof Boolean flag) {
      return flag ? 1 : 0;
    } else if (value instanceof Byte || value instanceof Short) {
      return ((Number) value).intValue();
    } else if (value instanceof Float number) {
      // Adding 0.0 turns -0.0 into 0.0; the bit conversions collapse every NaN into one.
      return Float.floatToIntBits(number + 0.0f);
    } else if (value instanceof Double number) {
      return Double.doubleToLongBits(number + 0.0d);
    } else if (value instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    } else if (value instanceof BigDecimal decimal) {
      return decimalValue(decimal, type);
    }
    throw new IllegalArgumentException("cannot hash values of type " + type.simpleString());
  }

  private static Object decimalValue(BigDecimal decimal, DataType type) {
    if (!(type instanceof DecimalType decimalType)) {
      throw new IllegalArgumentException("a decimal value must come with a decimal type, not " + type.simpleString());
    }
    BigDecimal scaled = decimal.setScale(decimalType.scale());
    return decimalType.precision() <= MAX_LONG_DIGITS
        ? (Object) scaled.unscaledValue().longValue()
        : scaled.unscaledValue().toByteArray();
  }

  public static String md5(byte[] input) {
    return hexDigest("MD5", input);
  }

  public static String sha1(byte[] input) {
    return hexDigest("SHA-1", input);
  }

  /** SHA-2 with 224, 256 (also written 0), 384 or 512 bits; any other length gives null, as in Spark. */
  public static String sha2(byte[] input, int bits) {
    return switch (bits) {
      case 0, 256 -> hexDigest("SHA-256", input);
      case 224 -> hexDigest("SHA-224", input);
      case 384 -> hexDigest("SHA-384", input);
      case 512 -> hexDigest("SHA-512", input);
      default -> null;
    };
  }

  public static long crc32(byte[] input) {
    CRC32 checksum = new CRC32();
    checksum.update(input);
    return checksum.getValue();
  }

  private static String hexDigest(String algorithm, byte[] input) {
    try {
      // A new digest per call: MessageDigest is not thread-safe and kernels run on several threads.
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(input));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no " + algorithm + " digest, which every Java 17 runtime must have", e);
    }
  }
}
