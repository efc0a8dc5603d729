package dev.ember.runtime.operators.collect;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Keeps the first {@code limit} rows in source order (morsel index, then arrival within the morsel),
 * like Spark's {@code limit} over an ordered scan, and lets workers stop reading early.
 *
 * <p>When may a worker stop? Source order puts every row of morsel {@code j < m} before every row of
 * morsel {@code m}, and a morsel's batches arrive in order. So once the rows already accepted from
 * morsels {@code 0..m} reach {@code limit}, every later row of morsel {@code m} and every row of a
 * later morsel has at least {@code limit} rows before it and can never be among the first
 * {@code limit}: morsel {@code m} is done. Rows still missing from an earlier, unfinished morsel do
 * not break this (they come before, they only push later rows further out), and that earlier morsel
 * keeps reading because its own prefix sum has not reached the limit. Because the scheduler hands out
 * morsels in increasing index order, a worker whose morsel is done will only ever get later morsels,
 * all of which are done too, so it may stop altogether: {@code accept} returns false.
 *
 * <p>A batch that arrives when its prefix sum is already reached is dropped at once, so memory stays
 * bounded by about {@code limit} rows plus one batch per worker.
 */
public final class LimitSink implements PipelineSink {
  private final StructType schema;
  private final long limit;
  private volatile LimitProgress progress;

  public LimitSink(StructType schema, long limit) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be non-negative, got " + limit);
    }
    this.limit = limit;
    this.progress = new LimitProgress(limit);
  }

  public long limit() {
    return limit;
  }

  @Override
  public StructType outputSchema() {
    return schema;
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    return new LimitPartition(progress);
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<List<OrderedBatch>> collected = new ArrayList<>();
    List<OrderedBatch> ordered = new ArrayList<>();
    List<ColumnBatch> kept = new ArrayList<>();
    try {
      for (SinkPartition partition : partitions) {
        collected.add(((LimitPartition) partition).takeBatches());
      }
      ordered = OrderedBatch.inSourceOrder(collected);
      collected.clear();
      long remaining = limit;
      for (int i = 0; i < ordered.size(); i++) {
        ColumnBatch batch = ordered.get(i).batch();
        ordered.set(i, null);
        if (remaining >= batch.rowCount()) {
          kept.add(batch);
          remaining -= batch.rowCount();
        } else {
          try {
            if (remaining > 0) {
              kept.add(firstRows(batch, (int) remaining, allocator));
            }
          } finally {
            batch.close();
          }
          remaining = 0;
        }
      }
      return new MaterializedSource(schema, kept);
    } catch (RuntimeException e) {
      collected.forEach(list -> list.forEach(o -> o.batch().close()));
      ordered.stream().filter(Objects::nonNull).forEach(o -> o.batch().close());
      kept.forEach(ColumnBatch::close);
      throw e;
    } finally {
      partitions.forEach(SinkPartition::close);
      progress = new LimitProgress(limit);
    }
  }

  /** A new batch with the first {@code rows} rows of {@code batch}; the caller still closes {@code batch}. */
  static ColumnBatch firstRows(ColumnBatch batch, int rows, BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>(batch.columnCount());
    try {
      for (int column = 0; column < batch.columnCount(); column++) {
        TransferPair transfer = batch.vector(column).getTransferPair(allocator);
        transfer.splitAndTransfer(0, rows);
        vectors.add((FieldVector) transfer.getTo());
      }
      return new ColumnBatch(batch.schema(), vectors, rows);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  @Override
  public String describe() {
    return "Limit " + limit;
  }

  /** Rows accepted per morsel, shared by the workers of one run. Called once per batch, so a lock is cheap. */
  static final class LimitProgress {
    private final long limit;
    private long[] rowsPerMorsel = new long[16];

    LimitProgress(long limit) {
      this.limit = limit;
    }

    /** Rows accepted from morsels {@code 0..morselIndex}. */
    private long rowsThrough(int morselIndex) {
      long rows = 0;
      int last = Math.min(morselIndex, rowsPerMorsel.length - 1);
      for (int i = 0; i <= last; i++) {
        rows += rowsPerMorsel[i];
      }
      return rows;
    }

    synchronized boolean isDone(int morselIndex) {
      return rowsThrough(morselIndex) >= limit;
    }

    /** Records a batch of {@code rows}; returns whether the morsel is done afterwards. */
    synchronized boolean add(int morselIndex, int rows) {
      if (morselIndex >= rowsPerMorsel.length) {
        rowsPerMorsel = Arrays.copyOf(rowsPerMorsel, Math.max(morselIndex + 1, rowsPerMorsel.length * 2));
      }
      rowsPerMorsel[morselIndex] += rows;
      return rowsThrough(morselIndex) >= limit;
    }
  }

  static final class LimitPartition implements SinkPartition, BatchConsumer {
    private final LimitProgress progress;
    private final List<OrderedBatch> batches = new ArrayList<>();
    private int morselIndex;
    private long sequence;

    LimitPartition(LimitProgress progress) {
      this.progress = progress;
    }

    @Override
    public void beginMorsel(int morselIndex) {
      this.morselIndex = morselIndex;
    }

    @Override
    public boolean accept(ColumnBatch batch) {
      if (progress.isDone(morselIndex)) {
        batch.close();
        return false;
      }
      if (batch.rowCount() == 0) {
        batch.close();
        return true;
      }
      batches.add(new OrderedBatch(morselIndex, sequence++, batch));
      return !progress.add(morselIndex, batch.rowCount());
    }

    List<OrderedBatch> takeBatches() {
      List<OrderedBatch> taken = new ArrayList<>(batches);
      batches.clear();
      return taken;
    }

    @Override
    public void close() {
      batches.forEach(ordered -> ordered.batch().close());
      batches.clear();
    }
  }
}
