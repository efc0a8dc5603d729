package dev.ember.runtime.operators.aggregate;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.ParallelTasks;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * Turns a merged aggregation table into output batches: key columns decoded from the serialized keys,
 * then each accumulator's final value (Spark's empty-input results: count 0, sum/avg/min/max null).
 */
final class AggregateOutput {
  /** 10^p for p = 0..38 as {low, high} words of the 128-bit value. */
  private static final long[][] POWERS_OF_TEN = powersOfTen();

  static final int BATCH_ROWS = 4096;
  /** Spark divides decimals at scale 39 (one past the maximum), then rounds to the result type. */
  private static final int DIVISION_SCALE = 39;

  /** Where the groups are: one table, or the tables of a partitioned merge. */
  private final List<HashAggregationTable> tables;
  private final StructType schema;
  private final List<DataType> keyTypes;
  private final AccumulatorLayout layout;
  private final boolean ansiEnabled;
  /** Per DISTINCT slot, the one-group table its values are replayed into; made on first use. */
  private DistinctResults[] distinctResults;
  private BufferAllocator allocator;

  AggregateOutput(HashAggregationTable table, StructType schema) {
    this(List.of(table), schema);
  }

  /** Over the groups of several tables of one aggregation (see {@link #write(int, OutputOrder, BufferAllocator)}). */
  AggregateOutput(List<HashAggregationTable> tables, StructType schema) {
    this.tables = List.copyOf(tables);
    HashAggregationTable table = this.tables.get(0);
    this.schema = schema;
    this.keyTypes = table.spec().keyTypes();
    this.layout = table.layout();
    this.ansiEnabled = table.ansiEnabled();
    if (schema.length() != keyTypes.size() + layout.size()) {
      throw new IllegalArgumentException("output schema " + schema.simpleString() + " has " + schema.length()
          + " columns, the aggregation produces " + keyTypes.size() + " keys and " + layout.size() + " aggregates");
    }
  }

  /** Which group each output row shows. */
  @FunctionalInterface
  interface OutputOrder {
    /** Output row {@code row}'s group, as (index of its table << 32) | group id. */
    long entry(int row);
  }

  /** Builds all batches, one row per entry of {@code groupOrder} (group ids of the one table); the caller owns them. */
  List<ColumnBatch> write(int[] groupOrder, BufferAllocator allocator) {
    return write(groupOrder.length, row -> groupOrder[row], allocator);
  }

  /** Builds all batches, {@code rows} rows in {@code order}; the caller owns them. */
  List<ColumnBatch> write(int rows, OutputOrder order, BufferAllocator allocator) {
    this.allocator = allocator;
    List<ColumnBatch> batches = new ArrayList<>();
    try {
      for (int first = 0; first < rows; first += BATCH_ROWS) {
        batches.add(writeBatch(order, first, Math.min(BATCH_ROWS, rows - first), allocator));
      }
      return batches;
    } catch (RuntimeException e) {
      batches.forEach(ColumnBatch::close);
      throw e;
    } finally {
      closeDistinctResults();
    }
  }

  /**
   * As {@link #write(int, OutputOrder, BufferAllocator)} over {@code tables}, the batches built on up to
   * {@code threads} threads (each its own writer, as DISTINCT results are replayed through a writer's
   * own tables); the caller owns them.
   */
  static List<ColumnBatch> writeInParallel(List<HashAggregationTable> tables, StructType schema, int rows,
      OutputOrder order, BufferAllocator allocator, int threads) {
    int batchCount = (rows + BATCH_ROWS - 1) / BATCH_ROWS;
    int tasks = Math.max(1, Math.min(threads, batchCount));
    ColumnBatch[] batches = new ColumnBatch[batchCount];
    try {
      ParallelTasks.run(tasks, tasks, task -> {
        AggregateOutput writer = new AggregateOutput(tables, schema);
        writer.allocator = allocator;
        try {
          // Contiguous runs of batches: every row costs about the same.
          for (int batch = (int) ((long) batchCount * task / tasks); batch < (long) batchCount * (task + 1) / tasks;
              batch++) {
            int first = batch * BATCH_ROWS;
            batches[batch] = writer.writeBatch(order, first, Math.min(BATCH_ROWS, rows - first), allocator);
          }
        } finally {
          writer.closeDistinctResults();
        }
      }, "ember-aggregate-output");
    } catch (RuntimeException | Error e) {
      for (ColumnBatch batch : batches) {
        if (batch != null) {
          batch.close();
        }
      }
      throw e;
    }
    return List.of(batches);
  }

