package dev.ember.runtime.operators.sort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.scheduler.PipelineExecutor;
import dev.ember.runtime.scheduler.TestKernels;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillingSortTest {
  private static final List<SortKey> KEYS = List.of(new SortKey(0, true, true), new SortKey(1, false, false));
  private static final SortSpillSettings NEVER_SPILL =
      new SortSpillSettings(Long.MAX_VALUE, Path.of(System.getProperty("java.io.tmpdir")));

  private final BufferAllocator allocator = Allocators.newRoot();

  @TempDir
  Path spillBase;

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private record Sorted(int[] positions, boolean spilled, boolean spillFilesWhileReading) {}

  /** Runs the sort with {@code parallelism} workers and reads its output's {@code position} column. */
  private Sorted sort(BatchSource input, SortSpillSettings spill, long limit, int parallelism, BufferAllocator query)
      throws IOException {
    Pipeline pipeline = new Pipeline(1, new Pipeline.SourceInput(input), TestKernels.forwarding(),
        new SortSink(RandomRowsSource.SCHEMA, KEYS, limit, spill));
    try (PipelineExecutor executor = new PipelineExecutor(parallelism);
        BatchSource output = executor.run(pipeline, query)) {
      boolean filesWhileReading = spillFileCount() > 0;
      int[] positions = new int[64];
      int count = 0;
      for (Morsel morsel : output.morsels()) {
        try (BatchStream stream = output.open(morsel, query)) {
          for (ColumnBatch next = stream.next(); next != null; next = stream.next()) {
            try (ColumnBatch batch = next) {
              IntVector position = (IntVector) batch.vector(2);
              if (count + batch.rowCount() > positions.length) {
                positions = java.util.Arrays.copyOf(positions, Math.max(positions.length * 2, count + batch.rowCount()));
              }
              for (int i = 0; i < batch.rowCount(); i++) {
                positions[count++] = position.get(i);
              }
            }
          }
        }
      }
      return new Sorted(java.util.Arrays.copyOf(positions, count), output instanceof SpilledSortSource,
          filesWhileReading);
    }
  }

  private long spillFileCount() throws IOException {
    try (Stream<Path> files = Files.walk(spillBase)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private boolean spillBaseIsEmpty() throws IOException {
    try (Stream<Path> entries = Files.list(spillBase)) {
      return entries.findAny().isEmpty();
    }
  }

  @Test
  void aSortOfMillionsOfRowsWithATinyBudgetGivesTheInMemoryOrder() throws IOException {
    int rows = 2 * 1024 * 1024;
    Sorted inMemory = sort(new RandomRowsSource(5, rows, 4096, 4), NEVER_SPILL, -1, 2, allocator);
    Sorted spilled = sort(new RandomRowsSource(5, rows, 4096, 4), new SortSpillSettings(8 << 20, spillBase), -1, 2,
        allocator);
    assertFalse(inMemory.spilled());
    assertTrue(spilled.spilled() && spilled.spillFilesWhileReading(), "the sort should have spilled");
    assertEquals(rows, spilled.positions().length);
    assertArrayEquals(inMemory.positions(), spilled.positions());
    assertTrue(spillBaseIsEmpty(), "spill files must be deleted once the output is closed");
  }

  @Test
  void spillingWithABudgetOfZeroKeepsTiesInSourceOrderAndHonoursABigLimit() throws IOException {
    int rows = 64 * 1024;
    long beyondTopN = Integer.MAX_VALUE + 1L;
    Sorted inMemory = sort(new RandomRowsSource(9, rows, 1024, 4), NEVER_SPILL, -1, 3, allocator);
    Sorted spilled = sort(new RandomRowsSource(9, rows, 1024, 4),
        new SortSpillSettings(0, spillBase), beyondTopN, 3, allocator);
    assertTrue(spilled.spilled());
    assertArrayEquals(inMemory.positions(), spilled.positions());
    assertTrue(spillBaseIsEmpty());
  }

  @Test
  void theDefaultBudgetLetsASortLargerThanTheMemoryLimitSucceed() throws IOException {
    int rows = 512 * 1024;
    Sorted inMemory = sort(new RandomRowsSource(13, rows, 4096, 2), NEVER_SPILL, -1, 2, allocator);
    long limit = 8L << 20;
    try (BufferAllocator query = allocator.newChildAllocator("query", 0, limit)) {
      RandomRowsSource source = new RandomRowsSource(13, rows, 4096, 2);
      Sorted spilled = sort(source, new SortSpillSettings(SortSpillSettings.DEFAULT_BUDGET, spillBase), -1, 2, query);
      assertTrue(source.bytesGenerated() > limit, "the input should not fit the limit: " + source.bytesGenerated());
      assertTrue(spilled.spilled());
      assertArrayEquals(inMemory.positions(), spilled.positions());
      assertEquals(0, query.getAllocatedMemory());
    }
    assertTrue(spillBaseIsEmpty());
  }

  @Test
  void aFailureAfterSpillingDeletesTheSpillFiles() throws IOException {
    BatchSource failing = new FailingAfterMorsels(new RandomRowsSource(17, 256 * 1024, 4096, 2), 20);
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> sort(failing, new SortSpillSettings(64 << 10, spillBase), -1, 2, allocator));
    assertEquals("source failed at morsel 20", error.getMessage());
    assertTrue(spillBaseIsEmpty(), "spill files must be deleted after a failure");
  }

  @Test
  void aBudgetBelowMinusOneIsRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new SortSpillSettings(-2, spillBase));
    assertTrue(error.getMessage().contains("got -2"), error.getMessage());
  }

  /** Fails when a worker opens morsel {@code failingMorsel}, after earlier morsels have been sorted and spilled. */
  private record FailingAfterMorsels(RandomRowsSource rows, int failingMorsel) implements BatchSource {
    @Override
    public StructType schema() {
      return rows.schema();
    }

    @Override
    public List<Morsel> morsels() {
      return rows.morsels();
    }

    @Override
    public BatchStream open(Morsel morsel, BufferAllocator allocator) {
      if (morsel == rows.morsels().get(failingMorsel)) {
        throw new IllegalStateException("source failed at morsel " + failingMorsel);
      }
      return rows.open(morsel, allocator);
    }
  }
}
