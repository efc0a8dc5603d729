package dev.ember.runtime.operators.join;

import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.collect.CollectSink;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Ends the probe pipeline of a full outer join: collects the joined rows the probe produced (probe
 * columns, then build columns) and, once every probe row has marked its matches, adds the build rows
 * no probe row matched, with null probe columns. Its output feeds the operators above the join.
 */
public final class UnmatchedBuildRowsSink implements PipelineSink {
  private static final int OUTPUT_BATCH_ROWS = 4096;

  private final StructType schema;
  private final int probeColumns;
  private final JoinTableHandle handle;
  private final CollectSink collected;

  /** @param schema the probe columns ({@code probeColumns} of them), then the build side's columns */
  public UnmatchedBuildRowsSink(StructType schema, int probeColumns, JoinTableHandle handle) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.probeColumns = probeColumns;
    this.handle = Objects.requireNonNull(handle, "handle is null");
    this.collected = new CollectSink(schema);
  }

  @Override
  public StructType outputSchema() {
    return schema;
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    return collected.createPartition(allocator);
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<ColumnBatch> batches = new ArrayList<>();
    try (BatchSource joined = collected.finish(partitions, allocator)) {
      for (Morsel morsel : joined.morsels()) {
        try (BatchStream stream = joined.open(morsel, allocator)) {
          for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
            batches.add(batch);
          }
        }
      }
      addUnmatched(handle.table(), batches, allocator);
      return new MaterializedSource(schema, batches);
    } catch (RuntimeException e) {
      batches.forEach(ColumnBatch::close);
      throw e;
    }
  }

  private void addUnmatched(JoinHashTable table, List<ColumnBatch> out, BufferAllocator allocator) {
    List<Integer> rows = new ArrayList<>();
    for (int row = 0; row < table.rowCount(); row++) {
      if (!table.matched(row)) {
        rows.add(row);
        if (rows.size() == OUTPUT_BATCH_ROWS) {
          out.add(padded(table, rows, allocator));
          rows.clear();
        }
      }
    }
    if (!rows.isEmpty()) {
      out.add(padded(table, rows, allocator));
    }
  }

  private ColumnBatch padded(JoinHashTable table, List<Integer> rows, BufferAllocator allocator) {
    int count = rows.size();
    List<FieldVector> vectors = new ArrayList<>(schema.length());
    try {
      for (int column = 0; column < schema.length(); column++) {
        FieldVector target = ArrowTypes.allocateVector(schema.apply(column), allocator, count);
        vectors.add(target);
        if (column < probeColumns) {
          for (int i = 0; i < count; i++) {
            target.setNull(i);
          }
        } else {
          for (int i = 0; i < count; i++) {
            int row = rows.get(i);
            FieldVector source = table.batch(table.batchIndex(row)).vector(column - probeColumns);
            target.copyFromSafe(table.rowInBatch(row), i, source);
          }
        }
        target.setValueCount(count);
      }
      return new ColumnBatch(schema, vectors, count);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  @Override
  public String describe() {
    return "FullOuterJoinUnmatchedRows " + schema.simpleString();
  }
}