  private void closeDistinctResults() {
    if (distinctResults != null) {
      for (DistinctResults results : distinctResults) {
        if (results != null) {
          results.close();
        }
      }
      distinctResults = null;
    }
  }

  private ColumnBatch writeBatch(OutputOrder order, int first, int rows, BufferAllocator allocator) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, rows);
    try {
      for (int row = 0; row < rows; row++) {
        long entry = order.entry(first + row);
        HashAggregationTable table = tables.get((int) (entry >>> 32));
        int group = (int) entry;
        writeKeys(table, vectors, row, group);
        for (int slot = 0; slot < layout.size(); slot++) {
          writeResult(table, vectors.get(keyTypes.size() + slot), row, group, slot);
        }
      }
      for (FieldVector vector : vectors) {
        vector.setValueCount(rows);
      }
      return new ColumnBatch(schema, vectors, rows);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  private void writeKeys(HashAggregationTable table, List<FieldVector> vectors, int row, int group) {
    long address = table.keyDataAddress() + table.keyStart(group);
    for (int column = 0; column < keyTypes.size(); column++) {
      FieldVector vector = vectors.get(column);
      byte tag = MemoryUtil.getByte(address);
      address += 1;
      if (tag == 0) {
        OutputVectors.setNull(vector, row);
        continue;
      }
      DataType type = keyTypes.get(column);
      switch (AccumulatorLayout.valueClassOf(type)) {
        case BYTES -> {
          int length = MemoryUtil.getInt(address);
          OutputVectors.setBytes(vector, row, address + 4, length);
          address += 4 + length;
        }
        case DECIMAL -> {
          OutputVectors.setDecimal(vector, row, MemoryUtil.getLong(address), MemoryUtil.getLong(address + 8));
          address += 16;
        }
        case DOUBLE -> {
          long bits = MemoryUtil.getLong(address);
          double value = type instanceof dev.ember.sql.types.FloatType
              ? Float.intBitsToFloat((int) bits)
              : Double.longBitsToDouble(bits);
          OutputVectors.setDouble(vector, row, value);
          address += 8;
        }
        case LONG -> {
          OutputVectors.setLong(vector, row, MemoryUtil.getLong(address));
          address += 8;
        }
      }
    }
  }

  /** Writes the result of {@code slot} for {@code group} of the (first) table. */
  void writeResult(FieldVector vector, int row, int group, int slot) {
    writeResult(tables.get(0), vector, row, group, slot);
  }

  private void writeResult(HashAggregationTable table, FieldVector vector, int row, int group, int slot) {
    long state = table.stateAddress(group, slot);
    AccumulatorSpec spec = layout.spec(slot);
    boolean seen = MemoryUtil.getLong(state) != 0;
    switch (spec.kind()) {
      case COUNT, COUNT_ROWS -> OutputVectors.setLong(vector, row, MemoryUtil.getLong(state));
      case SUM_LONG -> {
        if (seen) {
          OutputVectors.setLong(vector, row, MemoryUtil.getLong(state + 8));
        }
      }
      case SUM_DOUBLE -> {
        if (seen) {
          OutputVectors.setDouble(vector, row, Double.longBitsToDouble(MemoryUtil.getLong(state + 8)));
        }
      }
      case SUM_DECIMAL -> {
        if (seen) {
          long low = MemoryUtil.getLong(state + 8);
          long high = MemoryUtil.getLong(state + 16);
          if (fitsPrecision(low, high, ((DecimalType) spec.resultType()).precision(), spec.kind())) {
            OutputVectors.setDecimal(vector, row, low, high);
          }
        }
      }
      case AVG_LONG, AVG_DOUBLE -> {
        long count = MemoryUtil.getLong(state);
        if (count != 0) {
          OutputVectors.setDouble(vector, row, Double.longBitsToDouble(MemoryUtil.getLong(state + 8)) / count);
        }
      }
      case AVG_DECIMAL -> {
        long count = MemoryUtil.getLong(state);
        if (count != 0) {
          writeDecimalAverage(vector, row, state, count, spec);
        }
      }
      case MIN, MAX -> {
        if (seen) {
          writeExtreme(table, vector, row, state, slot);
        }
      }
      case COUNT_IF -> OutputVectors.setLong(vector, row, MemoryUtil.getLong(state));
      case BOOL_AND, BOOL_OR -> {
        if (seen) {
          OutputVectors.setLong(vector, row, MemoryUtil.getLong(state + 8));
        }
      }
      case VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP, SKEWNESS, KURTOSIS -> {
        Double result = CentralMoments.result(state, spec.kind());
        if (result != null) {
          OutputVectors.setDouble(vector, row, result);
        }
      }
      case COVAR_POP, COVAR_SAMP, CORR -> {
        Double result = CoMoments.result(state, spec.kind(), ansiEnabled);
        if (result != null) {
          OutputVectors.setDouble(vector, row, result);
        }
      }
      case OBJECT -> {
        if (spec.objectAggregate() instanceof DistinctAggregate distinct) {
          distinctResults(slot, distinct).write(table.objectState(group, slot), vector, row);
        } else {
          OutputVectors.setBoxed(vector, row, table.objectState(group, slot).result());
        }
      }
    }
  }

  private DistinctResults distinctResults(int slot, DistinctAggregate distinct) {
    if (distinctResults == null) {
      distinctResults = new DistinctResults[layout.size()];
    }
    if (distinctResults[slot] == null) {
      distinctResults[slot] = new DistinctResults(distinct, allocator, ansiEnabled);
    }
    return distinctResults[slot];
  }

  /**
   * Whether a decimal sum fits its {@code precision}: if not, ANSI fails the query and otherwise the
   * result is null (an overflowed running sum, see {@link HashAggregationTable#isOverflowed}, never fits).
   */
  private boolean fitsPrecision(long low, long high, int precision, AccumulatorKind kind) {
    // Compared in words: one BigInteger power of ten per output row cost a quarter of an aggregation
    // into 1.5 M groups.
    boolean fits = !HashAggregationTable.isOverflowed(low, high)
        && HashAggregationTable.fitsPrecision(low, high, POWERS_OF_TEN[precision]);
    if (!fits && ansiEnabled) {
      throw AggregateErrors.decimalSumOverflow(kind);
    }
    return fits;
  }

  /**
   * Spark: the sum (of type decimal(p + 10, s)) divided by the count at scale 39, then HALF_UP to the
   * result; out of range is an error under ANSI, else null.
   */
  private static long[][] powersOfTen() {
    long[][] powers = new long[DecimalType.MAX_PRECISION + 1][];
    for (int precision = 0; precision < powers.length; precision++) {
      BigInteger power = BigInteger.TEN.pow(precision);
      powers[precision] = new long[] {Int128.low(power), Int128.high(power)};
    }
    return powers;
  }

  private void writeDecimalAverage(FieldVector vector, int row, long state, long count, AccumulatorSpec spec) {
    DecimalType input = (DecimalType) spec.inputType();
    DecimalType result = (DecimalType) spec.resultType();
    long low = MemoryUtil.getLong(state + 8);
    long high = MemoryUtil.getLong(state + 16);
    if (!fitsPrecision(low, high, HashAggregationTable.sumPrecisionOfAverage(input), spec.kind())) {
      return;
    }
    BigDecimal sum = new BigDecimal(Int128.toBigInteger(low, high), input.scale());
    BigDecimal quotient = sum.divide(BigDecimal.valueOf(count), DIVISION_SCALE, RoundingMode.HALF_UP);
    BigDecimal average = quotient.setScale(result.scale(), RoundingMode.HALF_UP);
    if (average.precision() - average.scale() > result.precision() - result.scale()) {
      if (ansiEnabled) {
        throw AggregateErrors.decimalOutOfRange(quotient.toPlainString(), result.precision(), result.scale());
      }
      return;
    }
    BigInteger unscaled = average.unscaledValue();
    OutputVectors.setDecimal(vector, row, Int128.low(unscaled), Int128.high(unscaled));
  }

  private void writeExtreme(HashAggregationTable table, FieldVector vector, int row, long state, int slot) {
    switch (layout.valueClass(slot)) {
      case LONG -> OutputVectors.setLong(vector, row, MemoryUtil.getLong(state + 8));
      case DOUBLE -> OutputVectors.setDouble(vector, row, Double.longBitsToDouble(MemoryUtil.getLong(state + 8)));
      case DECIMAL -> OutputVectors.setDecimal(vector, row, MemoryUtil.getLong(state + 8), MemoryUtil.getLong(state + 16));
      case BYTES -> OutputVectors.setBytes(
          vector, row, table.varDataAddress() + MemoryUtil.getLong(state + 8), MemoryUtil.getInt(state + 16));
    }
  }
}
