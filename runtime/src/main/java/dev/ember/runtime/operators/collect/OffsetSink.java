package dev.ember.runtime.operators.collect;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * {@code offset(n)}: every row but the first {@code n} in source order (morsel index, then arrival
 * within the morsel), the order {@link CollectSink} keeps. Which rows are first is known only once
 * every morsel is in, so the sink collects everything and skips in {@code finish}.
 */
public final class OffsetSink implements PipelineSink {
  private final CollectSink collect;
  private final long offset;

  public OffsetSink(StructType schema, long offset) {
    this.collect = new CollectSink(Objects.requireNonNull(schema, "schema is null"));
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be non-negative, got " + offset);
    }
    this.offset = offset;
  }

  public long offset() {
    return offset;
  }

  @Override
  public StructType outputSchema() {
    return collect.outputSchema();
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    return collect.createPartition(allocator);
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<ColumnBatch> kept = new ArrayList<>();
    try (QueryResult all = QueryResult.drain(collect.finish(partitions, allocator), allocator)) {
      long toSkip = offset;
      for (ColumnBatch batch : all.batches()) {
        if (toSkip >= batch.rowCount()) {
          toSkip -= batch.rowCount();
          continue;
        }
        kept.add(lastRows(batch, (int) toSkip, allocator));
        toSkip = 0;
      }
      return new MaterializedSource(outputSchema(), kept);
    } catch (RuntimeException e) {
      kept.forEach(ColumnBatch::close);
      throw e;
    }
  }

  /** A new batch with the rows of {@code batch} from {@code start} on; the caller still closes {@code batch}. */
  static ColumnBatch lastRows(ColumnBatch batch, int start, BufferAllocator allocator) {
    int rows = batch.rowCount() - start;
    List<FieldVector> vectors = new ArrayList<>(batch.columnCount());
    try {
      for (int column = 0; column < batch.columnCount(); column++) {
        TransferPair transfer = batch.vector(column).getTransferPair(allocator);
        transfer.splitAndTransfer(start, rows);
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
    return "Offset " + offset;
  }
}
