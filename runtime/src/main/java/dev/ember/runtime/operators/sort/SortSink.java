package dev.ember.runtime.operators.sort;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ArrowBuf;

/**
 * Sorts all rows of a pipeline by {@link SortKey}s with Spark's orderings (see {@link SortColumn}),
 * optionally keeping only the first {@code limit} rows (top-N). Stable: rows with equal keys keep
 * source order (morsel, then arrival), so results do not depend on the number of workers.
 *
 * <p>Workers only collect batches; {@link #finish} extracts the key columns, merge-sorts the row
 * numbers and copies the first {@code limit} rows out in batches of at most 4096 rows.
 *
 * <p>Memory: input batches, extracted keys, row orders and heaps all come from the allocator, so the
 * query's memory limit covers the sort; a refused allocation fails with
 * {@code UNABLE_TO_ACQUIRE_MEMORY} naming the sort.
 */
public final class SortSink implements PipelineSink {
  public static final int BATCH_ROWS = 4096;
  /** Rows are numbered by int, leaving room below the JVM's array limit. */
  private static final int MAX_ROWS = Integer.MAX_VALUE - 8;

  private final StructType schema;
  private final List<SortKey> keys;
  private final long limit;

  /** {@code limit} -1 sorts everything; {@code limit >= 0} keeps the first {@code limit} rows. */
  public SortSink(StructType schema, List<SortKey> keys, long limit) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.keys = List.copyOf(Objects.requireNonNull(keys, "keys is null"));
    if (limit < -1) {
      throw new IllegalArgumentException("limit must be -1 (none) or non-negative, got " + limit);
    }
    this.limit = limit;
    for (SortKey key : this.keys) {
      if (key.column() >= schema.length()) {
        throw new IllegalArgumentException(
            "sort key column " + key.column() + " is outside the schema " + schema.simpleString());
      }
    }
  }

  @Override
  public StructType outputSchema() {
    return schema;
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator is null");
    return new SortPartition();
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    try {
      return finishFullSort(partitions, allocator);
    } finally {
      partitions.forEach(SinkPartition::close);
    }
  }

  private BatchSource finishFullSort(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<TaggedBatch> tagged = new ArrayList<>();
    for (SinkPartition partition : partitions) {
      tagged.addAll(((SortPartition) partition).batches);
      ((SortPartition) partition).batches.clear();
    }
    tagged.sort(Comparator.comparingInt(TaggedBatch::morselIndex).thenComparingLong(TaggedBatch::sequence));
    List<ColumnBatch> input = new ArrayList<>(tagged.size());
    tagged.forEach(t -> input.add(t.batch()));
    try {
      return new MaterializedSource(schema, sorted(input, allocator));
    } finally {
      input.forEach(ColumnBatch::close);
    }
  }

  private List<ColumnBatch> sorted(List<ColumnBatch> input, BufferAllocator allocator) {
    long totalRows = 0;
    for (ColumnBatch batch : input) {
      totalRows += batch.rowCount();
    }
    if (totalRows > MAX_ROWS) {
      throw new IllegalStateException("sort supports at most " + MAX_ROWS + " rows, got " + totalRows);
    }
    int rowCount = (int) totalRows;
    SortColumn[] columns = new SortColumn[keys.size()];
    try {
      for (int k = 0; k < keys.size(); k++) {
        columns[k] = SortColumn.extract(input, rowCount, keys.get(k), allocator, SortMemory.FULL_SORT);
      }
      try (ArrowBuf order = StableIndexSort.identity(rowCount, allocator, SortMemory.FULL_SORT)) {
        new StableIndexSort(RowComparator.byColumns(columns)).sort(order, rowCount, allocator, SortMemory.FULL_SORT);
        int outputRows = limit < 0 ? rowCount : (int) Math.min(limit, rowCount);
        return new SortedOutput(schema, input, SortMemory.FULL_SORT).write(order, outputRows, allocator);
      }
    } finally {
      for (SortColumn column : columns) {
        if (column != null) {
          column.close();
        }
      }
    }
  }

  @Override
  public String describe() {
    return "Sort " + keys + (limit >= 0 ? " limit " + limit : "");
  }

  private record TaggedBatch(int morselIndex, long sequence, ColumnBatch batch) {}

  /** One worker's batches, tagged with their morsel for a stable, worker-independent order. */
  private static final class SortPartition implements SinkPartition, BatchConsumer {
    private final List<TaggedBatch> batches = new ArrayList<>();
    private int morselIndex;
    private long sequence;

    @Override
    public void beginMorsel(int morselIndex) {
      this.morselIndex = morselIndex;
    }

    @Override
    public boolean accept(ColumnBatch batch) {
      if (batch.rowCount() == 0) {
        batch.close();
      } else {
        batches.add(new TaggedBatch(morselIndex, sequence++, batch));
      }
      return true;
    }

    @Override
    public void close() {
      batches.forEach(t -> t.batch().close());
      batches.clear();
    }
  }
}
