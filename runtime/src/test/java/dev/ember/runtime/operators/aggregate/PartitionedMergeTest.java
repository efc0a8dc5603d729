package dev.ember.runtime.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The merge of several workers' tables with enough groups to be partitioned across threads
 * ({@link PartitionedMerge}): every result is checked against a model computed row by row from the
 * same generated input, and the output order against the groups' first appearance in morsel order.
 */
class PartitionedMergeTest {
  private static final DecimalType DECIMAL_10_2 = new DecimalType(10, 2);
  private static final int ROWS_PER_MORSEL = 4000;

  private final BufferAllocator allocator = Allocators.newRoot();
  private final ArrowBuf stringScratch = allocator.buffer(64);

  @AfterEach
  void closeAllocator() {
    stringScratch.close();
    allocator.close();
  }

  /** One generated input row: a two-part key (either part may be null) and a nullable value. */
  private record Row(List<Object> key, Long value) {}

  /**
   * The rows of morsel {@code morsel}: a quarter of them on a few keys every morsel shares (merged
   * across workers), the rest on keys of this morsel only (so the workers' tables also hold disjoint
   * groups, and a partition's merged table outgrows its first size).
   */
  private static List<Row> morselRows(int morsel) {
    SplittableRandom random = new SplittableRandom(morsel * 7919L + 17);
    List<Row> rows = new ArrayList<>(ROWS_PER_MORSEL);
    for (int row = 0; row < ROWS_PER_MORSEL; row++) {
      Integer first = random.nextInt(50) == 0 ? null
          : random.nextInt(4) == 0 ? random.nextInt(50) : morsel * 10_000 + random.nextInt(3000);
      Long second = random.nextInt(50) == 0 ? null : (long) random.nextInt(3) - 1;
      Long value = random.nextInt(7) == 0 ? null : random.nextLong(-1_000_000, 1_000_000);
      rows.add(new Row(Arrays.asList(first, second), value));
    }
    return rows;
  }

  private static AccumulatorSpec spec(AccumulatorKind kind, DataType input, DataType result) {
    return new AccumulatorSpec(kind, input, result);
  }

  /** Every kind whose merge copies a new group's state row as it is. */
  private static final List<AccumulatorSpec> FIXED_WIDTH = List.of(
      spec(AccumulatorKind.COUNT_ROWS, DataTypes.NullType, DataTypes.LongType),
      spec(AccumulatorKind.COUNT, DataTypes.LongType, DataTypes.LongType),
      spec(AccumulatorKind.SUM_LONG, DataTypes.LongType, DataTypes.LongType),
      spec(AccumulatorKind.SUM_DOUBLE, DataTypes.DoubleType, DataTypes.DoubleType),
      spec(AccumulatorKind.SUM_DECIMAL, DECIMAL_10_2, new DecimalType(20, 2)),
      spec(AccumulatorKind.AVG_LONG, DataTypes.LongType, DataTypes.DoubleType),
      spec(AccumulatorKind.AVG_DOUBLE, DataTypes.DoubleType, DataTypes.DoubleType),
      spec(AccumulatorKind.AVG_DECIMAL, DECIMAL_10_2, new DecimalType(14, 6)),
      spec(AccumulatorKind.MIN, DataTypes.LongType, DataTypes.LongType),
      spec(AccumulatorKind.MAX, DataTypes.LongType, DataTypes.LongType),
      spec(AccumulatorKind.MIN, DataTypes.DoubleType, DataTypes.DoubleType),
      spec(AccumulatorKind.MAX, DataTypes.DoubleType, DataTypes.DoubleType),
      spec(AccumulatorKind.MIN, DECIMAL_10_2, DECIMAL_10_2),
      spec(AccumulatorKind.MAX, DECIMAL_10_2, DECIMAL_10_2));

  /** Kinds merged slot by slot: string extremes (bytes in the table's own buffer) and heap states. */
  private static final List<AccumulatorSpec> STRINGS_AND_OBJECTS = List.of(
      spec(AccumulatorKind.COUNT_ROWS, DataTypes.NullType, DataTypes.LongType),
      spec(AccumulatorKind.MIN, DataTypes.StringType, DataTypes.StringType),
      spec(AccumulatorKind.MAX, DataTypes.StringType, DataTypes.StringType),
      AccumulatorSpec.object(new FirstLastAggregate(DataTypes.LongType, false, false)),
      AccumulatorSpec.object(new FirstLastAggregate(DataTypes.LongType, true, true)));

