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
import org.apache.arrow.vector.FieldVector;

/**
 * Sorts all rows of a pipeline by {@link SortKey}s with Spark's orderings (see {@link SortColumn}),
 * optionally keeping only the first {@code limit} rows (top-N). Stable: rows with equal keys keep
 * source order (morsel, then arrival), so results do not depend on the number of workers.
 *
 * <p>Workers only collect batches; {@link #finish} extracts the key columns into primitive arrays,
 * merge-sorts an array of row numbers and copies the rows out in batches of at most 4096 rows.
 */
public final class SortSink implements PipelineSink {
  public static final int BATCH_ROWS = 4096;

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
    return new SortPartition();
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<TaggedBatch> tagged = new ArrayList<>();
    for (SinkPartition partition : partitions) {
      tagged.addAll(((SortPartition) partition).batches);
      ((SortPartition) partition).batches.clear();
    }
    partitions.forEach(SinkPartition::close);
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
    if (totalRows > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("sort supports at most " + (Integer.MAX_VALUE - 8) + " rows, got " + totalRows);
    }
    int rowCount = (int) totalRows;
    int[] rowBatch = new int[rowCount];
    int[] batchStart = new int[input.size()];
    int row = 0;
    for (int b = 0; b < input.size(); b++) {
      batchStart[b] = row;
      for (int i = 0; i < input.get(b).rowCount(); i++) {
        rowBatch[row++] = b;
      }
    }
    SortColumn[] columns = new SortColumn[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      columns[k] = SortColumn.extract(input, rowCount, keys.get(k));
    }
    int[] order = new int[rowCount];
    for (int i = 0; i < rowCount; i++) {
      order[i] = i;
    }
    new StableIndexSort(columns).sort(order);
    int outputRows = limit < 0 ? rowCount : (int) Math.min(limit, rowCount);
    List<ColumnBatch> output = new ArrayList<>();
    try {
      for (int first = 0; first < outputRows; first += BATCH_ROWS) {
        int rows = Math.min(BATCH_ROWS, outputRows - first);
        output.add(copyRows(input, order, rowBatch, batchStart, first, rows, allocator));
      }
      return output;
    } catch (RuntimeException e) {
      output.forEach(ColumnBatch::close);
      throw e;
    }
  }

  private ColumnBatch copyRows(
      List<ColumnBatch> input, int[] order, int[] rowBatch, int[] batchStart, int first, int rows,
      BufferAllocator allocator) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, rows);
    try {
      for (int column = 0; column < schema.length(); column++) {
        FieldVector target = vectors.get(column);
        for (int out = 0; out < rows; out++) {
          int row = order[first + out];
          int batch = rowBatch[row];
          target.copyFromSafe(row - batchStart[batch], out, input.get(batch).vector(column));
        }
        target.setValueCount(rows);
      }
      return new ColumnBatch(schema, vectors, rows);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
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
