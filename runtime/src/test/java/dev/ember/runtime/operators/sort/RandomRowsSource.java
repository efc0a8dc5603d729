package dev.ember.runtime.operators.sort;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Generates rows on demand, so a test can sort far more input than it ever holds: {@code x} double
 * (nulls, NaN, -0.0 and 0.0, few distinct values so keys tie often), {@code s} string (nulls, few
 * distinct values including non-ASCII) and {@code position}, the row's number in source order. The
 * same seed gives the same rows however the morsels are spread over workers. Counts the bytes of
 * every batch it makes, to compare a sink's memory with the size of its input.
 */
final class RandomRowsSource implements BatchSource {
  static final StructType SCHEMA = new StructType()
      .add("x", DataTypes.DoubleType).add("s", DataTypes.StringType).add("position", DataTypes.IntegerType);
  private static final double[] DOUBLES = {Double.NaN, -0.0, 0.0, -1.5, 1.5, 2.0, 1e300, -1e300};
  private static final String[] STRINGS = {"a", "ab", "b", "Z", "é", "", "zz", "a\u0000"};

  private final long seed;
  private final int batchRows;
  private final int batchesPerMorsel;
  private final List<Morsel> morsels;
  private final AtomicLong bytesGenerated = new AtomicLong();
  private final BufferAllocator batchAllocator;

  private record RowsMorsel(int index, int firstPosition) implements Morsel {
    @Override
    public String describe() {
      return "random rows morsel " + index;
    }
  }

  RandomRowsSource(long seed, int rowCount, int batchRows, int batchesPerMorsel) {
    this(seed, rowCount, batchRows, batchesPerMorsel, null);
  }

  /**
   * With a {@code batchAllocator}, batches come from it instead of the worker's allocator, so a test
   * can limit a sink's memory without limiting the source's.
   */
  RandomRowsSource(long seed, int rowCount, int batchRows, int batchesPerMorsel, BufferAllocator batchAllocator) {
    this.seed = seed;
    this.batchAllocator = batchAllocator;
    this.batchRows = batchRows;
    this.batchesPerMorsel = batchesPerMorsel;
    int morselRows = batchRows * batchesPerMorsel;
    List<Morsel> pieces = new ArrayList<>();
    for (int first = 0, index = 0; first < rowCount; first += morselRows, index++) {
      pieces.add(new RowsMorsel(index, first));
    }
    this.morsels = List.copyOf(pieces);
    if ((long) morsels.size() * morselRows != rowCount) {
      throw new IllegalArgumentException("rowCount must be a multiple of " + morselRows);
    }
  }

  long bytesGenerated() {
    return bytesGenerated.get();
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public List<Morsel> morsels() {
    return morsels;
  }

  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    RowsMorsel rows = (RowsMorsel) morsel;
    SplittableRandom random = new SplittableRandom(new Random(seed + rows.index()).nextLong());
    return new BatchStream() {
      private int batch;

      @Override
      public ColumnBatch next() {
        if (batch == batchesPerMorsel) {
          return null;
        }
        return generate(random, rows.firstPosition() + batchRows * batch++,
            batchAllocator == null ? allocator : batchAllocator);
      }

      @Override
      public void close() {}
    };
  }

  private ColumnBatch generate(SplittableRandom random, int firstPosition, BufferAllocator allocator) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, batchRows);
    Float8Vector x = (Float8Vector) vectors.get(0);
    VarCharVector s = (VarCharVector) vectors.get(1);
    IntVector position = (IntVector) vectors.get(2);
    for (int i = 0; i < batchRows; i++) {
      if (random.nextInt(50) == 0) {
        x.setNull(i);
      } else {
        // Mostly distinct values, so extremes are rare and the top rows change as input arrives.
        x.set(i, random.nextInt(4) == 0 ? DOUBLES[random.nextInt(DOUBLES.length)] : random.nextInt(1_000_000) / 7.0);
      }
      if (random.nextInt(20) == 0) {
        s.setNull(i);
      } else {
        s.setSafe(i, STRINGS[random.nextInt(STRINGS.length)].getBytes(StandardCharsets.UTF_8));
      }
      position.set(i, firstPosition + i);
    }
    vectors.forEach(v -> v.setValueCount(batchRows));
    ColumnBatch result = new ColumnBatch(SCHEMA, vectors, batchRows);
    vectors.forEach(v -> bytesGenerated.addAndGet(v.getBufferSize()));
    return result;
  }
}
