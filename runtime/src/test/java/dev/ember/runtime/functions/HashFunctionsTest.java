package dev.ember.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Expected values were computed by Spark 4.2.0 ({@code SELECT hash(...), xxhash64(...)}). */
class HashFunctionsTest {
  private static int hash(DataType type, Object value) {
    return HashFunctions.hash(new DataType[] {type}, new Object[] {value});
  }

  private static long xxhash64(DataType type, Object value) {
    return HashFunctions.xxhash64(new DataType[] {type}, new Object[] {value});
  }

  @Test
  void murmur3OfIntegersBooleansAndFloatingPoint() {
    assertEquals(-559580957, hash(DataTypes.IntegerType, 1));
    assertEquals(-559580957, hash(DataTypes.ByteType, (byte) 1));
    assertEquals(-559580957, hash(DataTypes.ShortType, (short) 1));
    assertEquals(-559580957, hash(DataTypes.BooleanType, true));
    assertEquals(933211791, hash(DataTypes.BooleanType, false));
    assertEquals(-1712319331, hash(DataTypes.LongType, 1L));
    assertEquals(133916647, hash(DataTypes.IntegerType, Integer.MAX_VALUE));
    assertEquals(723455942, hash(DataTypes.IntegerType, Integer.MIN_VALUE));
    assertEquals(-1604625029, hash(DataTypes.LongType, Long.MAX_VALUE));
    assertEquals(-853646085, hash(DataTypes.LongType, Long.MIN_VALUE));
    assertEquals(-466301895, hash(DataTypes.FloatType, 1.0f));
    assertEquals(-460888942, hash(DataTypes.DoubleType, 1.0d));
    assertEquals(-1670924195, hash(DataTypes.DoubleType, 0.0d));
    assertEquals(-1670924195, hash(DataTypes.DoubleType, -0.0d));
    assertEquals(933211791, hash(DataTypes.FloatType, -0.0f));
    assertEquals(-1281358385, hash(DataTypes.DoubleType, Double.NaN));
    assertEquals(-1281358385, hash(DataTypes.DoubleType, Double.longBitsToDouble(0x7ff8000000000123L)));
    assertEquals(-349261430, hash(DataTypes.FloatType, Float.NaN));
    assertEquals(833680482, hash(DataTypes.DoubleType, Double.POSITIVE_INFINITY));
    assertEquals(-359479591, hash(DataTypes.DoubleType, 1e300));
  }

  @Test
  void murmur3OfStringsBinariesDatesAndTimestamps() {
    assertEquals(1322437556, hash(DataTypes.StringType, "abc"));
    assertEquals(142593372, hash(DataTypes.StringType, ""));
    assertEquals(-1441841057, hash(DataTypes.StringType, "é中😀"));
    assertEquals(-762180863, hash(DataTypes.StringType, "0123456789abcdefghijklmnopqrstuvwxyz0123456789"));
    assertEquals(1964783052, hash(DataTypes.BinaryType, new byte[] {1, 2}));
    assertEquals(142593372, hash(DataTypes.BinaryType, new byte[0]));
    assertEquals(-21057580, hash(DataTypes.DateType, (int) LocalDate.of(2024, 1, 2).toEpochDay()));
    assertEquals(-1224577211, hash(DataTypes.TimestampType, 1704164645123456L));
  }

  @Test
  void murmur3OfDecimalsUsesTheLongOrTheBytesByPrecision() {
    assertEquals(-18083236, hash(DataTypes.createDecimalType(2, 1), new BigDecimal("1.5")));
    assertEquals(-18083236, hash(DataTypes.createDecimalType(18, 1), new BigDecimal("1.5")));
    assertEquals(-357711666, hash(DataTypes.createDecimalType(19, 1), new BigDecimal("1.5")));
    assertEquals(-994477761, hash(DataTypes.createDecimalType(38, 10), new BigDecimal("1.5")));
    assertEquals(1831729871, hash(DataTypes.createDecimalType(38, 10), new BigDecimal("-1.5")));
    assertEquals(-2030013727, hash(DataTypes.createDecimalType(22, 2), new BigDecimal("12345678901234567890.12")));
    assertEquals(333635401, hash(DataTypes.createDecimalType(22, 2), new BigDecimal("-12345678901234567890.12")));
    assertEquals(-783713497, hash(DataTypes.createDecimalType(20, 0), BigDecimal.ZERO));
    assertEquals(1398487324, hash(DataTypes.createDecimalType(20, 0), BigDecimal.ONE.negate()));
  }

