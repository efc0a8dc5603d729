package dev.ember.runtime.sources;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;

/**
 * Spark's {@code spark.range(start, end, step)}: one non-null bigint column holding {@code start,
 * start + step, ...} up to but excluding {@code end} (or down to, for a negative step); empty when the
 * step points away from {@code end}.
 */
public final class RangeSource implements BatchSource {
  /** Rows per batch, Spark's and Arrow's usual vector size. */
  public static final int BATCH_ROWS = 4096;

  private final long start;
  private final long step;
  private final long rowCount;
  private final StructType schema;
  private final List<Morsel> morsels;

  public RangeSource(long start, long end, long step, int morselRows, String columnName) {
    Objects.requireNonNull(columnName, "columnName is null");
    if (step == 0) {
      throw new IllegalArgumentException("range step must not be 0 (start " + start + ", end " + end + ")");
    }
    if (morselRows <= 0) {
      throw new IllegalArgumentException("morselRows must be positive, got " + morselRows);
    }
    this.start = start;
    this.step = step;
    this.rowCount = countRows(start, end, step);
    this.schema = new StructType(new StructField[] {new StructField(columnName, DataTypes.LongType, false)});
    List<Morsel> pieces = new ArrayList<>();
    for (long first = 0; first < rowCount; first += morselRows) {
      pieces.add(new RangeMorsel(first, Math.min(morselRows, rowCount - first)));
    }
    this.morsels = List.copyOf(pieces);
  }

  /** Rows {@code [firstRow, firstRow + rowCount)} of the range, by position. */
  public record RangeMorsel(long firstRow, long rowCount) implements Morsel {
    @Override
    public String describe() {
      return "range rows " + firstRow + ".." + (firstRow + rowCount);
    }
  }

  // Exact arithmetic: (end - start) overflows a long for ranges spanning more than half the domain.
  private static long countRows(long start, long end, long step) {
    BigInteger distance = BigInteger.valueOf(end).subtract(BigInteger.valueOf(start));
    BigInteger stepValue = BigInteger.valueOf(step);
    if (distance.signum() == 0 || distance.signum() != stepValue.signum()) {
      return 0;
    }
    BigInteger[] quotientAndRemainder = distance.divideAndRemainder(stepValue);
    BigInteger count = quotientAndRemainder[0];
    if (quotientAndRemainder[1].signum() != 0) {
      count = count.add(BigInteger.ONE);
    }
    if (count.bitLength() > 63) {
      throw new IllegalArgumentException(
          "range(" + start + ", " + end + ", " + step + ") has more than " + Long.MAX_VALUE + " rows");
    }
    return count.longValueExact();
  }

  public long rowCount() {
    return rowCount;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public List<Morsel> morsels() {
    return morsels;
  }

  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    if (!(morsel instanceof RangeMorsel range)) {
      throw new IllegalArgumentException("morsel " + morsel.describe() + " does not belong to a range source");
    }
    return new RangeStream(range, allocator);
  }

  private final class RangeStream implements BatchStream {
    private final BufferAllocator allocator;
    private long nextRow;
    private final long endRow;

    RangeStream(RangeMorsel morsel, BufferAllocator allocator) {
      this.allocator = Objects.requireNonNull(allocator, "allocator is null");
      this.nextRow = morsel.firstRow();
      this.endRow = morsel.firstRow() + morsel.rowCount();
    }

    @Override
    public ColumnBatch next() {
      if (nextRow >= endRow) {
        return null;
      }
      int rows = (int) Math.min(BATCH_ROWS, endRow - nextRow);
      BigIntVector vector = new BigIntVector(schema.apply(0).name(), allocator);
      try {
        vector.allocateNew(rows);
        // Wrapping arithmetic is exact here: every value lies between start and end.
        long value = start + nextRow * step;
        long address = vector.getDataBufferAddress();
        for (int i = 0; i < rows; i++) {
          MemoryUtil.putLong(address + ((long) i << 3), value);
          value += step;
        }
        vector.getValidityBuffer().setOne(0, (rows + 7) >>> 3);
        vector.setValueCount(rows);
      } catch (RuntimeException e) {
        vector.close();
        throw e;
      }
      nextRow += rows;
      return new ColumnBatch(schema, List.of(vector), rows);
    }

    @Override
    public void close() {
      nextRow = endRow;
    }
  }
}
