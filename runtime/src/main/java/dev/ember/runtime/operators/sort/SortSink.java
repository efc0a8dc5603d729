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
 * <p>Full sort ({@code limit} -1): workers only collect batches; {@link #finish} extracts the key
 * columns, merge-sorts the row numbers and copies the rows out in batches of at most 4096 rows.
 *
 * <p>Top-N ({@code limit >= 0}): each worker keeps only its best {@code limit} rows as input arrives
 * (see {@link TopNPartition}); {@link #finish} sorts the at most {@code workers * limit} kept rows.
 *
 * <p>Memory: input batches, extracted keys, row orders and heaps all come from the allocator, so the
 * query's memory limit covers the sort; a refused allocation fails with
 * {@code UNABLE_TO_ACQUIRE_MEMORY} naming the sort.
 */
public final class SortSink implements PipelineSink {
  /** Operator names for memory errors. */
  static final String FULL_SORT = "sort";
  static final String TOP_N = "top-N sort";

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
    return isTopN() ? new TopNPartition(schema, keys, (int) limit, allocator) : new SortPartition();
  }

  /** Limits past an int's range are bigger than any sortable input: those sort everything, then cut. */
  private boolean isTopN() {
    return limit >= 0 && limit <= MAX_ROWS;
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    try {
      return isTopN() ? finishTopN(partitions, allocator) : finishFullSort(partitions, allocator);
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
        columns[k] = SortColumn.extract(input, rowCount, keys.get(k), allocator, SortSink.FULL_SORT);
      }
      try (ArrowBuf order = StableIndexSort.identity(rowCount, allocator, SortSink.FULL_SORT)) {
        new StableIndexSort(RowComparator.byColumns(columns)).sort(order, rowCount, allocator, SortSink.FULL_SORT);
        int outputRows = limit < 0 ? rowCount : (int) Math.min(limit, rowCount);
        return new SortedOutput(schema, input, SortSink.FULL_SORT).write(order, outputRows, allocator);
      }
    } finally {
      for (SortColumn column : columns) {
        if (column != null) {
          column.close();
        }
      }
    }
  }

  /** Merges the partitions' kept rows: by the keys, then by source position, so ties keep source order. */
  private BatchSource finishTopN(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<RowBlock> blocks = new ArrayList<>();
    try {
      for (SinkPartition partition : partitions) {
        RowBlock rows = ((TopNPartition) partition).takeRows();
        if (rows != null) {
          blocks.add(rows);
        }
      }
      List<ColumnBatch> batches = new ArrayList<>(blocks.size());
      blocks.forEach(block -> batches.add(block.batch()));
      SortedOutput output = new SortedOutput(schema, batches, SortSink.TOP_N);
      int rowCount = 0;
      for (RowBlock block : blocks) {
        rowCount += block.rowCount();
      }
      RowComparator byKeysThenPosition = (left, right) -> {
        int leftSource = output.sourceOf(left);
        int rightSource = output.sourceOf(right);
        return RowBlock.compare(blocks.get(leftSource), left - output.sourceStart(leftSource),
            blocks.get(rightSource), right - output.sourceStart(rightSource));
      };
      try (ArrowBuf order = StableIndexSort.identity(rowCount, allocator, SortSink.TOP_N)) {
        new StableIndexSort(byKeysThenPosition).sort(order, rowCount, allocator, SortSink.TOP_N);
        return new MaterializedSource(schema, output.write(order, (int) Math.min(limit, rowCount), allocator));
      }
    } finally {
      blocks.forEach(RowBlock::close);
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
