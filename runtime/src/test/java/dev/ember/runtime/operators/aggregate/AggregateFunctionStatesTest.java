package dev.ember.runtime.operators.aggregate;

import dev.ember.runtime.functions.XxHash64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
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
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The statistical and object accumulators, driven as kernels drive them. Expected values are Spark 4.2.0's. */
class AggregateFunctionStatesTest {
  private final List<BufferAllocator> allocators = new ArrayList<>();
  private BufferAllocator allocator = track(Allocators.newRoot());

  private BufferAllocator track(BufferAllocator created) {
    allocators.add(created);
    return created;
  }

  @AfterEach
  void closeAllocators() {
    allocators.forEach(BufferAllocator::close);
  }

  private static StructType schemaOf(List<DataType> types) {
    StructType schema = new StructType();
    for (int i = 0; i < types.size(); i++) {
      schema = schema.add("c" + i, types.get(i));
    }
    return schema;
  }

  /** One partition (and morsel) per feeder, merged by the sink; a global aggregate's one row. */
  @SafeVarargs
  private List<Object> aggregate(List<AccumulatorSpec> accumulators, Consumer<HashAggregationTable>... feeders) {
    List<DataType> outputTypes = accumulators.stream().map(AccumulatorSpec::resultType).toList();
    HashAggregateSink sink = new HashAggregateSink(new AggregationSpec(List.of(), accumulators), schemaOf(outputTypes));
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
      ColumnBatch batch = result.batches().get(0);
      List<Object> values = new ArrayList<>();
      for (FieldVector vector : batch.vectors()) {
        Object value = vector.getObject(0);
        values.add(value instanceof Text text ? text.toString() : value);
      }
      return values;
    }
  }

  private static AccumulatorSpec moment(AccumulatorKind kind) {
    return new AccumulatorSpec(kind, DataTypes.DoubleType, DataTypes.DoubleType);
  }

  private static Consumer<HashAggregationTable> moments(double... values) {
    return table -> {
      for (double value : values) {
        int group = table.findOrInsertGroup();
        for (int slot = 0; slot < 6; slot++) {
          table.moment(group, slot, value);
        }
      }
    };
  }

  private static final List<AccumulatorSpec> MOMENTS = List.of(moment(AccumulatorKind.VAR_SAMP),
      moment(AccumulatorKind.VAR_POP), moment(AccumulatorKind.STDDEV_SAMP), moment(AccumulatorKind.STDDEV_POP),
      moment(AccumulatorKind.SKEWNESS), moment(AccumulatorKind.KURTOSIS));

  @Test
  void centralMomentsOfTwoValuesAreSparks() {
    assertEquals(Arrays.asList(0.5, 0.25, 0.7071067811865476, 0.5, 0.0, -2.0), aggregate(MOMENTS, moments(1.5, 2.5)));
  }

  @Test
  void oneValueHasNoSampleStatisticsAndConstantInputNoSkewness() {
    assertEquals(Arrays.asList(null, 0.0, null, 0.0, null, null), aggregate(MOMENTS, moments(3.0)));
    assertEquals(Arrays.asList(null, null, null, null, null, null), aggregate(MOMENTS, moments()));
  }

  @Test
  void mergedMomentsMatchOnePassWithinRounding() {
    double[] all = {-0.0, 0.0, 10.25, 4.0, 7.5, -3.25, 100.0};
    List<Object> onePass = aggregate(MOMENTS, moments(all));
    List<Object> merged = aggregate(MOMENTS, moments(-0.0, 0.0, 10.25), moments(), moments(4.0, 7.5, -3.25, 100.0));
    for (int i = 0; i < onePass.size(); i++) {
      assertEquals((Double) onePass.get(i), (Double) merged.get(i), 1e-9 * Math.abs((Double) onePass.get(i)));
    }
    // Spark's values for this input (one partition): skewness and kurtosis.
    assertEquals(0.708324287853282, (Double) aggregate(MOMENTS, moments(-0.0, 0.0, 10.25, 4.0)).get(4), 0.0);
    assertEquals(-1.1202263168703954, (Double) aggregate(MOMENTS, moments(-0.0, 0.0, 10.25, 4.0)).get(5), 0.0);
  }

  @Test
  void correlationOfAConstantColumnDividesByZeroUnderAnsi() {
    List<AccumulatorSpec> specs = List.of(moment(AccumulatorKind.COVAR_POP), moment(AccumulatorKind.COVAR_SAMP),
        moment(AccumulatorKind.CORR));
    Consumer<HashAggregationTable> pairs = table -> {
      int group = table.findOrInsertGroup();
      for (int slot = 0; slot < 3; slot++) {
        table.coMoment(group, slot, 1.5, 2.0);
        table.coMoment(group, slot, 2.5, 3.5);
      }
    };
    assertEquals(Arrays.asList(0.375, 0.75, 1.0), aggregate(specs, pairs));
    Consumer<HashAggregationTable> constant = table -> {
      int group = table.findOrInsertGroup();
      table.coMoment(group, 2, 1.0, 5.0);
      table.coMoment(group, 2, 2.0, 5.0);
    };
    SparkException error = assertThrows(SparkException.class, () -> aggregate(specs, constant));
    assertEquals("DIVIDE_BY_ZERO", error.getCondition());
  }

  @Test
  void boolAndOrAndCountIf() {
    List<AccumulatorSpec> specs = List.of(
        new AccumulatorSpec(AccumulatorKind.BOOL_AND, DataTypes.BooleanType, DataTypes.BooleanType),
        new AccumulatorSpec(AccumulatorKind.BOOL_OR, DataTypes.BooleanType, DataTypes.BooleanType),
        new AccumulatorSpec(AccumulatorKind.COUNT_IF, DataTypes.BooleanType, DataTypes.LongType));
    Consumer<HashAggregationTable> first = table -> {
      int group = table.findOrInsertGroup();
      table.boolAnd(group, 0, true);
      table.boolOr(group, 1, false);
      table.countIf(group, 2, true);
    };
    Consumer<HashAggregationTable> second = table -> {
      int group = table.findOrInsertGroup();
      table.boolAnd(group, 0, false);
      table.boolOr(group, 1, true);
      table.countIf(group, 2, false);
    };
    assertEquals(Arrays.asList(false, true, 1L), aggregate(specs, first, second));
    assertEquals(Arrays.asList(null, null, 0L), aggregate(specs));
  }

  private static Consumer<HashAggregationTable> strings(int slot, String... values) {
    return table -> {
      for (String value : values) {
        int group = table.findOrInsertGroup();
        if (value == null) {
          table.stageNull(slot, 0);
        } else {
          table.stageBytes(slot, 0, value.getBytes(StandardCharsets.UTF_8));
        }
        table.updateObject(group, slot);
      }
    };
  }

  @Test
  void firstAndLastFollowInputOrderAcrossPartitions() {
    List<AccumulatorSpec> first = List.of(AccumulatorSpec.object(
        new FirstLastAggregate(DataTypes.StringType, false, true)));
    List<AccumulatorSpec> last = List.of(AccumulatorSpec.object(
        new FirstLastAggregate(DataTypes.StringType, true, false)));
    // Partition 0 reads morsel 0, partition 1 morsel 1: the merge keeps morsel order whatever the partition order.
    assertEquals(List.of("b"), aggregate(first, strings(0, null, "b", "c"), strings(0, "d")));
    assertEquals(Arrays.asList((Object) null), aggregate(last, strings(0, "a"), strings(0, "d", null)));
  }

  @Test
  void countDistinctReplaysDistinctValuesIntoCount() {
    AccumulatorSpec count = new AccumulatorSpec(AccumulatorKind.COUNT, DataTypes.StringType, DataTypes.LongType);
    List<AccumulatorSpec> specs = List.of(AccumulatorSpec.object(
        new DistinctAggregate(List.of(DataTypes.StringType), count)));
    assertEquals(List.of(3L), aggregate(specs, strings(0, "a", "b", null, "a"), strings(0, "c", "b")));
    assertEquals(List.of(0L), aggregate(specs));
  }

  @Test
  void sumDistinctOfDecimalsKeepsSumsTypeAndValue() {
    DecimalType input = new DecimalType(10, 2);
    AccumulatorSpec sum = new AccumulatorSpec(AccumulatorKind.SUM_DECIMAL, input, new DecimalType(20, 2));
    List<AccumulatorSpec> specs = List.of(AccumulatorSpec.object(new DistinctAggregate(List.of(input), sum)));
    Consumer<HashAggregationTable> rows = table -> {
      for (long unscaled : new long[] {125, 250, 125}) {
        int group = table.findOrInsertGroup();
        table.stageDecimal(0, 0, unscaled, 0);
        table.updateObject(group, 0);
      }
    };
    assertEquals(List.of(new BigDecimal("3.75")), aggregate(specs, rows));
  }

  @Test
  void xxHash64MatchesSparksXxhash64() {
    assertEquals(-6698625589789238999L, XxHash64.hashInt(1, 42));
    assertEquals(-7001672635703045582L, XxHash64.hashLong(1, 42));
    assertEquals(1423657621850124518L, XxHash64.hashBytes("abc".getBytes(StandardCharsets.UTF_8), 42));
    assertEquals(4962924184544930924L,
        XxHash64.hashBytes("a string longer than thirty-two bytes!!".getBytes(StandardCharsets.UTF_8), 42));
    assertEquals(2435211733827758672L, XxHash64.hashLong(Double.doubleToLongBits(2.5), 42));
    assertEquals(2287599437899865974L, XxHash64.hashLong(125, 42));
  }

  @Test
  void approxCountDistinctIsExactForSmallSetsAndMergesRegisters() {
    List<AccumulatorSpec> specs = List.of(AccumulatorSpec.object(
        new ApproxCountDistinctAggregate(DataTypes.StringType, 0.05)));
    assertEquals(List.of(4L), aggregate(specs, strings(0, "a", "b", null), strings(0, "c", "a", "d")));
    assertEquals(9, ApproxCountDistinctAggregate.precision(0.05));
  }

  @Test
  void percentileInterpolatesAndMedianOfNothingIsNull() {
    List<AccumulatorSpec> specs = List.of(AccumulatorSpec.object(new PercentileAggregate(DataTypes.DoubleType, 0.3)));
    Consumer<HashAggregationTable> rows = table -> {
      for (double value : new double[] {2.5, 1.5}) {
        int group = table.findOrInsertGroup();
        table.stageDouble(0, 0, value);
        table.updateObject(group, 0);
      }
    };
    assertEquals(List.of(1.7999999999999998), aggregate(specs, rows));
    assertNull(aggregate(specs).get(0));
  }

  @Test
  void onHeapStateBeyondTheMemoryLimitIsRefused() {
    allocator = track(Allocators.newRoot(2L << 20));
    AccumulatorSpec count = new AccumulatorSpec(AccumulatorKind.COUNT, DataTypes.StringType, DataTypes.LongType);
    List<AccumulatorSpec> specs = List.of(AccumulatorSpec.object(
        new DistinctAggregate(List.of(DataTypes.StringType), count)));
    Consumer<HashAggregationTable> many = table -> {
      for (int i = 0; i < 100_000; i++) {
        int group = table.findOrInsertGroup();
        table.stageBytes(0, 0, ("value number " + i).getBytes(StandardCharsets.UTF_8));
        table.updateObject(group, 0);
      }
    };
    SparkException error = assertThrows(SparkException.class, () -> aggregate(specs, many));
    assertEquals("UNABLE_TO_ACQUIRE_MEMORY", error.getCondition());
    assertTrue(error.getMessage().contains("hash aggregate"), error.getMessage());
  }
}
