package dev.ember.api.sources;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * Reads batches held in memory (a cached Dataset, rows given to {@code createDataFrame}), one morsel
 * per batch: each read hands out new vectors over the same buffers, accounted to the reader's
 * allocator, so the held batches outlive every query that reads them.
 */
public final class SharedBatchesSource implements BatchSource {
  private final List<ColumnBatch> batches;
  private final int[] columns;
  private final StructType readSchema;
  private final Object lock;
  private final String morselName;
  private final List<Morsel> morsels;

  /**
   * @param columns the columns of {@code schema} to read, in order
   * @param lock held while sharing: Arrow's reference counts are not meant for concurrent transfers
   *     from one vector, so every reader of the same batches must pass the same lock
   * @param morselName what a morsel is called in descriptions ("cached batch")
   */
  public SharedBatchesSource(List<ColumnBatch> batches, StructType schema, int[] columns, Object lock,
      String morselName) {
    this.batches = List.copyOf(Objects.requireNonNull(batches, "batches is null"));
    this.columns = columns.clone();
    StructField[] fields = new StructField[columns.length];
    for (int i = 0; i < columns.length; i++) {
      fields[i] = schema.apply(columns[i]);
    }
    this.readSchema = new StructType(fields);
    this.lock = Objects.requireNonNull(lock, "lock is null");
    this.morselName = Objects.requireNonNull(morselName, "morselName is null");
    List<Morsel> all = new ArrayList<>(batches.size());
    for (int i = 0; i < batches.size(); i++) {
      all.add(new HeldBatch(i, batches.get(i).rowCount()));
    }
    this.morsels = List.copyOf(all);
  }

  @Override
  public StructType schema() {
    return readSchema;
  }

  @Override
  public List<Morsel> morsels() {
    return morsels;
  }

  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    ColumnBatch held = batches.get(((HeldBatch) morsel).index());
    return new BatchStream() {
      private boolean done;

      @Override
      public ColumnBatch next() {
        if (done) {
          return null;
        }
        done = true;
        return share(held, allocator);
      }

      @Override
      public void close() {}
    };
  }

  private ColumnBatch share(ColumnBatch held, BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>(columns.length);
    synchronized (lock) {
      try {
        for (int column : columns) {
          TransferPair transfer = held.vector(column).getTransferPair(allocator);
          transfer.splitAndTransfer(0, held.rowCount());
          vectors.add((FieldVector) transfer.getTo());
        }
      } catch (RuntimeException e) {
        vectors.forEach(FieldVector::close);
        throw e;
      }
    }
    return new ColumnBatch(readSchema, vectors, held.rowCount());
  }

  private final class HeldBatch implements Morsel {
    private final int index;
    private final int rowCount;

    HeldBatch(int index, int rowCount) {
      this.index = index;
      this.rowCount = rowCount;
    }

    int index() {
      return index;
    }

    @Override
    public String describe() {
      return morselName + " " + index + " (" + rowCount + " rows)";
    }
  }
}
