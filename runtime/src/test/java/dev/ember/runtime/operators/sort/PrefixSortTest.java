package dev.ember.runtime.operators.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The prefix sort must give exactly the permutation of the stable comparator sort it replaces, for
 * every key type, direction and null placement, and its prefixes must never contradict the keys.
 */
class PrefixSortTest {
  static final StructType SCHEMA = new StructType()
      .add("wideLong", DataTypes.LongType)
      .add("narrowLong", DataTypes.LongType)
      .add("int", DataTypes.IntegerType)
      .add("short", DataTypes.ShortType)
      .add("byte", DataTypes.ByteType)
      .add("boolean", DataTypes.BooleanType)
      .add("date", DataTypes.DateType)
      .add("timestamp", DataTypes.TimestampType)
      .add("double", DataTypes.DoubleType)
      .add("float", DataTypes.FloatType)
      .add("decimal", DataTypes.createDecimalType(10, 2))
      .add("wideDecimal", DataTypes.createDecimalType(38, 0))
      .add("narrowDecimal38", DataTypes.createDecimalType(38, 2))
      .add("string", DataTypes.StringType)
      .add("binary", DataTypes.BinaryType)
      .add("void", DataTypes.NullType)
      .add("constant", DataTypes.LongType)
      .add("manyStrings", DataTypes.StringType);
  private static final int BATCHES = 3;
  private static final int BATCH_ROWS = 2000;
  private static final long[] LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1, Long.MIN_VALUE + 1, 42};
  private static final double[] DOUBLES = {Double.NaN, -0.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
      Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.5, -1.5,
      Double.longBitsToDouble(0x7ff8000000000123L), Double.longBitsToDouble(0xfff8000000000000L)};
  private static final String[] STRINGS = {"", "a", "a\u0000", "a\u0000\u0000", "abcdefgh", "abcdefghi",
      "abcdefgh\u0000", "abcdefg", "é", "\u0000", "zzzzzzzzzzzzzzzz", "abcdefgha"};
  private static final BigInteger[] WIDE = {BigInteger.TEN.pow(37), BigInteger.TEN.pow(37).negate(),
      BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE),
      BigInteger.valueOf(Long.MIN_VALUE), BigInteger.ZERO, BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).add(
      BigInteger.ONE)};

  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void everyTypeDirectionAndNullPlacementSortsLikeTheComparator() {
    for (boolean withNulls : new boolean[] {true, false}) {
      List<ColumnBatch> batches = randomBatches(new Random(withNulls ? 7 : 8), withNulls);
      try {
        for (int column = 0; column < SCHEMA.length(); column++) {
          for (boolean ascending : new boolean[] {true, false}) {
            for (boolean nullsFirst : new boolean[] {true, false}) {
              assertSameOrder(batches, List.of(new SortKey(column, ascending, nullsFirst)));
            }
          }
        }
      } finally {
        batches.forEach(ColumnBatch::close);
      }
    }
  }

  @Test
  void combinationsOfKeysSortLikeTheComparator() {
    Random random = new Random(11);
    List<ColumnBatch> batches = randomBatches(random, true);
    try {
      for (int combination = 0; combination < 200; combination++) {
        List<SortKey> keys = new ArrayList<>();
        int keyCount = 1 + random.nextInt(4);
        for (int k = 0; k < keyCount; k++) {
          keys.add(new SortKey(random.nextInt(SCHEMA.length()), random.nextBoolean(), random.nextBoolean()));
        }
        assertSameOrder(batches, keys);
      }
    } finally {
      batches.forEach(ColumnBatch::close);
    }
  }

  @Test
  void narrowKeysShareOnePrefixAndDecideEverything() {
    Random random = new Random(3);
    List<ColumnBatch> batches = randomBatches(random, false);
    List<SortKey> keys = List.of(new SortKey(6, true, true), new SortKey(5, false, true), new SortKey(4, true, false),
        new SortKey(10, false, true), new SortKey(16, true, true));
    SortColumn[] columns = extract(batches, keys);
    try (KeyPrefixes prefixes = KeyPrefixes.of(columns, BATCHES * BATCH_ROWS, allocator, "test sort")) {
      assertEquals(keys.size(), prefixes.decidedKeys(), "date, boolean, byte, decimal(10,2) and a constant fit 64 bits");
    } finally {
      closeAll(columns);
      batches.forEach(ColumnBatch::close);
    }
    assertSameOrderAndClose(randomBatches(new Random(3), false), keys);
  }

  @Test
  void aStringKeyWithManyValuesLeavesTheRestToTheComparatorOneWithFewIsRanked() {
    List<ColumnBatch> batches = randomBatches(new Random(5), true);
    List<SortKey> manyFirst = List.of(new SortKey(17, true, true), new SortKey(2, false, false));
    List<SortKey> fewFirst = List.of(new SortKey(13, false, true), new SortKey(2, false, false));
    SortColumn[] many = extract(batches, manyFirst);
    SortColumn[] few = extract(batches, fewFirst);
    try (KeyPrefixes manyPrefixes = KeyPrefixes.of(many, BATCHES * BATCH_ROWS, allocator, "test sort");
        KeyPrefixes fewPrefixes = KeyPrefixes.of(few, BATCHES * BATCH_ROWS, allocator, "test sort")) {
      assertEquals(0, manyPrefixes.decidedKeys());
      assertEquals(2, fewPrefixes.decidedKeys());
    } finally {
      closeAll(many);
      closeAll(few);
      batches.forEach(ColumnBatch::close);
    }
  }

  @Test
  void noRowsAndOneRowSort() {
    for (int rows : new int[] {0, 1}) {
      List<ColumnBatch> batches = List.of(batch(new Random(1), true, rows));
      assertSameOrderAndClose(batches, List.of(new SortKey(0, true, true), new SortKey(13, false, false)));
    }
  }

  private void assertSameOrderAndClose(List<ColumnBatch> batches, List<SortKey> keys) {
    try {
      assertSameOrder(batches, keys);
    } finally {
      batches.forEach(ColumnBatch::close);
    }
  }

  /** The prefix sort's permutation equals the stable comparator sort's, and the prefixes agree with the keys. */
  private void assertSameOrder(List<ColumnBatch> batches, List<SortKey> keys) {
    int rowCount = 0;
    for (ColumnBatch batch : batches) {
      rowCount += batch.rowCount();
    }
    SortColumn[] columns = extract(batches, keys);
    try (ArrowBuf expected = StableIndexSort.identity(rowCount, allocator, "test sort");
        ArrowBuf actual = PrefixSort.order(columns, rowCount, false, allocator, "test sort");
        ArrowBuf inTwoHalves = PrefixSort.order(columns, rowCount, true, allocator, "test sort");
        KeyPrefixes prefixes = KeyPrefixes.of(columns, rowCount, allocator, "test sort")) {
      RowComparator comparator = RowComparator.byColumns(columns);
      new StableIndexSort(comparator).sort(expected, rowCount, allocator, "test sort");
      SortColumn[] decided = java.util.Arrays.copyOf(columns, prefixes.decidedKeys());
      RowComparator byDecided = RowComparator.byColumns(decided);
      for (int row = 0; row < rowCount; row++) {
        int i = row;
        int expectedRow = MemoryUtil.getInt(expected.memoryAddress() + 4L * i);
        int actualRow = MemoryUtil.getInt(actual.memoryAddress() + 4L * i);
        assertEquals(expectedRow, actualRow, () -> "row at sorted position " + i + " for keys " + keys);
        assertEquals(expectedRow, MemoryUtil.getInt(inTwoHalves.memoryAddress() + 4L * i),
            () -> "row at sorted position " + i + " sorting in two halves, for keys " + keys);
        if (i > 0) {
          int previous = MemoryUtil.getInt(expected.memoryAddress() + 4L * (i - 1));
          int byPrefix = Long.compareUnsigned(prefixes.prefix(previous), prefixes.prefix(expectedRow));
          assertTrue(byPrefix <= 0, () -> "prefixes out of order at position " + i + " for keys " + keys);
          // Rows the decided keys tell apart have different prefixes; rows equal in all keys, equal ones.
          int byKeys = byDecided.compare(previous, expectedRow);
          if (byKeys != 0 || decided.length == columns.length) {
            assertEquals(Integer.signum(byKeys), byPrefix,
                () -> "prefix disagrees with the decided keys at position " + i + " for keys " + keys);
          }
        }
      }
    } finally {
      closeAll(columns);
    }
  }

  private SortColumn[] extract(List<ColumnBatch> batches, List<SortKey> keys) {
    int rowCount = 0;
    for (ColumnBatch batch : batches) {
      rowCount += batch.rowCount();
    }
    SortColumn[] columns = new SortColumn[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      columns[k] = SortColumn.extract(batches, rowCount, keys.get(k), allocator, "test sort");
    }
    return columns;
  }

  private static void closeAll(SortColumn[] columns) {
    for (SortColumn column : columns) {
      column.close();
    }
  }

  private List<ColumnBatch> randomBatches(Random random, boolean withNulls) {
    List<ColumnBatch> batches = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      batches.add(batch(random, withNulls, BATCH_ROWS));
    }
    return batches;
  }

  private ColumnBatch batch(Random random, boolean withNulls, int rows) {
    return randomBatch(allocator, random, withNulls, rows);
  }

  /** Rows of {@link #SCHEMA}: every sortable type, with extremes, ties and (optionally) nulls. */
  static ColumnBatch randomBatch(BufferAllocator allocator, Random random, boolean withNulls, int rows) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, rows);
    for (int column = 0; column < vectors.size(); column++) {
      FieldVector vector = vectors.get(column);
      for (int row = 0; row < rows; row++) {
        if (vector instanceof NullVector) {
          continue;
        }
        if (withNulls && random.nextInt(10) == 0) {
          vector.setNull(row);
          continue;
        }
        set(vector, column, row, random);
      }
      vector.setValueCount(rows);
    }
    return new ColumnBatch(SCHEMA, vectors, rows);
  }

  /** Values with many ties, the types' extremes and the special cases of each ordering. */
  private static void set(FieldVector vector, int column, int row, Random random) {
    boolean special = random.nextInt(4) == 0;
    if (vector instanceof BigIntVector v) {
      long value = switch (column) {
        case 0 -> special ? LONGS[random.nextInt(LONGS.length)] : random.nextLong();
        case 1 -> Long.MAX_VALUE - random.nextInt(3000);
        default -> 1234567L;
      };
      v.setSafe(row, value);
    } else if (vector instanceof IntVector v) {
      v.setSafe(row, special ? (random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE) : random.nextInt(50) - 25);
    } else if (vector instanceof SmallIntVector v) {
      v.setSafe(row, special ? Short.MIN_VALUE : random.nextInt(Short.MAX_VALUE));
    } else if (vector instanceof TinyIntVector v) {
      v.setSafe(row, random.nextInt(256) - 128);
    } else if (vector instanceof BitVector v) {
      v.setSafe(row, random.nextInt(2));
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(row, 8000 + random.nextInt(2406));
    } else if (vector instanceof TimeStampVector v) {
      v.setSafe(row, special ? -random.nextLong(1L << 50) : random.nextLong(1L << 52));
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(row, special ? DOUBLES[random.nextInt(DOUBLES.length)] : random.nextInt(20) / 4.0 - 2);
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(row, special ? (float) DOUBLES[random.nextInt(DOUBLES.length)] : random.nextFloat() * 4 - 2);
    } else if (vector instanceof DecimalVector v) {
      BigInteger unscaled = switch (column) {
        case 10 -> BigInteger.valueOf(random.nextLong(10_000_000_000L) - 5_000_000_000L);
        case 11 -> special ? WIDE[random.nextInt(WIDE.length)] : new BigInteger(120, random).subtract(
            BigInteger.ONE.shiftLeft(119));
        default -> BigInteger.valueOf(random.nextInt(1000) - 500);
      };
      v.setSafe(row, new BigDecimal(unscaled, v.getScale()));
    } else if (vector instanceof VarCharVector v && column == 13) {
      v.setSafe(row, randomString(random, special).getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarCharVector v) {
      // More distinct values than the prefixes rank, sharing long prefixes.
      String text = special && random.nextInt(4) == 0 ? STRINGS[random.nextInt(STRINGS.length)]
          : "abcdefg" + Long.toString(random.nextLong(1L << 40), 36) + (random.nextBoolean() ? "\u0000" : "");
      v.setSafe(row, text.getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector v) {
      byte[] bytes = new byte[random.nextInt(11)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (random.nextInt(3) == 0 ? 0 : random.nextBoolean() ? 0xFF : 0x7F + random.nextInt(3));
      }
      v.setSafe(row, bytes);
    } else {
      throw new IllegalArgumentException("no test values for " + vector.getField());
    }
  }

  private static String randomString(Random random, boolean special) {
    if (special) {
      return STRINGS[random.nextInt(STRINGS.length)];
    }
    StringBuilder text = new StringBuilder("abcdef");
    int length = random.nextInt(6);
    for (int i = 0; i < length; i++) {
      text.append("ab\u0000é".charAt(random.nextInt(4)));
    }
    return text.toString();
  }
}
