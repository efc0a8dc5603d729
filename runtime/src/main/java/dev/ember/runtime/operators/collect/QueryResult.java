package dev.ember.runtime.operators.collect;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/** A query's materialized result: its schema and its batches in order. Closing frees the batches. */
public final class QueryResult implements AutoCloseable {
  private final StructType schema;
  private final List<ColumnBatch> batches;
  private final long rowCount;

  /** Takes ownership of {@code batches}. */
  public QueryResult(StructType schema, List<ColumnBatch> batches) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.batches = List.copyOf(Objects.requireNonNull(batches, "batches is null"));
    long rows = 0;
    for (ColumnBatch batch : this.batches) {
      rows += batch.rowCount();
    }
    this.rowCount = rows;
  }

  /**
   * Reads every morsel of {@code source} in order on the calling thread and keeps the non-empty
   * batches. Takes ownership of the source: it is closed afterwards, also on failure.
   */
  public static QueryResult drain(BatchSource source, BufferAllocator allocator) {
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(allocator, "allocator is null");
    List<ColumnBatch> batches = new ArrayList<>();
    try (source) {
      for (Morsel morsel : source.morsels()) {
        try (BatchStream stream = source.open(morsel, allocator)) {
          for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
            if (batch.rowCount() == 0) {
              batch.close();
            } else {
              batches.add(batch);
            }
          }
        }
      }
      return new QueryResult(source.schema(), batches);
    } catch (RuntimeException e) {
      batches.forEach(ColumnBatch::close);
      throw e;
    }
  }

  public StructType schema() {
    return schema;
  }

  public List<ColumnBatch> batches() {
    return batches;
  }

  public long rowCount() {
    return rowCount;
  }

  @Override
  public void close() {
    batches.forEach(ColumnBatch::close);
  }
}
