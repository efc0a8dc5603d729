package dev.ember.benchmarks;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.operators.sort.SortKey;
import dev.ember.runtime.operators.sort.SortSink;
import dev.ember.runtime.operators.sort.SortSpillSettings;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.KernelFactory;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.pipeline.PipelineKernel;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.scheduler.PipelineExecutor;
import dev.ember.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.TransferPair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full sort of 4 M rows ({@code k DOUBLE} random, {@code id BIGINT}, {@code s STRING} of 8 values)
 * by {@code k}, then {@code s} descending, on 2 workers, reading the sorted output to the end: in
 * memory ({@code budget=none}) against spilling sorted runs to disk with a budget of 64 MB or 8 MB.
 * Rows are generated as the source is read (the same rows every time), in each variant alike.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {
  "-XX:+IgnoreUnrecognizedVMOptions", "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--sun-misc-unsafe-memory-access=allow", "-Darrow.allocation.manager.type=Unsafe", "-Xmx2g"})
public class SortSpillBenchmark {
  static final int ROWS = 4 * 1024 * 1024;
  private static final int BATCH_ROWS = 4096;
  private static final int BATCHES_PER_MORSEL = 16;
  private static final StructType SCHEMA = StructType.fromDDL("k DOUBLE, id BIGINT, s STRING");
  private static final List<SortKey> KEYS = List.of(new SortKey(0, true, true), new SortKey(2, false, false));
  private static final byte[][] STRINGS = {
    bytes("Amsterdam"), bytes("Berlin"), bytes("Chicago"), bytes("Delhi"),
    bytes("Edinburgh"), bytes("Florence"), bytes("Geneva"), bytes("Helsinki"),
  };

  @Param({"none", "64m", "8m"})
  public String budget;

  private BufferAllocator allocator;
  private PipelineExecutor executor;
  private Path spillDirectory;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Setup
  public void setUp() throws Exception {
    allocator = Allocators.newRoot();
    executor = new PipelineExecutor(2);
    spillDirectory = Files.createTempDirectory("ember-sort-benchmark-");
  }

  @TearDown
  public void tearDown() throws Exception {
    executor.close();
    allocator.close();
    Files.deleteIfExists(spillDirectory);
  }

  private long budgetBytes() {
    return switch (budget) {
      case "none" -> Long.MAX_VALUE;
      case "64m" -> 64L << 20;
      case "8m" -> 8L << 20;
      default -> throw new IllegalArgumentException("unknown budget " + budget);
    };
  }

  /** Sorts every row and returns a checksum of the output order, so nothing is optimized away. */
  @Benchmark
  public long sort() {
    SortSink sink = new SortSink(SCHEMA, KEYS, -1, new SortSpillSettings(budgetBytes(), spillDirectory));
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(new GeneratedRows()), FORWARD, sink);
    long checksum = 0;
    long rows = 0;
    try (BatchSource output = executor.run(pipeline, allocator)) {
      for (Morsel morsel : output.morsels()) {
        try (BatchStream stream = output.open(morsel, allocator)) {
          for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
            BigIntVector ids = (BigIntVector) batch.vector(1);
            for (int i = 0; i < batch.rowCount(); i++) {
              checksum = checksum * 31 + ids.get(i);
            }
            rows += batch.rowCount();
            batch.close();
          }
        }
      }
    }
    if (rows != ROWS) {
      throw new IllegalStateException("sorted " + rows + " rows, expected " + ROWS);
    }
    return checksum;
  }

  /** Moves each batch into the worker's sort partition. */
  private static final KernelFactory FORWARD = new KernelFactory() {
    @Override
    public PipelineKernel create(SinkPartition partition, BufferAllocator allocator) {
      BatchConsumer consumer = (BatchConsumer) partition;
      return new PipelineKernel() {
        @Override
        public boolean process(ColumnBatch batch) {
          List<FieldVector> vectors = new ArrayList<>(batch.columnCount());
          for (FieldVector vector : batch.vectors()) {
            TransferPair transfer = vector.getTransferPair(allocator);
            transfer.transfer();
            vectors.add((FieldVector) transfer.getTo());
          }
          return consumer.accept(new ColumnBatch(batch.schema(), vectors, batch.rowCount()));
        }

        @Override
        public void finish() {}
      };
    }

    @Override
    public String describe() {
      return "forwarding benchmark kernel";
    }
  };

  /** The benchmark's rows, made as they are read; morsel {@code i} always holds the same rows. */
  private static final class GeneratedRows implements BatchSource {
    private record RowsMorsel(int index) implements Morsel {
      @Override
      public String describe() {
        return "generated rows morsel " + index;
      }
    }

    private final List<Morsel> morsels = new ArrayList<>();

    GeneratedRows() {
      for (int i = 0; i < ROWS / (BATCH_ROWS * BATCHES_PER_MORSEL); i++) {
        morsels.add(new RowsMorsel(i));
      }
    }

    @Override
    public StructType schema() {
      return SCHEMA;
    }

    @Override
    public List<Morsel> morsels() {
      return morsels;
    }

    @Override
    public BatchStream open(Morsel morsel, BufferAllocator allocator) {
      int index = ((RowsMorsel) morsel).index();
      SplittableRandom random = new SplittableRandom(index);
      return new BatchStream() {
        private int batch;

        @Override
        public ColumnBatch next() {
          if (batch == BATCHES_PER_MORSEL) {
            return null;
          }
          long firstId = ((long) index * BATCHES_PER_MORSEL + batch++) * BATCH_ROWS;
          List<FieldVector> vectors = ColumnBatch.allocateVectors(SCHEMA, allocator, BATCH_ROWS);
          Float8Vector k = (Float8Vector) vectors.get(0);
          BigIntVector id = (BigIntVector) vectors.get(1);
          VarCharVector s = (VarCharVector) vectors.get(2);
          for (int i = 0; i < BATCH_ROWS; i++) {
            k.set(i, random.nextDouble());
            id.set(i, firstId + i);
            s.setSafe(i, STRINGS[random.nextInt(STRINGS.length)]);
          }
          vectors.forEach(vector -> vector.setValueCount(BATCH_ROWS));
          return new ColumnBatch(SCHEMA, vectors, BATCH_ROWS);
        }

        @Override
        public void close() {}
      };
    }
  }
}
