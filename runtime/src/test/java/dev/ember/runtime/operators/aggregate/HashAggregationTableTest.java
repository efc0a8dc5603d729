package dev.ember.runtime.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives the table as generated code does, then checks the sink's output. Expected values were checked on Spark 4.2.0. */
class HashAggregationTableTest {
  private final BufferAllocator allocator = Allocators.newRoot();
  private final List<ArrowBuf> strings = new ArrayList<>();

  @AfterEach
  void closeAllocator() {
    strings.forEach(ArrowBuf::close);
    allocator.close();
  }

  /** An off-heap copy of {@code text}'s UTF-8 bytes, as a string column's data buffer would hold it. */
  private long[] offHeap(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ArrowBuf buffer = allocator.buffer(Math.max(1, bytes.length));
    buffer.setBytes(0, bytes);
    strings.add(buffer);
    return new long[] {buffer.memoryAddress(), bytes.length};
  }

  private static AccumulatorSpec spec(AccumulatorKind kind, DataType input, DataType result) {
    return new AccumulatorSpec(kind, input, result);
  }

  private static StructType schemaOf(List<DataType> types) {
    StructType schema = new StructType();
    for (int i = 0; i < types.size(); i++) {
      schema = schema.add("c" + i, types.get(i));
    }
    return schema;
  }

  /** Runs one partition per feeder, merges them through the sink and returns the output rows. */
  @SafeVarargs
  private List<List<Object>> aggregate(
      List<DataType> keys, List<AccumulatorSpec> accumulators, Consumer<HashAggregationTable>... feeders) {
    return aggregate(true, keys, accumulators, feeders);
  }