  private static final List<DataType> KEYS = List.of(DataTypes.IntegerType, DataTypes.LongType);

  /** Values are multiples of 1/8, so double sums are exact in any order. */
  private static double asDouble(long value) {
    return value / 8.0;
  }

  private void feedFixedWidth(HashAggregationTable table, Row row) {
    int group = findGroup(table, row.key());
    table.count(group, 0);
    Long value = row.value();
    if (value == null) {
      return;
    }
    long high = value >> 63;
    table.count(group, 1);
    table.sumLong(group, 2, value);
    table.sumDouble(group, 3, asDouble(value));
    table.sumDecimal(group, 4, value, high);
    table.avgLong(group, 5, value);
    table.avgDouble(group, 6, asDouble(value));
    table.avgDecimal(group, 7, value, high);
    table.minLong(group, 8, value);
    table.maxLong(group, 9, value);
    table.minDouble(group, 10, asDouble(value));
    table.maxDouble(group, 11, asDouble(value));
    table.minDecimal(group, 12, value, high);
    table.maxDecimal(group, 13, value, high);
  }

  private void feedStringsAndObjects(HashAggregationTable table, Row row) {
    int group = findGroup(table, row.key());
    table.count(group, 0);
    Long value = row.value();
    if (value != null) {
      byte[] bytes = text(value).getBytes(StandardCharsets.UTF_8);
      stringScratch.setBytes(0, bytes);
      table.minBytes(group, 1, stringScratch.memoryAddress(), bytes.length);
      table.maxBytes(group, 2, stringScratch.memoryAddress(), bytes.length);
    }
    for (int slot = 3; slot <= 4; slot++) {
      if (value == null) {
        table.stageNull(slot, 0);
      } else {
        table.stageLong(slot, 0, value);
      }
      table.updateObject(group, slot);
    }
  }

  /** A value as a string whose byte order is not its numeric order. */
  private static String text(long value) {
    return "v" + value;
  }

  private static int findGroup(HashAggregationTable table, List<Object> key) {
    table.beginKey();
    if (key.get(0) == null) {
      table.keyNull();
    } else {
      table.keyInt((Integer) key.get(0));
    }
    if (key.get(1) == null) {
      table.keyNull();
    } else {
      table.keyLong((Long) key.get(1));
    }
    return table.findOrInsertGroup();
  }

  /** What a model of one group accumulates, row by row in morsel order. */
  private static final class Expected {
    long rows;
    long values;
    long sum;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    String minText;
    String maxText;
    Long first;
    boolean firstSet;
    Long lastNonNull;

    void add(Long value) {
      rows++;
      if (!firstSet) {
        first = value;
        firstSet = true;
      }
      if (value == null) {
        return;
      }
      values++;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
      String text = text(value);
      minText = minText == null || text.compareTo(minText) < 0 ? text : minText;
      maxText = maxText == null || text.compareTo(maxText) > 0 ? text : maxText;
      lastNonNull = value;
    }

    List<Object> fixedWidth(List<Object> key) {
      List<Object> row = new ArrayList<>(key);
      row.add(rows);
      row.add(values);
      if (values == 0) {
        row.addAll(Arrays.asList(null, null, null, null, null, null, null, null, null, null, null, null));
        return row;
      }
      BigDecimal decimalSum = BigDecimal.valueOf(sum, 2);
      row.add(sum);
      row.add(asDouble(sum));
      row.add(decimalSum);
      row.add((double) sum / values);
      row.add(asDouble(sum) / values);
      row.add(decimalSum.divide(BigDecimal.valueOf(values), 39, RoundingMode.HALF_UP).setScale(6, RoundingMode.HALF_UP));
      row.add(min);
      row.add(max);
      row.add(asDouble(min));
      row.add(asDouble(max));
      row.add(BigDecimal.valueOf(min, 2));
      row.add(BigDecimal.valueOf(max, 2));
      return row;
    }

    List<Object> stringsAndObjects(List<Object> key) {
      List<Object> row = new ArrayList<>(key);
      row.addAll(Arrays.asList(rows, minText, maxText, first, lastNonNull));
      return row;
    }
  }

