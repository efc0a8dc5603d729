package dev.ember.api.cache;

import dev.ember.api.sources.SharedBatchesSource;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.TableSource;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.StructType;
import java.util.Objects;

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
    return new SharedBatchesSource(data.batches(), data.schema(), columns, data, "cached batch");
  }
}
