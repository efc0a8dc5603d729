package dev.ember.runtime.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Decimal sums and averages kept in a long while they fit: results, overflow errors and nulls equal
 * the 128-bit path's, including sums that cross the long range and come back.
 */
class LongDecimalSumsTest {
  private static final DecimalType INPUT_18 = new DecimalType(18, 0);
  /** Spark's sum of decimal(8, 0) is decimal(18, 0): a bound (10^18) below 2^63, checked in the long path. */
  private static final DecimalType INPUT_8 = new DecimalType(8, 0);

  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static List<AccumulatorSpec> sumAndAverage(DecimalType input) {
    return List.of(
        new AccumulatorSpec(AccumulatorKind.SUM_DECIMAL, input, new DecimalType(input.precision() + 10, 0)),
        new AccumulatorSpec(AccumulatorKind.AVG_DECIMAL, input, new DecimalType(38, 4)));
  }

  /**
   * Sums and averages {@code values[partition]} grouped by key {@code i % groups}, one table per
   * partition, on the long fast path or (with {@code int128}) on the 128-bit path only.
   */
  private List<List<Object>> aggregate(boolean ansi, boolean int128, DecimalType input, int groups, long[]... values) {
    List<AccumulatorSpec> accumulators = sumAndAverage(input);
    StructType schema = new StructType().add("k", DataTypes.IntegerType)
        .add("s", accumulators.get(0).resultType()).add("a", accumulators.get(1).resultType());
    HashAggregateSink sink = new HashAggregateSink(
        new AggregationSpec(List.of(DataTypes.IntegerType), accumulators), schema, ansi);
    List<SinkPartition> tables = new ArrayList<>();
    try {
      for (int partition = 0; partition < values.length; partition++) {
        HashAggregationTable table = newTable(sink, int128);
        tables.add(table);
        table.beginMorsel(partition);
        for (int i = 0; i < values[partition].length; i++) {
          long value = values[partition][i];
          int group = table.findOrInsertGroup((i % groups) & 0xFFFFFFFFL, 0, 0);
          table.sumDecimal(group, 0, value, value >> 63);
          table.avgDecimal(group, 1, value, value >> 63);
        }
      }
    } catch (RuntimeException e) {
      tables.forEach(SinkPartition::close);
      throw e;
    }
    try (QueryResult result = QueryResult.drain(sink.finish(tables, allocator), allocator)) {
      List<List<Object>> rows = new ArrayList<>();
      for (ColumnBatch batch : result.batches()) {
        for (int row = 0; row < batch.rowCount(); row++) {
          List<Object> values1 = new ArrayList<>();
          for (FieldVector vector : batch.vectors()) {
            values1.add(vector.getObject(row));
          }
          rows.add(values1);
        }
      }
      return rows;
    }
  }

  private HashAggregationTable newTable(HashAggregateSink sink, boolean int128) {
    if (!int128) {
      return sink.createPartition(allocator);
    }
    System.setProperty(HashAggregationTable.INT128_SUMS_PROPERTY, "true");
    try {
      return sink.createPartition(allocator);
    } finally {
      System.clearProperty(HashAggregationTable.INT128_SUMS_PROPERTY);
    }
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private static long[] repeat(long value, int times) {
    long[] values = new long[times];
    Arrays.fill(values, value);
    return values;
  }

  private static long[] concat(long[]... parts) {
    return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
  }

  @Test
  void sumsCrossTheLongRangeBothWaysAndComeBack() {
    long big = 900_000_000_000_000_000L;
    // 20 × 9e17 = 1.8e19 (above 2^63), then back to 0, then 20 × -9e17 (below -2^63), then back up.
    long[] values = concat(repeat(big, 20), repeat(-big, 20), repeat(-big, 20), repeat(big, 19), new long[] {7});
    List<List<Object>> rows = aggregate(true, false, INPUT_18, 1, values);
    BigDecimal sum = new BigDecimal(7 - big);
    assertEquals(List.of(row(0, sum, sum.divide(BigDecimal.valueOf(80)).setScale(4, RoundingMode.HALF_UP))), rows);
    assertEquals(aggregate(true, true, INPUT_18, 1, values), rows);
    // The peak itself is exact.
    BigDecimal peak = new BigDecimal(BigInteger.valueOf(big).multiply(BigInteger.valueOf(20)));
    assertEquals(peak, aggregate(true, false, INPUT_18, 1, repeat(big, 20)).get(0).get(1));
    assertEquals(peak.negate(), aggregate(true, false, INPUT_18, 1, repeat(-big, 20)).get(0).get(1));
  }

  @Test
  void randomSumsEqualThe128BitPathAcrossPartitions() {
    SplittableRandom random = new SplittableRandom(5);
    long[][] partitions = new long[3][];
    for (int partition = 0; partition < partitions.length; partition++) {
      partitions[partition] = new long[5000];
      for (int i = 0; i < partitions[partition].length; i++) {
        partitions[partition][i] = random.nextInt(4) == 0
            ? random.nextLong(-999_999_999_999_999_999L, 999_999_999_999_999_999L)
            : random.nextLong(-1_000_000, 1_000_000);
      }
    }
    List<List<Object>> rows = aggregate(true, false, INPUT_18, 7, partitions);
    assertEquals(7, rows.size());
    assertEquals(aggregate(true, true, INPUT_18, 7, partitions), rows);
  }

  @Test
  void aSumLeavingAPrecisionBelowTheLongRangeFailsUnderAnsi() {
    long half = 500_000_000_000_000_000L;
    // 999..9 (18 digits) fits decimal(18, 0); one more does not.
    List<List<Object>> fits = aggregate(true, false, INPUT_8, 1, new long[] {half, half - 1});
    assertEquals(new BigDecimal(2 * half - 1), fits.get(0).get(1));
    for (long sign : new long[] {1, -1}) {
      SparkException error = assertThrows(SparkException.class,
          () -> aggregate(true, false, INPUT_8, 1, new long[] {sign * half, sign * half}));
      assertEquals("ARITHMETIC_OVERFLOW", error.getCondition());
      assertEquals("[ARITHMETIC_OVERFLOW] Overflow in sum of decimals. Use 'try_sum' to tolerate overflow and return "
          + "NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003",
          error.getMessage());
    }
  }

  @Test
  void withoutAnsiAnOverflowedSumStaysNullAndOtherGroupsAreKept() {
    long half = 500_000_000_000_000_000L;
    // Group 0 overflows decimal(18, 0) and comes back in range: still null, as in Spark. Group 1 is fine.
    long[] values = {half, 3, half, 4, -half, 5};
    List<List<Object>> rows = aggregate(false, false, INPUT_8, 2, values);
    assertEquals(List.of(row(0, null, null), row(1, new BigDecimal(12), new BigDecimal("4.0000"))), rows);
    assertEquals(aggregate(false, true, INPUT_8, 2, values), rows);
    // Overflowed in one partition, merged with a partition in range.
    List<List<Object>> merged = aggregate(false, false, INPUT_8, 1, new long[] {half, half}, new long[] {1});
    assertEquals(List.of(row(0, null, null)), merged);
  }
}
