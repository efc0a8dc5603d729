package dev.ember.runtime.operators.sort;

import dev.ember.runtime.memory.Resources;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.sql.types.StructType;
import dev.ember.runtime.batch.ArrowTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Sorts all rows of a pipeline by {@link SortKey}s with Spark's orderings (see {@link SortColumn}),
 * optionally keeping only the first {@code limit} rows (top-N). Stable: rows with equal keys keep
 * source order (morsel, then arrival), so results do not depend on the number of workers.
 *
 * <p>Full sort ({@code limit} -1): workers only collect batches; {@link #finish} extracts the key
 * columns and sorts the row numbers by normalized key prefixes ({@link PrefixSort}); the returned
 * {@link SortedRowsSource} copies the rows out in batches of at most 4096 rows as the next
 * pipeline's workers read them.
 *
 * <p>Top-N ({@code limit >= 0}): each worker keeps only its best {@code limit} rows as input arrives
 * (see {@link TopNPartition}); {@link #finish} sorts the at most {@code workers * limit} kept rows.
 *
 * <p>Spilling (full sort only): when the input buffered by all workers exceeds the budget of
 * {@link SortSpillSettings}, the worker that crossed it sorts its buffered batches into a run, writes
 * it to an Arrow IPC file and frees them. If anything spilled, {@link #finish} spills the rest too and
 * returns a source that merges the runs while it is read ({@link SortedRunsMerge}); the run files are
 * deleted when that source is closed, or when the partitions are closed after a failure.
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
  private final SortSpillSettings spillSettings;
  /** Input bytes buffered by all live partitions, against the spill budget. */
  private final AtomicLong bufferedBytes = new AtomicLong();

  /**
   * {@code limit} -1 sorts everything; {@code limit >= 0} keeps the first {@code limit} rows. Spills
   * with {@link SortSpillSettings#DEFAULT}.
   */
  public SortSink(StructType schema, List<SortKey> keys, long limit) {
    this(schema, keys, limit, SortSpillSettings.DEFAULT);
  }

  /** As {@link #SortSink(StructType, List, long)}, spilling as {@code spillSettings} say. */
  public SortSink(StructType schema, List<SortKey> keys, long limit, SortSpillSettings spillSettings) {
    this.spillSettings = Objects.requireNonNull(spillSettings, "spillSettings is null");
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
    return isTopN() ? new TopNPartition(schema, keys, (int) limit, allocator)
        : new SortPartition(allocator, spillSettings.budgetFor(allocator.getLimit()));
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
    boolean spilled = false;
    for (SinkPartition partition : partitions) {
      spilled |= !((SortPartition) partition).runs.isEmpty();
    }
    if (spilled) {
      return finishSpilled(partitions, allocator);
    }
    List<TaggedBatch> tagged = new ArrayList<>();
    for (SinkPartition partition : partitions) {
      tagged.addAll(((SortPartition) partition).takeBatches());
    }
    tagged.sort(Comparator.comparingInt(TaggedBatch::morselIndex).thenComparingLong(TaggedBatch::sequence));
    List<ColumnBatch> input = new ArrayList<>(tagged.size());
    tagged.forEach(t -> input.add(t.batch()));
    ArrowBuf order;
    try {
      // Workers are idle by now: with two or more, a second thread sorts half of the rows.
      order = sortOrder(input, partitions.size() >= 2, allocator);
    } catch (RuntimeException e) {
      input.forEach(ColumnBatch::close);
      throw e;
    }
    int outputRows = (int) Math.min(limit < 0 ? Long.MAX_VALUE : limit, rowCount(input));
    return new SortedRowsSource(schema, input, order, outputRows);
  }

  /**
   * Spills what the partitions still hold, merges runs in groups until one merge can read them all
   * within the budget, then hands the runs and their directories to a merging source.
   */
  private BatchSource finishSpilled(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<Path> runs = new ArrayList<>();
    List<SpillDirectory> directories = new ArrayList<>();
    long bytes = 0;
    long rows = 0;
    long budget = spillSettings.budgetFor(allocator.getLimit());
    try {
      for (SinkPartition partition : partitions) {
        SortPartition sortPartition = (SortPartition) partition;
        bytes += sortPartition.bytesSeen;
        rows += sortPartition.rowsSeen;
        sortPartition.spill();
        runs.addAll(sortPartition.runs);
        directories.add(sortPartition.takeSpillDirectory());
      }
      SpillDirectory merged = new SpillDirectory(spillSettings.spillDirectory());
      directories.add(merged);
      // A merge holds one batch of each run it reads.
      long batchBytes = Math.max(1, bytes / Math.max(1, rows)) * BATCH_ROWS;
      int fanIn = (int) Math.max(2, Math.min(1024, budget / batchBytes));
      while (runs.size() > fanIn) {
        runs = mergeRuns(runs, fanIn, merged, allocator);
      }
    } catch (RuntimeException e) {
      try {
        Resources.closeAll(directories);
      } catch (RuntimeException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      throw e;
    }
    return new SpilledSortSource(schema, keys, runs, directories, limit);
  }

  /** One merge pass: every {@code fanIn} consecutive runs become one run; merged inputs are deleted. */
  private List<Path> mergeRuns(List<Path> runs, int fanIn, SpillDirectory directory, BufferAllocator allocator) {
    List<Path> longer = new ArrayList<>();
    StructType runSchema = SortRunFile.withPosition(schema);
    for (int first = 0; first < runs.size(); first += fanIn) {
      List<Path> group = runs.subList(first, Math.min(runs.size(), first + fanIn));
      if (group.size() == 1) {
        longer.add(group.get(0));
        continue;
      }
      Path file = directory.newFile();
      try (SortedRunsMerge merge = new SortedRunsMerge(schema, keys, group, -1, true, allocator);
          SortRunFile.Writer writer = new SortRunFile.Writer(file, runSchema, allocator)) {
        for (ColumnBatch batch = merge.next(); batch != null; batch = merge.next()) {
          writer.write(batch);
        }
      }
      for (Path merged : group) {
        SpillDirectory.delete(merged);
      }
      longer.add(file);
    }
    return longer;
  }

  private static long rowCount(List<ColumnBatch> input) {
    long totalRows = 0;
    for (ColumnBatch batch : input) {
      totalRows += batch.rowCount();
    }
    return totalRows;
  }

  /**
   * Sorts {@code input} (in source order) and hands the first {@code outputRows} sorted rows to
   * {@code consumer}, one batch at a time.
   */
  private void sortInto(List<ColumnBatch> input, int outputRows, BufferAllocator allocator,
      SortedOutput.SortedBatchConsumer consumer) {
    try (ArrowBuf order = sortOrder(input, false, allocator)) {
      new SortedOutput(schema, input, SortSink.FULL_SORT).writeEach(order, outputRows, allocator, consumer);
    }
  }

  /**
   * The row numbers of {@code input} (numbered in list order) in sorted order, using a second thread
   * for large inputs when {@code mayUseTwoThreads}; the caller closes the buffer.
   */
  private ArrowBuf sortOrder(List<ColumnBatch> input, boolean mayUseTwoThreads, BufferAllocator allocator) {
    long totalRows = rowCount(input);
    if (totalRows > MAX_ROWS) {
      throw new IllegalStateException("sort supports at most " + MAX_ROWS + " rows, got " + totalRows);
    }
    int rowCount = (int) totalRows;
    SortColumn[] columns = new SortColumn[keys.size()];
    try {
      for (int k = 0; k < keys.size(); k++) {
        columns[k] = SortColumn.extract(input, rowCount, keys.get(k), allocator, SortSink.FULL_SORT);
      }
      boolean inTwoHalves = mayUseTwoThreads && rowCount >= PrefixSort.TWO_HALVES_MIN_ROWS;
      return PrefixSort.order(columns, rowCount, inTwoHalves, allocator, SortSink.FULL_SORT);
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

  private record TaggedBatch(int morselIndex, long sequence, long firstPosition, ColumnBatch batch) {}

  /**
   * What buffering {@code batch} costs: the memory its buffers hold (allocations are rounded up, so
   * the vectors' value sizes would undercount) and what sorting it will need, extracted keys (at most
   * 16 bytes and a null flag each), two key prefixes, the prefix builder's scratch word and two int
   * row orders.
   */
  private long bytesOf(ColumnBatch batch) {
    long bytes = (long) batch.rowCount() * (32 + 17L * keys.size());
    for (FieldVector vector : batch.vectors()) {
      for (ArrowBuf buffer : vector.getBuffers(false)) {
        bytes += buffer.getActualMemoryConsumed();
      }
    }
    return bytes;
  }

  /**
   * One worker's batches, tagged with their morsel for a stable, worker-independent order, and the
   * runs it spilled. A worker takes morsels in increasing order, so its batches are in source order.
   */
  private final class SortPartition implements SinkPartition, BatchConsumer {
    private final BufferAllocator allocator;
    private final long budget;
    private final List<TaggedBatch> batches = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private SpillDirectory spillDirectory;
    private long ownBytes;
    /** All input this partition saw, for the merge's estimate of a batch's size. */
    private long bytesSeen;
    private long rowsSeen;
    private int morselIndex;
    private long rowInMorsel;
    private long sequence;

    SortPartition(BufferAllocator allocator, long budget) {
      this.allocator = allocator;
      this.budget = budget;
      this.spillDirectory = new SpillDirectory(spillSettings.spillDirectory());
    }

    @Override
    public void beginMorsel(int morselIndex) {
      this.morselIndex = morselIndex;
      this.rowInMorsel = 0;
    }

    @Override
    public boolean accept(ColumnBatch batch) {
      if (batch.rowCount() == 0) {
        batch.close();
        return true;
      }
      batches.add(new TaggedBatch(morselIndex, sequence++, RowBlock.position(morselIndex, rowInMorsel), batch));
      rowInMorsel += batch.rowCount();
      long bytes = bytesOf(batch);
      ownBytes += bytes;
      bytesSeen += bytes;
      rowsSeen += batch.rowCount();
      if (bufferedBytes.addAndGet(bytes) > budget) {
        spill();
      }
      return true;
    }

    /** The buffered batches, which the caller now owns. */
    List<TaggedBatch> takeBatches() {
      List<TaggedBatch> taken = new ArrayList<>(batches);
      batches.clear();
      release();
      return taken;
    }

    private void release() {
      bufferedBytes.addAndGet(-ownBytes);
      ownBytes = 0;
    }

    /** Sorts the buffered batches into a new run file and frees them; nothing happens when none are buffered. */
    void spill() {
      if (batches.isEmpty()) {
        return;
      }
      List<ColumnBatch> input = new ArrayList<>(batches.size());
      long[] firstPositions = new long[batches.size()];
      for (int i = 0; i < batches.size(); i++) {
        input.add(batches.get(i).batch());
        firstPositions[i] = batches.get(i).firstPosition();
      }
      batches.clear();
      StructType runSchema = SortRunFile.withPosition(schema);
      try {
        Path file = spillDirectory.newFile();
        try (SortRunFile.Writer writer = new SortRunFile.Writer(file, runSchema, allocator)) {
          sortInto(input, (int) rowCount(input), allocator, (batch, sources, sourceRows) -> {
            try {
              writer.write(withPositions(batch, runSchema, sources, sourceRows, firstPositions));
            } finally {
              batch.close();
            }
          });
        }
        runs.add(file);
      } finally {
        input.forEach(ColumnBatch::close);
        release();
      }
    }

    private ColumnBatch withPositions(ColumnBatch batch, StructType runSchema, int[] sources, int[] sourceRows,
        long[] firstPositions) {
      BigIntVector positions = (BigIntVector) ArrowTypes.allocateVector(
          runSchema.apply(schema.length()), allocator, batch.rowCount());
      for (int i = 0; i < batch.rowCount(); i++) {
        positions.set(i, firstPositions[sources[i]] + sourceRows[i]);
      }
      positions.setValueCount(batch.rowCount());
      List<FieldVector> vectors = new ArrayList<>(batch.vectors());
      vectors.add(positions);
      return new ColumnBatch(runSchema, vectors, batch.rowCount());
    }

    /** The spill directory, which the caller now owns and must close. */
    SpillDirectory takeSpillDirectory() {
      SpillDirectory taken = spillDirectory;
      spillDirectory = new SpillDirectory(spillSettings.spillDirectory());
      runs.clear();
      return taken;
    }

    @Override
    public void close() {
      batches.forEach(t -> t.batch().close());
      batches.clear();
      release();
      spillDirectory.close();
    }
  }
}
