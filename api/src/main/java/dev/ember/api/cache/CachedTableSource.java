package dev.ember.api.cache;

import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.TableSource;
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
 * A persisted Dataset's cached batches as a table: each morsel is one cached batch, handed to the
 * reader as a new batch sharing the cached buffers (Arrow counts the references), so the reader closes
 * its batch as usual and the cache keeps its own until {@code unpersist}.
 */
final class CachedTableSource implements TableSource {
  private final CachedData data;

  CachedTableSource(CachedData data) {
    this.data = Objects.requireNonNull(data, "data is null");
  }

  @Override
  public StructType schema() {
    return data.schema();
  }

  @Override
  public String formatName() {
    return "InMemoryRelation";
  }

  @Override
  public String describe() {
    return data.storageDescription();
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    List<ColumnBatch> batches = data.batches();
    StructField[] fields = new StructField[columns.length];
    for (int i = 0; i < columns.length; i++) {
      fields[i] = data.schema().fields()[columns[i]];
    }
    StructType readSchema = new StructType(fields);
    List<Morsel> morsels = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      morsels.add(new CachedBatch(i, batches.get(i).rowCount()));
    }
    return new BatchSource() {
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
        ColumnBatch cached = batches.get(((CachedBatch) morsel).index());
        return new BatchStream() {
          private boolean done;

          @Override
          public ColumnBatch next() {
            if (done) {
              return null;
            }
            done = true;
            return share(cached, columns, readSchema, allocator);
          }

          @Override
          public void close() {}
        };
      }
    };
  }

  /** A new batch over the same buffers as the cached columns, accounted to {@code allocator}. */
  private ColumnBatch share(ColumnBatch cached, int[] columns, StructType readSchema, BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>(columns.length);
    // Arrow's reference counts are not meant for concurrent transfers from one vector.
    synchronized (data) {
      try {
        for (int column : columns) {
          TransferPair transfer = cached.vector(column).getTransferPair(allocator);
          transfer.splitAndTransfer(0, cached.rowCount());
          vectors.add((FieldVector) transfer.getTo());
        }
      } catch (RuntimeException e) {
        vectors.forEach(FieldVector::close);
        throw e;
      }
    }
    return new ColumnBatch(readSchema, vectors, cached.rowCount());
  }

  private record CachedBatch(int index, int rowCount) implements Morsel {
    @Override
    public String describe() {
      return "cached batch " + index + " (" + rowCount + " rows)";
    }
  }
}
