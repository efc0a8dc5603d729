package dev.ember.runtime.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keys built in two words ({@link HashAggregationTable#findOrInsertGroup(long, long, int)}) group
 * exactly as serialized keys do: each test feeds the same rows both ways and compares the outputs.
 */
class CompactKeysTest {
  private static final DecimalType DECIMAL_18 = new DecimalType(18, 2);

  private final BufferAllocator allocator = Allocators.newRoot();
  private final List<ArrowBuf> buffers = new ArrayList<>();

  @AfterEach
  void closeAllocator() {
    buffers.forEach(ArrowBuf::close);
    allocator.close();
  }

  /** Off-heap UTF-8 bytes of {@code text} in a buffer exactly as long as them, so over-reads would show. */
  private long[] offHeap(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ArrowBuf buffer = allocator.buffer(Math.max(1, bytes.length));
    buffer.setBytes(0, bytes);
    buffers.add(buffer);
    return new long[] {buffer.memoryAddress(), bytes.length};
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  private static final List<AccumulatorSpec> COUNT_AND_SUM = List.of(
      new AccumulatorSpec(AccumulatorKind.COUNT_ROWS, DataTypes.NullType, DataTypes.LongType),
      new AccumulatorSpec(AccumulatorKind.SUM_LONG, DataTypes.LongType, DataTypes.LongType));

  /**
   * Feeds {@code rows} (key values, in order) with a count and a sum of the row number, one partition
   * per element of {@code partitions} (each a [from, to) range of rows); compact or serialized keys.
   */
  private List<List<Object>> aggregate(List<DataType> keyTypes, List<List<Object>> rows, boolean compact,
      int[]... partitions) {
    List<DataType> outputTypes = new ArrayList<>(keyTypes);
    COUNT_AND_SUM.forEach(a -> outputTypes.add(a.resultType()));
    StructType schema = new StructType();
    for (int i = 0; i < outputTypes.size(); i++) {
      schema = schema.add("c" + i, outputTypes.get(i));
    }
    HashAggregateSink sink = new HashAggregateSink(new AggregationSpec(keyTypes, COUNT_AND_SUM), schema);
    CompactKeyLayout layout = CompactKeyLayout.of(keyTypes).orElseThrow();
    if (partitions.length == 0) {
      partitions = new int[][] {{0, rows.size()}};
    }
    List<SinkPartition> tables = new ArrayList<>();
    try {
      for (int partition = 0; partition < partitions.length; partition++) {
        HashAggregationTable table = sink.createPartition(allocator);
        tables.add(table);
        table.beginMorsel(partition);
        for (int row = partitions[partition][0]; row < partitions[partition][1]; row++) {
          int group = compact
              ? compactGroup(table, layout, keyTypes, rows.get(row))
              : serializedGroup(table, keyTypes, rows.get(row));
          table.count(group, 0);
          table.sumLong(group, 1, row);
        }
      }
    } catch (RuntimeException e) {
      tables.forEach(SinkPartition::close);
      throw e;
    }
    try (QueryResult result = QueryResult.drain(sink.finish(tables, allocator), allocator)) {
      return ResultRows.of(result);
    }
  }

  /** Builds the words as the generated sink does. */
  private int compactGroup(HashAggregationTable table, CompactKeyLayout layout, List<DataType> types, List<Object> key) {
    long[] words = new long[2];
    int nulls = 0;
    for (int component = 0; component < key.size(); component++) {
      Object value = key.get(component);
      int shift = layout.shift(component);
      long bits;
      if (value == null) {
        nulls |= 1 << component;
        bits = 0;
      } else {
        bits = switch (layout.encoding(component)) {
          case BOOLEAN -> ((Boolean) value ? 1L : 0L) << shift;
          case INT -> ((long) (Integer) value & 0xFFFFFFFFL) << shift;
          case FLOAT -> ((long) HashAggregationTable.floatKeyBits((Float) value) & 0xFFFFFFFFL) << shift;
          case LONG -> (Long) value;
          case DOUBLE -> HashAggregationTable.doubleKeyBits((Double) value);
          case DECIMAL -> ((BigDecimal) value).unscaledValue().longValueExact();
          case BYTES -> {
            long[] bytes = offHeap((String) value);
            yield table.stringKeyBits(component, shift, bytes[0], (int) bytes[1]);
          }
        };
      }
      words[layout.word(component)] |= bits;
    }
    return table.findOrInsertGroup(words[0], words[1], nulls);
  }

  private int serializedGroup(HashAggregationTable table, List<DataType> types, List<Object> key) {
    table.beginKey();
    for (Object value : key) {
      if (value == null) {
        table.keyNull();
      } else if (value instanceof Boolean b) {
        table.keyBoolean(b);
      } else if (value instanceof Integer i) {
        table.keyInt(i);
      } else if (value instanceof Float f) {
        table.keyFloat(f);
      } else if (value instanceof Long l) {
        table.keyLong(l);
      } else if (value instanceof Double d) {
        table.keyDouble(d);
      } else if (value instanceof BigDecimal decimal) {
        long unscaled = decimal.unscaledValue().longValueExact();
        table.keyDecimal(unscaled, unscaled >> 63);
      } else {
        long[] bytes = offHeap((String) value);
        table.keyBytes(bytes[0], (int) bytes[1]);
      }
    }
    return table.findOrInsertGroup();
  }

  private void assertSameBothWays(List<DataType> keyTypes, List<List<Object>> rows, List<List<Object>> expected,
      int[]... partitions) {
    List<List<Object>> compact = aggregate(keyTypes, rows, true, partitions);
    assertEquals(aggregate(keyTypes, rows, false, partitions), compact);
    if (expected != null) {
      assertEquals(expected, compact);
    }
  }

  @Test
  void layoutPutsTwoStringsInAWordEachAndRefusesWideKeys() {
    CompactKeyLayout strings = CompactKeyLayout.of(List.of(DataTypes.StringType, DataTypes.StringType)).orElseThrow();
    assertEquals(0, strings.word(0));
    assertEquals(1, strings.word(1));
    assertEquals(7, CompactKeyLayout.stringCapacity(strings.shift(1)));
    CompactKeyLayout mixed = CompactKeyLayout.of(
        List.of(DataTypes.IntegerType, DataTypes.LongType, DataTypes.StringType)).orElseThrow();
    assertEquals(0, mixed.word(1));
    assertEquals(0, mixed.shift(1));
    assertEquals(1, mixed.word(0));
    assertEquals(1, mixed.word(2));
    assertEquals(32, mixed.shift(2));
    assertEquals(3, CompactKeyLayout.stringCapacity(mixed.shift(2)));
    // A string needs at least 4 bytes of a word: long + int + boolean leave it only 3.
    assertFalse(CompactKeyLayout.of(List.of(DataTypes.LongType, DataTypes.IntegerType, DataTypes.BooleanType,
        DataTypes.StringType)).isPresent());
    assertFalse(CompactKeyLayout.of(List.of(DataTypes.LongType, DataTypes.LongType, DataTypes.IntegerType)).isPresent());
    assertFalse(CompactKeyLayout.of(List.of(new DecimalType(19, 0))).isPresent());
    assertFalse(CompactKeyLayout.of(List.of(DataTypes.LongType, DataTypes.LongType, DataTypes.StringType)).isPresent());
    assertFalse(CompactKeyLayout.of(List.of()).isPresent());
    assertFalse(CompactKeyLayout.of(List.of(DataTypes.NullType)).isPresent());
  }

  @Test
  void twoShortStringKeysWithNullsAndEmptyStrings() {
    List<DataType> types = List.of(DataTypes.StringType, DataTypes.StringType);
    List<List<Object>> rows = List.of(
        row("A", "F"), row("N", "O"), row("", "F"), row(null, "F"), row("A", "F"), row("", ""),
        row(null, null), row("N", "O"), row("", null), row(null, ""), row("", null));
    assertSameBothWays(types, rows, List.of(
        row("A", "F", 2L, 4L), row("N", "O", 2L, 8L), row("", "F", 1L, 2L), row(null, "F", 1L, 3L),
        row("", "", 1L, 5L), row(null, null, 1L, 6L), row("", null, 2L, 18L), row(null, "", 1L, 9L)));
  }

  @Test
  void stringsAtTheWordBoundaryAndLongerOnesFallBackWithoutLosingGroups() {
    List<DataType> types = List.of(DataTypes.StringType, DataTypes.StringType);
    List<List<Object>> rows = List.of(
        row("abcdefg", "x"), row("abcdef", "x"), row("abcdefg", "x"),
        // 8 bytes: one more than the word holds, so the table switches to serialized keys here.
        row("abcdefgh", "x"), row("abcdefg", "x"), row("abcdefgh", "x"), row("", "héllo"), row("abcdef", "x"));
    assertSameBothWays(types, rows, List.of(
        row("abcdefg", "x", 3L, 6L), row("abcdef", "x", 2L, 8L), row("abcdefgh", "x", 2L, 8L),
        row("", "héllo", 1L, 6L)));
  }

  @Test
  void floatingKeysGroupNegativeZeroWithZeroAndEveryNaNTogether() {
    List<DataType> types = List.of(DataTypes.DoubleType, DataTypes.FloatType);
    double otherNaN = Double.longBitsToDouble(0x7FF8000000000123L);
    float otherFloatNaN = Float.intBitsToFloat(0x7FC00123);
    List<List<Object>> rows = List.of(
        row(0.0, 0.0f), row(-0.0, -0.0f), row(Double.NaN, Float.NaN), row(otherNaN, otherFloatNaN),
        row(1.5, null), row(null, -1.5f), row(-0.0, 0.0f));
    assertSameBothWays(types, rows, List.of(
        row(0.0, 0.0f, 3L, 7L), row(Double.NaN, Float.NaN, 2L, 5L), row(1.5, null, 1L, 4L),
        row(null, -1.5f, 1L, 5L)));
  }

  @Test
  void mixedFixedWidthKeysWithNullsAndStringsAroundTheirCapacity() {
    // Strings get 6 bytes after the boolean; 7-byte ones switch the table to serialized keys midway.
    List<DataType> decimalKeys = List.of(DECIMAL_18, DataTypes.BooleanType, DataTypes.StringType);
    List<DataType> intKeys = List.of(DataTypes.IntegerType, DataTypes.BooleanType, DataTypes.StringType);
    for (List<DataType> types : List.of(decimalKeys, intKeys)) {
      for (boolean withLongStrings : new boolean[] {false, true}) {
        SplittableRandom random = new SplittableRandom(11);
        String[] strings = {"", "a", "ab", "abcdef", "abcdeg", null, withLongStrings ? "abcdefg" : "x"};
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
          int number = random.nextInt(-3, 3);
          rows.add(row(
              random.nextInt(5) == 0 ? null : types == intKeys ? (Object) number : BigDecimal.valueOf(number, 2),
              random.nextInt(5) == 0 ? null : random.nextBoolean(),
              strings[random.nextInt(i < 1000 ? strings.length - 1 : strings.length)]));
        }
        assertSameBothWays(types, rows, null, new int[] {0, 1200}, new int[] {1200, 2000});
        assertSameBothWays(types, rows, null);
      }
    }
  }

  @Test
  void manyGroupsGrowTheTableAndMergeAcrossPartitions() {
    List<DataType> types = List.of(DataTypes.LongType, DataTypes.StringType);
    List<List<Object>> rows = new ArrayList<>();
    int groups = 60_000;
    for (long key = 0; key < groups; key++) {
      rows.add(row(key * 7919 - 1_000_000, key % 3 == 0 ? null : Long.toString(key % 1000)));
    }
    for (long key = groups - 1; key >= 0; key -= 2) {
      rows.add(row(key * 7919 - 1_000_000, key % 3 == 0 ? null : Long.toString(key % 1000)));
    }
    List<List<Object>> compact = aggregate(types, rows, true, new int[] {0, 40_000}, new int[] {40_000, rows.size()});
    assertEquals(groups, compact.size());
    for (int group = 0; group < groups; group++) {
      assertEquals(group * 7919L - 1_000_000, compact.get(group).get(0), "first-seen order");
      assertEquals(group % 2 == 1 ? 2L : 1L, compact.get(group).get(2));
    }
    assertEquals(aggregate(types, rows, false, new int[] {0, 40_000}, new int[] {40_000, rows.size()}), compact);
    // One partition: the table only grows, never merges or switches.
    assertEquals(aggregate(types, rows, false), aggregate(types, rows, true));
  }

  @Test
  void theTableStaysCompactUntilAKeyIsTooLong() {
    AggregationSpec spec = new AggregationSpec(List.of(DataTypes.StringType), COUNT_AND_SUM);
    try (HashAggregationTable table = new HashAggregationTable(spec, allocator)) {
      long[] shortValue = offHeap("0123456");
      long[] longValue = offHeap("01234567");
      int first = table.findOrInsertGroup(table.stringKeyBits(0, 0, shortValue[0], 7), 0, 0);
      assertTrue(table.usesCompactKeys());
      assertEquals(first, table.findOrInsertGroup(table.stringKeyBits(0, 0, shortValue[0], 7), 0, 0));
      int second = table.findOrInsertGroup(table.stringKeyBits(0, 0, longValue[0], 8), 0, 0);
      assertFalse(table.usesCompactKeys());
      assertEquals(1, second);
      assertEquals(first, table.findOrInsertGroup(table.stringKeyBits(0, 0, shortValue[0], 7), 0, 0));
      assertEquals(second, table.findOrInsertGroup(table.stringKeyBits(0, 0, longValue[0], 8), 0, 0));
      assertEquals(2, table.groupCount());
    }
  }

  @Test
  void serializedCallsFirstThenWordsKeepTheTableOnWords() {
    // As when a worker starts on the interpreted kernel and moves to the generated one.
    List<DataType> types = List.of(DataTypes.StringType, DataTypes.IntegerType, DataTypes.BooleanType);
    AggregationSpec spec = new AggregationSpec(types, COUNT_AND_SUM);
    CompactKeyLayout layout = CompactKeyLayout.of(types).orElseThrow();
    List<List<Object>> keys = List.of(row("N", -1, true), row(null, 7, null), row("", null, false), row("abcdef", 0, true));
    try (HashAggregationTable table = new HashAggregationTable(spec, allocator)) {
      for (int i = 0; i < keys.size(); i++) {
        assertEquals(i, serializedGroup(table, types, keys.get(i)));
      }
      assertTrue(table.usesCompactKeys());
      for (int i = 0; i < keys.size(); i++) {
        assertEquals(i, compactGroup(table, layout, types, keys.get(i)));
        assertEquals(i, serializedGroup(table, types, keys.get(i)));
      }
      assertTrue(table.usesCompactKeys());
      assertEquals(keys.size(), table.groupCount());
    }
  }
}
