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
 *
 * <p>A semi or anti join whose left side builds ends its probe pipeline here too, with no probe
 * columns: the probe produces no rows, and the output is the build rows that were marked (semi) or
 * those that were not (anti), made by {@link #markedBuildRows}.
 */
public final class UnmatchedBuildRowsSink implements PipelineSink {
  private static final int OUTPUT_BATCH_ROWS = 4096;

  private final StructType schema;
  private final int probeColumns;
  private final JoinTableHandle handle;
  private final CollectSink collected;
  private final boolean emitMatched;

  /** @param schema the probe columns ({@code probeColumns} of them), then the build side's columns */
  public UnmatchedBuildRowsSink(StructType schema, int probeColumns, JoinTableHandle handle) {
    this(schema, probeColumns, handle, false);
  }

  private UnmatchedBuildRowsSink(StructType schema, int probeColumns, JoinTableHandle handle, boolean emitMatched) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.probeColumns = probeColumns;
    this.handle = Objects.requireNonNull(handle, "handle is null");
    this.collected = new CollectSink(schema);
    this.emitMatched = emitMatched;
  }

  /**
   * The end of a probe pipeline that only marks build rows: outputs the build rows ({@code buildSchema})
   * that were marked when {@code matched}, else those that were not.
   */
  public static UnmatchedBuildRowsSink markedBuildRows(StructType buildSchema, JoinTableHandle handle,
      boolean matched) {
    return new UnmatchedBuildRowsSink(buildSchema, 0, handle, matched);
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

  /** Adds the build rows to emit: unmatched (full outer, anti) or matched (semi). */
  private void addUnmatched(JoinHashTable table, List<ColumnBatch> out, BufferAllocator allocator) {
    List<Integer> rows = new ArrayList<>();
    for (int row = 0; row < table.rowCount(); row++) {
      if (table.matched(row) == emitMatched) {
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
    String rows = probeColumns > 0 ? "FullOuterJoinUnmatchedRows " : emitMatched ? "SemiJoinMatchedBuildRows "
        : "AntiJoinUnmatchedBuildRows ";
    return rows + schema.simpleString();
  }
}