  @Test
  void severalValuesChainAndNullsAreSkipped() {
    DataType[] types = {DataTypes.IntegerType, DataTypes.StringType, DataTypes.DoubleType};
    assertEquals(389417474, HashFunctions.hash(types, new Object[] {1, "a", 2.5d}));
    DataType[] ints = {DataTypes.IntegerType, DataTypes.IntegerType, DataTypes.IntegerType};
    assertEquals(-222940379, HashFunctions.hash(ints, new Object[] {1, null, 2}));
    assertEquals(42, HashFunctions.hash(ints, new Object[] {null, null, null}));
    assertEquals(42L, HashFunctions.xxhash64(ints, new Object[] {null, null, null}));
    assertEquals(-6698625589789238999L, HashFunctions.xxhash64(ints, new Object[] {null, 1, null}));
    DataType[] mixed = {DataTypes.DoubleType, DataTypes.StringType, DataTypes.BooleanType};
    assertEquals(-941138188010190318L, HashFunctions.xxhash64(mixed, new Object[] {1.5d, "x", true}));
  }

  @Test
  void xxhash64OfEveryKind() {
    assertEquals(-6698625589789238999L, xxhash64(DataTypes.IntegerType, 1));
    assertEquals(-7001672635703045582L, xxhash64(DataTypes.LongType, 1L));
    assertEquals(1508894993788531228L, xxhash64(DataTypes.IntegerType, Integer.MAX_VALUE));
    assertEquals(2073849959933241805L, xxhash64(DataTypes.IntegerType, Integer.MIN_VALUE));
    assertEquals(-3246596055638297850L, xxhash64(DataTypes.LongType, Long.MAX_VALUE));
    assertEquals(1423657621850124518L, xxhash64(DataTypes.StringType, "abc"));
    assertEquals(-7444071767201028348L, xxhash64(DataTypes.StringType, ""));
    assertEquals(-6005510134063399970L, xxhash64(DataTypes.StringType, "é中😀"));
    assertEquals(5889172903367771565L,
        xxhash64(DataTypes.StringType, "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdef"));
    byte[] thirtyFour = new byte[34];
    for (int i = 0; i < thirtyFour.length; i++) {
      thirtyFour[i] = (byte) Integer.parseInt(String.valueOf(i + 1), 16);
    }
    assertEquals(-7147810010484530341L, xxhash64(DataTypes.BinaryType, thirtyFour));
    assertEquals(-3765538183238091397L, xxhash64(DataTypes.createDecimalType(38, 10), new BigDecimal("1.5")));
    assertEquals(-5252525462095825812L, xxhash64(DataTypes.DoubleType, -0.0d));
    assertEquals(-5252525462095825812L, xxhash64(DataTypes.DoubleType, 0.0d));
    assertEquals(-3127944061524951246L, xxhash64(DataTypes.DoubleType, Double.NaN));
    assertEquals(2483697508354006915L, xxhash64(DataTypes.DateType, (int) LocalDate.of(2024, 1, 2).toEpochDay()));
  }

  @Test
  void digestsAndChecksum() {
    byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
    assertEquals("900150983cd24fb0d6963f7d28e17f72", HashFunctions.md5(abc));
    assertEquals("93b885adfe0da089cdf634904fd59f71", HashFunctions.md5(new byte[] {0}));
    assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", HashFunctions.sha1(abc));
    String sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assertEquals(sha256, HashFunctions.sha2(abc, 256));
    assertEquals(sha256, HashFunctions.sha2(abc, 0));
    assertEquals("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7", HashFunctions.sha2(abc, 224));
    assertEquals(96, HashFunctions.sha2(abc, 384).length());
    assertEquals(128, HashFunctions.sha2(abc, 512).length());
    assertNull(HashFunctions.sha2(abc, 1));
    assertEquals(891568578L, HashFunctions.crc32(abc));
    assertEquals(0L, HashFunctions.crc32(new byte[0]));
  }
}
