package dev.ember.runtime.sources;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A source over batches already in memory: a sink's output (aggregated groups, sorted rows, collected
 * results). Each batch is one morsel, in list order, so a downstream order-keeping sink sees the
 * batches in this order.
 *
 * <p>Ownership: the source owns the batches until {@link #open} hands one to the caller (each morsel
 * may be opened once); {@link #close()} frees the batches that were never opened. Thread-safe.
 */
public final class MaterializedSource implements BatchSource {
  private final StructType schema;
  private final AtomicReferenceArray<ColumnBatch> batches;
  private final List<Morsel> morsels;

  public MaterializedSource(StructType schema, List<ColumnBatch> batches) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(batches, "batches is null");
    this.batches = new AtomicReferenceArray<>(batches.toArray(new ColumnBatch[0]));
    List<Morsel> pieces = new ArrayList<>(batches.size());
    for (int i = 0; i < batches.size(); i++) {
      pieces.add(new BatchMorsel(i, batches.get(i).rowCount()));
    }
    this.morsels = List.copyOf(pieces);
  }

  /** One materialized batch. */
  public record BatchMorsel(int index, int rowCount) implements Morsel {
    @Override
    public String describe() {
      return "materialized batch " + index + " (" + rowCount + " rows)";
    }
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public List<Morsel> morsels() {
    return morsels;
  }

  /** Total rows still held (not yet opened). */
  public long rowCount() {
    long rows = 0;
    for (int i = 0; i < batches.length(); i++) {
      ColumnBatch batch = batches.get(i);
      rows += batch == null ? 0 : batch.rowCount();
    }
    return rows;
  }

  /**
   * Hands the morsel's batch to the caller, who then owns it. The batch keeps the allocator it was
   * built with: the scheduler shares one query allocator, so there is nothing to transfer.
   */
  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    if (!(morsel instanceof BatchMorsel batchMorsel) || morsels.get(batchMorsel.index()) != morsel) {
      throw new IllegalArgumentException("morsel " + morsel.describe() + " does not belong to this source");
    }
    ColumnBatch batch = batches.getAndSet(batchMorsel.index(), null);
    if (batch == null) {
      throw new IllegalStateException(morsel.describe() + " was already opened or the source is closed");
    }
    return new SingleBatchStream(batch);
  }

  /**
   * {@code readers} sources over this source's batches, for a result that several pipelines read: the
   * first takes the batches themselves, the others {@linkplain ColumnBatch#sharedView() views} of
   * them. This source is empty afterwards. Fails if a batch was opened already.
   */
  public List<MaterializedSource> share(int readers) {
    if (readers < 1) {
      throw new IllegalArgumentException("readers must be at least 1, got " + readers);
    }
    List<ColumnBatch> originals = new ArrayList<>(batches.length());
    for (int i = 0; i < batches.length(); i++) {
      ColumnBatch batch = batches.getAndSet(i, null);
      if (batch == null) {
        originals.forEach(ColumnBatch::close);
        throw new IllegalStateException(morsels.get(i).describe() + " was already opened; the source cannot be shared");
      }
      originals.add(batch);
    }
    List<MaterializedSource> shared = new ArrayList<>(readers);
    shared.add(new MaterializedSource(schema, originals));
    try {
      for (int reader = 1; reader < readers; reader++) {
        List<ColumnBatch> views = new ArrayList<>(originals.size());
        try {
          for (ColumnBatch batch : originals) {
            views.add(batch.sharedView());
          }
        } catch (RuntimeException | Error e) {
          views.forEach(ColumnBatch::close);
          throw e;
        }
        shared.add(new MaterializedSource(schema, views));
      }
    } catch (RuntimeException | Error e) {
      shared.forEach(MaterializedSource::close);
      throw e;
    }
    return shared;
  }

  @Override
  public void close() {
    for (int i = 0; i < batches.length(); i++) {
      ColumnBatch batch = batches.getAndSet(i, null);
      if (batch != null) {
        batch.close();
      }
    }
  }

  /** Returns its one batch, then the end; closing before the batch was taken frees it. */
  private static final class SingleBatchStream implements BatchStream {
    private ColumnBatch pending;

    SingleBatchStream(ColumnBatch batch) {
      this.pending = batch;
    }

    @Override
    public ColumnBatch next() {
      ColumnBatch batch = pending;
      pending = null;
      return batch;
    }

    @Override
    public void close() {
      if (pending != null) {
        pending.close();
        pending = null;
      }
    }
  }
}