  /** The model's rows over morsels {@code 0 .. morsels - 1}, groups in first-seen order. */
  private static Map<List<Object>, Expected> model(int morsels) {
    Map<List<Object>, Expected> groups = new LinkedHashMap<>();
    for (int morsel = 0; morsel < morsels; morsel++) {
      for (Row row : morselRows(morsel)) {
        groups.computeIfAbsent(row.key(), key -> new Expected()).add(row.value());
      }
    }
    return groups;
  }

  private interface Feeder {
    void feed(HashAggregationTable table, Row row);
  }

  /**
   * Runs one table per entry of {@code morselsByWorker} (the morsels that worker reads, in that order),
   * optionally checks the tables before the merge, merges them through the sink and returns the rows.
   */
  private List<List<Object>> aggregate(BufferAllocator tableAllocator, List<AccumulatorSpec> accumulators,
      Feeder feeder, int[][] morselsByWorker, Consumer<List<HashAggregationTable>> check) {
    return aggregate(tableAllocator, accumulators, feeder, morselsByWorker, -1, check);
  }

  /** As above, worker {@code serializedWorker}'s table on serialized keys from the start. */
  private List<List<Object>> aggregate(BufferAllocator tableAllocator, List<AccumulatorSpec> accumulators,
      Feeder feeder, int[][] morselsByWorker, int serializedWorker,
      Consumer<List<HashAggregationTable>> check) {
    List<DataType> outputTypes = new ArrayList<>(KEYS);
    accumulators.forEach(a -> outputTypes.add(a.resultType()));
    StructType schema = new StructType();
    for (int i = 0; i < outputTypes.size(); i++) {
      schema = schema.add("c" + i, outputTypes.get(i));
    }
    AggregationSpec spec = new AggregationSpec(KEYS, accumulators);
    HashAggregateSink sink = new HashAggregateSink(spec, schema);
    List<SinkPartition> partitions = new ArrayList<>();
    List<HashAggregationTable> tables = new ArrayList<>();
    try {
      for (int worker = 0; worker < morselsByWorker.length; worker++) {
        int[] morsels = morselsByWorker[worker];
        HashAggregationTable table = worker == serializedWorker
            ? new HashAggregationTable(spec, tableAllocator, true, 0, false)
            : sink.createPartition(tableAllocator);
        partitions.add(table);
        tables.add(table);
        for (int morsel : morsels) {
          table.beginMorsel(morsel);
          for (Row row : morselRows(morsel)) {
            feeder.feed(table, row);
          }
        }
      }
      check.accept(tables);
    } catch (RuntimeException | Error e) {
      partitions.forEach(SinkPartition::close);
      throw e;
    }
    try (QueryResult result = QueryResult.drain(sink.finish(partitions, tableAllocator), allocator)) {
      return ResultRows.of(result);
    }
  }

  /** Morsels 0 .. count - 1 dealt to {@code workers} workers in turn, as the scheduler's shared counter might. */
  private static int[][] roundRobin(int count, int workers) {
    int[][] morsels = new int[workers][];
    for (int worker = 0; worker < workers; worker++) {
      int reader = worker;
      morsels[worker] = IntStream.range(0, count).filter(m -> m % workers == reader).toArray();
    }
    return morsels;
  }