  /** As {@link #aggregate(List, List, Consumer[])}, with {@code spark.sql.ansi.enabled} set to {@code ansiEnabled}. */
  @SafeVarargs
  private List<List<Object>> aggregate(boolean ansiEnabled,
      List<DataType> keys, List<AccumulatorSpec> accumulators, Consumer<HashAggregationTable>... feeders) {
    List<DataType> outputTypes = new ArrayList<>(keys);
    accumulators.forEach(a -> outputTypes.add(a.resultType()));
    HashAggregateSink sink = new HashAggregateSink(
        new AggregationSpec(keys, accumulators), schemaOf(outputTypes), ansiEnabled);
    List<SinkPartition> partitions = new ArrayList<>();
    try {
      for (int i = 0; i < feeders.length; i++) {
        HashAggregationTable table = sink.createPartition(allocator);
        partitions.add(table);
        table.beginMorsel(i);
        feeders[i].accept(table);
      }
    } catch (RuntimeException e) {
      partitions.forEach(SinkPartition::close);
      throw e;
    }
    try (QueryResult result = QueryResult.drain(sink.finish(partitions, allocator), allocator)) {
      return ResultRows.of(result);
    }
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void groupsNegativeZeroWithZeroAndAllNaNsTogether() {
    double[] inputs = {0.0, -0.0, Double.NaN, Double.longBitsToDouble(0xFFF8000000000001L), 1.5};
    List<List<Object>> rows = aggregate(List.of(DataTypes.DoubleType),
        List.of(spec(AccumulatorKind.COUNT_ROWS, DataTypes.NullType, DataTypes.LongType)),
        table -> {
          for (double value : inputs) {
            table.beginKey();
            table.keyDouble(value);
            table.count(table.findOrInsertGroup(), 0);
          }
        });
    assertEquals(List.of(row(0.0, 2L), row(Double.NaN, 2L), row(1.5, 1L)), rows);
  }

  @Test
  void globalAggregateOverNoRowsGivesOneRow() {
    List<List<Object>> rows = aggregate(List.of(), List.of(
            spec(AccumulatorKind.COUNT, DataTypes.IntegerType, DataTypes.LongType),
            spec(AccumulatorKind.COUNT_ROWS, DataTypes.NullType, DataTypes.LongType),
            spec(AccumulatorKind.SUM_LONG, DataTypes.IntegerType, DataTypes.LongType),
            spec(AccumulatorKind.AVG_LONG, DataTypes.IntegerType, DataTypes.DoubleType),
            spec(AccumulatorKind.MIN, DataTypes.IntegerType, DataTypes.IntegerType),
            spec(AccumulatorKind.MAX, DataTypes.StringType, DataTypes.StringType)),
        table -> { }, table -> { });
    assertEquals(List.of(row(0L, 0L, null, null, null, null)), rows);
  }

  @Test
  void groupsByNullableStringAndIntKeysAcrossPartitions() {
    List<AccumulatorSpec> accumulators = List.of(
        spec(AccumulatorKind.COUNT_ROWS, DataTypes.NullType, DataTypes.LongType),
        spec(AccumulatorKind.MIN, DataTypes.StringType, DataTypes.StringType),
        spec(AccumulatorKind.MAX, DataTypes.StringType, DataTypes.StringType),
        spec(AccumulatorKind.AVG_LONG, DataTypes.IntegerType, DataTypes.DoubleType));
    String[] names = {"a", "é", null, "z", "Z", "a", null};
    int[] numbers = {1, 1, 2, 1, 1, 1, 2};
    Consumer<HashAggregationTable> firstHalf = table -> feedNames(table, names, numbers, 0, 4);
    Consumer<HashAggregationTable> secondHalf = table -> feedNames(table, names, numbers, 4, names.length);
    List<List<Object>> rows = aggregate(
        List.of(DataTypes.StringType, DataTypes.IntegerType), accumulators, firstHalf, secondHalf);
    assertEquals(List.of(
        row("a", 1, 2L, "a", "a", 1.0),
        row("é", 1, 1L, "é", "é", 1.0),
        row(null, 2, 2L, null, null, 2.0),
        row("z", 1, 1L, "z", "z", 1.0),
        row("Z", 1, 1L, "Z", "Z", 1.0)), rows);
  }

  private void feedNames(HashAggregationTable table, String[] names, int[] numbers, int from, int to) {
    for (int i = from; i < to; i++) {
      table.beginKey();
      if (names[i] == null) {
        table.keyNull();
      } else {
        long[] bytes = offHeap(names[i]);
        table.keyBytes(bytes[0], (int) bytes[1]);
      }
      table.keyInt(numbers[i]);
      int group = table.findOrInsertGroup();
      table.count(group, 0);
      if (names[i] != null) {
        long[] bytes = offHeap(names[i]);
        table.minBytes(group, 1, bytes[0], (int) bytes[1]);
        table.maxBytes(group, 2, bytes[0], (int) bytes[1]);
      }
      table.avgLong(group, 3, numbers[i]);
    }
  }

  @Test
  void stringMinAndMaxCompareUnsignedBytes() {
    List<List<Object>> rows = aggregate(List.of(), List.of(
            spec(AccumulatorKind.MIN, DataTypes.StringType, DataTypes.StringType),
            spec(AccumulatorKind.MAX, DataTypes.StringType, DataTypes.StringType)),
        table -> feedStrings(table, "a", "é", "a longer value that needs more room"),
        table -> feedStrings(table, "z", "Z", "é2"));
    assertEquals(List.of(row("Z", "é2")), rows);
  }

  private void feedStrings(HashAggregationTable table, String... values) {
    for (String value : values) {
      long[] bytes = offHeap(value);
      table.minBytes(0, 0, bytes[0], (int) bytes[1]);
      table.maxBytes(0, 1, bytes[0], (int) bytes[1]);
    }
  }

  @Test
  void doubleMinAndMaxFollowSparkOrdering() {
    List<AccumulatorSpec> accumulators = List.of(
        spec(AccumulatorKind.MIN, DataTypes.DoubleType, DataTypes.DoubleType),
        spec(AccumulatorKind.MAX, DataTypes.DoubleType, DataTypes.DoubleType),
        spec(AccumulatorKind.SUM_DOUBLE, DataTypes.DoubleType, DataTypes.DoubleType));
    assertEquals(List.of(row(0.0, Double.NaN, Double.NaN)),
        aggregate(List.of(), accumulators, table -> feedDoubles(table, 0.0, -0.0, Double.NaN, 1.0)));
    // Equal values keep the first one seen: Spark gives min(-0.0, 0.0) = max = -0.0.
    assertEquals(List.of(row(-0.0, -0.0, 0.0)), aggregate(List.of(), accumulators, table -> feedDoubles(table, -0.0, 0.0)));
    // Spark: sum(1e308, 1e308) is Infinity, not an error.
    assertEquals(List.of(row(1.0, 1e308, Double.POSITIVE_INFINITY)),
        aggregate(List.of(), accumulators, table -> feedDoubles(table, 1e308, 1e308, 1.0)));
  }

  private static void feedDoubles(HashAggregationTable table, double... values) {
    for (double value : values) {
      table.minDouble(0, 0, value);
      table.maxDouble(0, 1, value);
      table.sumDouble(0, 2, value);
    }
  }

  @Test
  void longSumOverflowFailsWithSparksError() {
    SparkException error = assertThrows(SparkException.class, () -> aggregate(List.of(),
        List.of(spec(AccumulatorKind.SUM_LONG, DataTypes.LongType, DataTypes.LongType)),
        table -> table.sumLong(0, 0, Long.MAX_VALUE), table -> table.sumLong(0, 0, 1)));
    assertEquals("ARITHMETIC_OVERFLOW", error.getCondition());
    assertEquals("[ARITHMETIC_OVERFLOW] overflow. Use 'try_add' to tolerate overflow and return NULL instead. "
        + "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003",
        error.getMessage());
  }

  @Test
  void averagesIntegralInputAsDoubles() {
    assertEquals(List.of(row(9.223372036854776E18)), aggregate(List.of(),
        List.of(spec(AccumulatorKind.AVG_LONG, DataTypes.LongType, DataTypes.DoubleType)),
        table -> {
          table.avgLong(0, 0, Long.MAX_VALUE);
          table.avgLong(0, 0, Long.MAX_VALUE);
        }));
  }

  private static void feedDecimals(HashAggregationTable table, int scale, String... values) {
    for (String value : values) {
      BigInteger unscaled = new BigDecimal(value).setScale(scale).unscaledValue();
      long low = unscaled.longValue();
      long high = unscaled.shiftRight(64).longValue();
      table.sumDecimal(0, 0, low, high);
      table.avgDecimal(0, 1, low, high);
      table.minDecimal(0, 2, low, high);
      table.maxDecimal(0, 3, low, high);
    }
  }

  private static List<AccumulatorSpec> decimalAccumulators(int precision, int scale) {
    DecimalType input = new DecimalType(precision, scale);
    return List.of(
        spec(AccumulatorKind.SUM_DECIMAL, input, new DecimalType(Math.min(38, precision + 10), scale)),
        spec(AccumulatorKind.AVG_DECIMAL, input, new DecimalType(Math.min(38, precision + 4), Math.min(38, scale + 4))),
        spec(AccumulatorKind.MIN, input, input),
        spec(AccumulatorKind.MAX, input, input));
  }

  @Test
  void decimalSumAndAverageMatchSpark() {
    assertEquals(List.of(row(new BigDecimal("4.75"), new BigDecimal("1.583333"), new BigDecimal("1.00"), new BigDecimal("2.25"))),
        aggregate(List.of(), decimalAccumulators(10, 2), table -> feedDecimals(table, 2, "1.5"),
            table -> feedDecimals(table, 2, "2.25", "1.0")));
    assertEquals(new BigDecimal("0.670000"),
        aggregate(List.of(), decimalAccumulators(10, 2), table -> feedDecimals(table, 2, "1", "1", "0.01")).get(0).get(1));
    assertEquals(new BigDecimal("-0.670000"),
        aggregate(List.of(), decimalAccumulators(10, 2), table -> feedDecimals(table, 2, "-1", "-1", "-0.01")).get(0).get(1));
    assertEquals(new BigDecimal("1.6666666666666666666666666666666667"),
        aggregate(List.of(), decimalAccumulators(36, 30), table -> feedDecimals(table, 30, "1", "2", "2")).get(0).get(1));
    assertEquals(new BigDecimal("1.8333"),
        aggregate(List.of(), decimalAccumulators(20, 0), table -> feedDecimals(table, 0, "1", "2", "2", "2", "2", "2")).get(0).get(1));
  }

  @Test
  void decimalSumOverflowFailsWithSparksError() {
    String max = "9".repeat(38);
    SparkException error = assertThrows(SparkException.class,
        () -> aggregate(List.of(), List.of(spec(AccumulatorKind.SUM_DECIMAL, new DecimalType(38, 0), new DecimalType(38, 0))),
            table -> {
              table.sumDecimal(0, 0, new BigInteger(max).longValue(), new BigInteger(max).shiftRight(64).longValue());
              table.sumDecimal(0, 0, 1, 0);
            }));
    assertEquals("[ARITHMETIC_OVERFLOW] Overflow in sum of decimals. Use 'try_sum' to tolerate overflow and return "
        + "NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error. SQLSTATE: 22003",
        error.getMessage());
  }

  @Test
  void decimalAverageOutOfRangeFailsWithSparksError() {
    BigInteger value = BigInteger.TEN.pow(36);
    SparkException error = assertThrows(SparkException.class,
        () -> aggregate(List.of(), List.of(spec(AccumulatorKind.AVG_DECIMAL, new DecimalType(38, 0), new DecimalType(38, 4))),
            table -> {
              table.avgDecimal(0, 0, value.longValue(), value.shiftRight(64).longValue());
              table.avgDecimal(0, 0, value.longValue(), value.shiftRight(64).longValue());
            }));
    assertEquals("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", error.getCondition());
    assertEquals("[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION]  1000000000000000000000000000000000000."
        + "0".repeat(39) + " cannot be represented as Decimal(38, 4). If necessary set \"spark.sql.ansi.enabled\" to "
        + "\"false\" to bypass this error, and return NULL instead. SQLSTATE: 22003", error.getMessage());
  }

  @Test
  void growsToManyGroupsAndMergesThem() {
    int groups = 100_000;
    List<List<Object>> rows = aggregate(List.of(DataTypes.LongType),
        List.of(spec(AccumulatorKind.SUM_LONG, DataTypes.LongType, DataTypes.LongType)),
        table -> feedRange(table, 0, groups), table -> feedRange(table, groups / 2, groups + groups / 2));
    assertEquals(groups + groups / 2, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      long key = (Long) rows.get(i).get(0);
      assertEquals((long) i, key, "first-seen order");
      long expected = key >= groups / 2 && key < groups ? 2 * key : key;
      assertEquals(expected, rows.get(i).get(1));
    }
  }

  private static void feedRange(HashAggregationTable table, long from, long to) {
    for (long key = from; key < to; key++) {
      table.beginKey();
      table.keyLong(key);
      table.sumLong(table.findOrInsertGroup(), 0, key);
    }
  }

  @Test
  void refusedMemoryFailsWithTheOperatorAndTheLimit() {
    try (BufferAllocator limited = allocator.newChildAllocator("query", 0, 256 * 1024)) {
      HashAggregateSink sink = new HashAggregateSink(
          new AggregationSpec(List.of(DataTypes.LongType),
              List.of(spec(AccumulatorKind.COUNT_ROWS, DataTypes.NullType, DataTypes.LongType))),
          new StructType().add("k", DataTypes.LongType).add("c", DataTypes.LongType));
      try (HashAggregationTable table = sink.createPartition(limited)) {
        SparkException error = assertThrows(SparkException.class, () -> {
          for (long key = 0; key < 1_000_000; key++) {
            table.beginKey();
            table.keyLong(key);
            table.count(table.findOrInsertGroup(), 0);
          }
        });
        assertEquals("UNABLE_TO_ACQUIRE_MEMORY", error.getCondition());
        assertTrue(error.getMessage().contains("hash aggregate") && error.getMessage().contains("262144"),
            error.getMessage());
        // The table is still consistent after the refusal.
        table.beginKey();
        table.keyLong(3);
        assertEquals(3, table.findOrInsertGroup());
      }
    }
  }

  // ---- spark.sql.ansi.enabled=false; expected values from Spark 4.2.0 with ANSI off ------------------

  private static final DecimalType DECIMAL_38 = new DecimalType(38, 0);
  private static final BigInteger LARGEST_38_DIGITS = new BigInteger("9".repeat(38));

  private static List<AccumulatorSpec> decimalSumAndAverage() {
    return List.of(spec(AccumulatorKind.SUM_DECIMAL, DECIMAL_38, DECIMAL_38),
        spec(AccumulatorKind.AVG_DECIMAL, DECIMAL_38, new DecimalType(38, 4)));
  }

  /** Feeds {@code (key, value)} pairs to a table grouped by an int key with {@link #decimalSumAndAverage()}. */
  private static Consumer<HashAggregationTable> keyedDecimals(Object... keysAndValues) {
    return table -> {
      for (int i = 0; i < keysAndValues.length; i += 2) {
        table.beginKey();
        table.keyInt((Integer) keysAndValues[i]);
        int group = table.findOrInsertGroup();
        BigInteger value = (BigInteger) keysAndValues[i + 1];
        table.sumDecimal(group, 0, value.longValue(), value.shiftRight(64).longValue());
        table.avgDecimal(group, 1, value.longValue(), value.shiftRight(64).longValue());
      }
    };
  }

  @Test
  void withoutAnsiALongSumWrapsAround() {
    List<AccumulatorSpec> sum = List.of(spec(AccumulatorKind.SUM_LONG, DataTypes.LongType, DataTypes.LongType));
    // Spark: sum of (9223372036854775807, 1) is -9223372036854775808; with -5 after it, 9223372036854775803.
    assertEquals(List.of(row(Long.MIN_VALUE)),
        aggregate(false, List.of(), sum, table -> table.sumLong(0, 0, Long.MAX_VALUE), table -> table.sumLong(0, 0, 1)));
    assertEquals(List.of(row(Long.MAX_VALUE - 4)), aggregate(false, List.of(), sum, table -> {
      table.sumLong(0, 0, Long.MAX_VALUE);
      table.sumLong(0, 0, 1);
      table.sumLong(0, 0, -5);
    }));
  }

  @Test
  void withoutAnsiAnOverflowingDecimalSumAndAverageAreNull() {
    // Spark: select k, sum(x), avg(x) from values (1, 99..9), (1, 1), (1, -1), (2, 1) group by k
    // gives [1, null, null] and [2, 1, 1.0000]: once the running sum leaves decimal(38, 0) it stays null.
    List<List<Object>> rows = aggregate(false, List.of(DataTypes.IntegerType), decimalSumAndAverage(),
        keyedDecimals(1, LARGEST_38_DIGITS, 1, BigInteger.ONE, 1, BigInteger.ONE.negate(), 2, BigInteger.ONE));
    assertEquals(List.of(row(1, null, null), row(2, BigDecimal.ONE, new BigDecimal("1.0000"))), rows);
    // The same below the negative bound, and an overflow in one partition survives the merge.
    rows = aggregate(false, List.of(DataTypes.IntegerType), decimalSumAndAverage(),
        keyedDecimals(1, LARGEST_38_DIGITS.negate(), 1, BigInteger.ONE.negate(), 2, LARGEST_38_DIGITS),
        keyedDecimals(1, BigInteger.ONE, 2, BigInteger.ONE),
        keyedDecimals(2, BigInteger.ONE.negate()));
    assertEquals(List.of(row(1, null, null), row(2, null, null)), rows);
  }

  @Test
  void withoutAnsiADecimalAverageOutOfRangeIsNull() {
    // Spark: avg of two 10^36 as decimal(38, 0) is null of type decimal(38, 4) (10^36 needs 41 digits there).
    BigInteger value = BigInteger.TEN.pow(36);
    List<List<Object>> rows = aggregate(false, List.of(DataTypes.IntegerType), decimalSumAndAverage(),
        keyedDecimals(1, value, 1, value, 2, BigInteger.TWO));
    assertEquals(List.of(row(1, new BigDecimal(value.shiftLeft(1)), null), row(2, new BigDecimal(2), new BigDecimal("2.0000"))),
        rows);
  }

  @Test
  void withAnsiADecimalSumFailsAsSoonAsItLeavesItsPrecision() {
    // Spark 4.2 with ANSI: the same grouped query fails, although the final sum would fit again.
    SparkException error = assertThrows(SparkException.class, () -> aggregate(List.of(DataTypes.IntegerType),
        decimalSumAndAverage(), keyedDecimals(1, LARGEST_38_DIGITS, 1, BigInteger.ONE, 1, BigInteger.ONE.negate())));
    assertEquals("ARITHMETIC_OVERFLOW", error.getCondition());
    assertTrue(error.getMessage().startsWith("[ARITHMETIC_OVERFLOW] Overflow in sum of decimals."), error.getMessage());
  }

  @Test
  void ansiIsOnUnlessSwitchedOff() {
    AggregationSpec spec = new AggregationSpec(List.of(), decimalSumAndAverage());
    StructType schema = schemaOf(List.of(DECIMAL_38, new DecimalType(38, 4)));
    assertTrue(new HashAggregateSink(spec, schema).ansiEnabled());
    try (HashAggregationTable table = new HashAggregationTable(spec, allocator)) {
      assertTrue(table.ansiEnabled());
    }
    HashAggregateSink withoutAnsi = new HashAggregateSink(spec, schema, false);
    try (HashAggregationTable table = withoutAnsi.createPartition(allocator)) {
      assertEquals(false, table.ansiEnabled());
    }
  }
}
