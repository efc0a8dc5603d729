package dev.ember.runtime.operators.replicate;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.collect.CollectSink;
import dev.ember.runtime.operators.collect.QueryResult;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Repeats each input row as often as its first column says, and drops that column: the input
 * {@code (count: long, a, b)} becomes {@code (a, b)} with {@code count} copies of each row (none when
 * the count is null or not positive). {@code intersectAll} and {@code exceptAll} end in it, as Spark's
 * plans end in a generator replicating rows. Output keeps source order, copies next to each other, in
 * batches of at most {@link #MAX_BATCH_ROWS} rows.
 */
public final class ReplicateRowsSink implements PipelineSink {
  static final int MAX_BATCH_ROWS = 4096;

  private final CollectSink collect;
  private final StructType outputSchema;

  /** @param inputSchema a long count column first, then the columns to repeat */
  public ReplicateRowsSink(StructType inputSchema) {
    Objects.requireNonNull(inputSchema, "inputSchema is null");
    StructField[] fields = inputSchema.fields();
    if (fields.length == 0 || !fields[0].dataType().equals(DataTypes.LongType)) {
      throw new IllegalArgumentException("the first column must be a long count, got " + inputSchema.simpleString());
    }
    this.collect = new CollectSink(inputSchema);
    this.outputSchema = new StructType(Arrays.copyOfRange(fields, 1, fields.length));
  }

  @Override
  public StructType outputSchema() {
    return outputSchema;
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    return collect.createPartition(allocator);
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    List<ColumnBatch> output = new ArrayList<>();
    try (QueryResult input = QueryResult.drain(collect.finish(partitions, allocator), allocator)) {
      BatchBuilder builder = new BatchBuilder(allocator, output);
      for (ColumnBatch batch : input.batches()) {
        BigIntVector counts = (BigIntVector) batch.vector(0);
        for (int row = 0; row < batch.rowCount(); row++) {
          long copies = counts.isNull(row) ? 0 : counts.get(row);
          for (long copy = 0; copy < copies; copy++) {
            builder.append(batch, row);
          }
        }
      }
      builder.flush();
      return new MaterializedSource(outputSchema, output);
    } catch (RuntimeException e) {
      output.forEach(ColumnBatch::close);
      throw e;
    }
  }

  @Override
  public String describe() {
    return "ReplicateRows " + outputSchema.simpleString();
  }

  /** Fills output batches row by row, handing each full one to {@code output}. */
  private final class BatchBuilder {
    private final BufferAllocator allocator;
    private final List<ColumnBatch> output;
    private List<FieldVector> vectors;
    private int rows;

    BatchBuilder(BufferAllocator allocator, List<ColumnBatch> output) {
      this.allocator = allocator;
      this.output = output;
    }

    void append(ColumnBatch batch, int row) {
      if (vectors == null) {
        vectors = ColumnBatch.allocateVectors(outputSchema, allocator, MAX_BATCH_ROWS);
      }
      try {
        for (int column = 0; column < vectors.size(); column++) {
          vectors.get(column).copyFromSafe(row, rows, batch.vector(column + 1));
        }
      } catch (RuntimeException e) {
        vectors.forEach(FieldVector::close);
        vectors = null;
        throw e;
      }
      rows++;
      if (rows == MAX_BATCH_ROWS) {
        flush();
      }
    }

    void flush() {
      if (vectors == null) {
        return;
      }
      vectors.forEach(vector -> vector.setValueCount(rows));
      output.add(new ColumnBatch(outputSchema, vectors, rows));
      vectors = null;
      rows = 0;
    }
  }
}