  private static void assertRows(List<List<Object>> expected, List<List<Object>> actual) {
    assertEquals(expected.size(), actual.size(), "groups");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + i + " (first-seen order)");
    }
  }

  @Test
  void mergesEveryFixedWidthKindOfFourWorkersOnWordsInFirstSeenOrder() {
    int morsels = 24;
    List<List<Object>> expected = new ArrayList<>();
    model(morsels).forEach((key, group) -> expected.add(group.fixedWidth(key)));
    assertTrue(expected.size() > PartitionedMerge.PARALLEL_MIN_GROUPS, "enough groups to partition");
    List<List<Object>> rows = aggregate(allocator, FIXED_WIDTH, this::feedFixedWidth, roundRobin(morsels, 4),
        tables -> assertTrue(tables.stream().allMatch(HashAggregationTable::usesCompactKeys), "tables on words"));
    assertRows(expected, rows);
  }

  @Test
  void mergesStringExtremesAndHeapStatesOfThreeWorkers() {
    int morsels = 21;
    List<List<Object>> expected = new ArrayList<>();
    model(morsels).forEach((key, group) -> expected.add(group.stringsAndObjects(key)));
    List<List<Object>> rows = aggregate(allocator, STRINGS_AND_OBJECTS, this::feedStringsAndObjects,
        roundRobin(morsels, 3), tables -> {});
    assertRows(expected, rows);
  }

  @Test
  void mergesTablesOnSerializedKeysWithTablesOnWords() {
    int morsels = 16;
    List<List<Object>> expected = new ArrayList<>();
    model(morsels).forEach((key, group) -> expected.add(group.fixedWidth(key)));
    // As after a string key too long for its word: worker 1 on serialized keys, the others on words.
    List<List<Object>> rows = aggregate(allocator, FIXED_WIDTH, this::feedFixedWidth, roundRobin(morsels, 3), 1,
        tables -> {
          assertFalse(tables.get(1).usesCompactKeys(), "worker 1 on serialized keys");
          assertTrue(tables.get(0).usesCompactKeys(), "worker 0 on words");
        });
    assertRows(expected, rows);
  }

  @Test
  void mergesKeysWithoutAggregatesAsSelectDistinctDoes() {
    List<List<Object>> expected = new ArrayList<>(model(16).keySet());
    assertTrue(expected.size() > PartitionedMerge.PARALLEL_MIN_GROUPS, "enough groups to partition");
    List<List<Object>> rows = aggregate(allocator, List.of(), (table, row) -> findGroup(table, row.key()),
        roundRobin(16, 3), tables -> {});
    assertRows(expected, rows);
  }

  /** Whether a row's key belongs to its morsel alone. */
  private static boolean ownKey(Row row) {
    return row.key().get(0) != null && (Integer) row.key().get(0) >= 50;
  }

  @Test
  void ordersByMorselWhenAWorkerReadMorselsOutOfOrder() {
    // A worker's groups then do not come in first-seen order, and are ranked by a sort. A table
    // remembers where it inserted a group, so the keys here belong to one morsel each.
    Map<List<Object>, Expected> model = new LinkedHashMap<>();
    for (int morsel = 0; morsel < 16; morsel++) {
      for (Row row : morselRows(morsel)) {
        if (ownKey(row)) {
          model.computeIfAbsent(row.key(), key -> new Expected()).add(row.value());
        }
      }
    }
    List<List<Object>> expected = new ArrayList<>();
    model.forEach((key, group) -> expected.add(group.fixedWidth(key)));
    int[][] morsels = {{9, 3, 14, 0, 6, 12, 1, 15}, {2, 4, 5, 7, 8, 10, 11, 13}};
    Feeder ownKeysOnly = (table, row) -> {
      if (ownKey(row)) {
        feedFixedWidth(table, row);
      }
    };
    assertRows(expected, aggregate(allocator, FIXED_WIDTH, ownKeysOnly, morsels, tables -> {}));
  }

  @Test
  void aRefusedAllocationDuringTheMergeFailsWithTheOperatorAndFreesEverything() {
    List<List<Object>> expected = new ArrayList<>();
    model(16).forEach((key, group) -> expected.add(group.fixedWidth(key)));
    int refusals = 0;
    int runs = 0;
    // From refused at the merge's first buffer to enough for all of it: wherever the refusal falls (on
    // the calling thread or a helper), it is the operator's error and nothing stays allocated.
    for (long headroom = 64 << 10; headroom <= 256 << 20; headroom *= 4) {
      long allowed = headroom;
      runs++;
      try (BufferAllocator limited = allocator.newChildAllocator("query", 0, Long.MAX_VALUE)) {
        try {
          List<List<Object>> rows = aggregate(limited, FIXED_WIDTH, this::feedFixedWidth, roundRobin(16, 2),
              tables -> limited.setLimit(limited.getAllocatedMemory() + allowed));
          assertRows(expected, rows);
        } catch (SparkException error) {
          refusals++;
          assertEquals("UNABLE_TO_ACQUIRE_MEMORY", error.getCondition());
          assertTrue(error.getMessage().contains("hash aggregate"), error.getMessage());
        }
        assertEquals(0, limited.getAllocatedMemory(), "buffers left with " + allowed + " bytes of headroom");
      }
    }
    assertTrue(refusals > 0, "some headroom too small for the merge");
    assertTrue(refusals < runs, "some headroom large enough for the merge");
  }
}
