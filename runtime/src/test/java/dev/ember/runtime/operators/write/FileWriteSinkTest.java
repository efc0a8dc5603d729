package dev.ember.runtime.operators.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.io.commit.FileCommitProtocol;
import dev.ember.runtime.io.commit.PublishMode;
import dev.ember.runtime.io.csv.CsvWriterFactory;
import dev.ember.runtime.io.csv.CsvWriterOptions;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.runtime.pipeline.Pipeline;
import dev.ember.runtime.scheduler.PipelineExecutor;
import dev.ember.runtime.scheduler.TestKernels;
import dev.ember.runtime.sources.RangeSource;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write sink run by the scheduler under the commit protocol, including failures midway. */
class FileWriteSinkTest {
  private static final BatchFileWriterFactory CSV =
      new CsvWriterFactory(CsvWriterOptions.parse(Map.of(), ZoneId.of("UTC")));

  @TempDir
  Path directory;

  private BufferAllocator allocator;
  private PipelineExecutor executor;

  @BeforeEach
  void open() {
    allocator = Allocators.newRoot();
    executor = new PipelineExecutor(3);
  }

  @AfterEach
  void close() {
    executor.close();
    allocator.close();
  }

  /** What {@code df.write()} does: stage, run the pipeline into the sink, commit or abort. */
  private void write(BatchSource source, BatchFileWriterFactory writers, Path output, PublishMode mode) {
    write(source, writers, output, mode, FileLayout.perWorker());
  }

  private void write(BatchSource source, BatchFileWriterFactory writers, Path output, PublishMode mode,
      FileLayout layout) {
    FileCommitProtocol commit = FileCommitProtocol.begin(output, mode);
    try {
      FileWriteSink sink = new FileWriteSink(source.schema(), new int[0], writers, commit.stagingDirectory(),
          commit.jobId(), ZoneId.of("UTC"), layout);
      try (BufferAllocator query = allocator.newChildAllocator("write", 0, Long.MAX_VALUE)) {
        executor.run(new Pipeline(1, new Pipeline.SourceInput(source), TestKernels.forwarding(), sink), query).close();
      }
      commit.commit();
    } catch (RuntimeException e) {
      commit.abort();
      throw e;
    }
  }

  private static RangeSource range(long end) {
    return new RangeSource(0, end, 1, 10_000, "id");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.map(child -> child.getFileName().toString()).sorted().toList();
    }
  }

  private static long lineCount(Path dir) throws IOException {
    long lines = 0;
    for (String name : names(dir)) {
      if (name.startsWith("part-")) {
        lines += Files.readAllLines(dir.resolve(name)).size();
      }
    }
    return lines;
  }

  @Test
  void eachWorkerWritesItsOwnPartFile() throws IOException {
    Path output = directory.resolve("out");
    write(range(100_000), CSV, output, PublishMode.CREATE);
    List<String> names = names(output);
    assertEquals("_SUCCESS", names.get(0));
    assertEquals(4, names.size(), "three workers, three part files: " + names);
    assertEquals(100_000, lineCount(output));
    assertEquals(List.of("out"), names(directory));
  }

  @Test
  void atMostOneFileIsWrittenByOneWorkerInSourceOrder() throws IOException {
    Path output = directory.resolve("out");
    write(range(100_000), CSV, output, PublishMode.CREATE, FileLayout.atMost(1));
    List<String> names = names(output);
    assertEquals(2, names.size(), names.toString());
    List<String> lines = Files.readAllLines(output.resolve(names.get(1)));
    assertEquals(100_000, lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(Integer.toString(i), lines.get(i));
    }
  }

  @Test
  void roundRobinDealsEveryRowOverExactlyTheFilesAsked() throws IOException {
    Path output = directory.resolve("out");
    write(range(100_003), CSV, output, PublishMode.CREATE, FileLayout.roundRobin(7));
    List<String> parts = names(output).stream().filter(name -> name.startsWith("part-")).toList();
    assertEquals(7, parts.size(), parts.toString());
    for (int file = 0; file < 7; file++) {
      assertTrue(parts.get(file).startsWith(String.format("part-%05d-", file)), parts.toString());
      long lines = Files.readAllLines(output.resolve(parts.get(file))).size();
      assertTrue(Math.abs(lines - 100_003 / 7) <= 3, "file " + file + " has " + lines + " rows");
    }
    assertEquals(100_003, lineCount(output));
  }

  @Test
  void moreFilesThanRowsWritesOnlyTheFilesThatGetRows() throws IOException {
    Path output = directory.resolve("out");
    write(new RangeSource(5, 8, 1, 10_000, "id"), CSV, output, PublishMode.CREATE, FileLayout.roundRobin(20));
    List<String> parts = names(output).stream().filter(name -> name.startsWith("part-")).toList();
    assertEquals(3, parts.size(), parts.toString());
    assertEquals(3, lineCount(output));
  }

  @Test
  void writerFailingInASharedFileKeepsThePreviousOutput() throws IOException {
    Path output = directory.resolve("out");
    write(range(10), CSV, output, PublishMode.CREATE);
    List<String> before = names(output);

    FailingWriters failing = new FailingWriters(CSV, 4);
    assertThrows(IllegalStateException.class,
        () -> write(range(100_000), failing, output, PublishMode.APPEND, FileLayout.roundRobin(3)));
    assertTrue(failing.aborted.get() > 0, "the shared files were aborted");
    assertEquals(before, names(output));
    assertEquals(List.of("out"), names(directory));
  }

  @Test
  void sourceFailingAfterSomeBatchesKeepsThePreviousOutput() throws IOException {
    Path output = directory.resolve("out");
    write(range(10), CSV, output, PublishMode.CREATE);
    List<String> before = names(output);

    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> write(new FailingSource(range(100_000), 5), CSV, output, PublishMode.REPLACE));
    assertEquals("source broke after 5 batches", failure.getMessage());
    assertEquals(before, names(output));
    assertEquals(10, lineCount(output));
    assertEquals(List.of("out"), names(directory), "the staging directory is gone");
  }

  @Test
  void writerFailingMidwayKeepsThePreviousOutput() throws IOException {
    Path output = directory.resolve("out");
    write(range(10), CSV, output, PublishMode.CREATE);
    List<String> before = names(output);

    FailingWriters failing = new FailingWriters(CSV, 4);
    assertThrows(IllegalStateException.class, () -> write(range(100_000), failing, output, PublishMode.APPEND));
    assertTrue(failing.aborted.get() > 0, "the open files were aborted");
    assertEquals(before, names(output));
    assertEquals(List.of("out"), names(directory));
  }

  @Test
  void emptyInputWritesOneEmptyFile() throws IOException {
    Path output = directory.resolve("out");
    write(range(0), CSV, output, PublishMode.CREATE);
    List<String> names = names(output);
    assertEquals(2, names.size());
    assertTrue(names.get(1).matches("part-00000-[0-9a-f-]{36}-c000\\.csv"), names.get(1));
    assertEquals(0, Files.size(output.resolve(names.get(1))));
  }

  @Test
  void partFileNamesFollowSpark() {
    assertEquals("part-00003-abc-c000.csv.gz", PartFileNames.of(3, "abc", ".csv.gz", false));
    assertEquals("part-00012-abc.c000.csv", PartFileNames.of(12, "abc", ".csv", true));
    assertEquals("a%2Fb%3Dc d%25%3A%23%3F%5C", PartitionPaths.escape("a/b=c d%:#?\\"));
    assertEquals("year=__HIVE_DEFAULT_PARTITION__", PartitionPaths.directoryName("year", null));
    assertEquals("year=__HIVE_DEFAULT_PARTITION__", PartitionPaths.directoryName("year", ""));
  }

  /** A source whose streams throw once {@code limit} batches have been handed out in total. */
  private static final class FailingSource implements BatchSource {
    private final BatchSource delegate;
    private final int limit;
    private final AtomicInteger handedOut = new AtomicInteger();

    FailingSource(BatchSource delegate, int limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public StructType schema() {
      return delegate.schema();
    }

    @Override
    public List<Morsel> morsels() {
      return delegate.morsels();
    }

    @Override
    public BatchStream open(Morsel morsel, BufferAllocator allocator) {
      BatchStream stream = delegate.open(morsel, allocator);
      return new BatchStream() {
        @Override
        public ColumnBatch next() {
          if (handedOut.getAndIncrement() >= limit) {
            throw new IllegalStateException("source broke after " + limit + " batches");
          }
          return stream.next();
        }

        @Override
        public void close() {
          stream.close();
        }
      };
    }
  }

  /** Writers that throw on the {@code limit}-th write across all files. */
  private static final class FailingWriters implements BatchFileWriterFactory {
    private final BatchFileWriterFactory delegate;
    private final int limit;
    private final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger aborted = new AtomicInteger();

    FailingWriters(BatchFileWriterFactory delegate, int limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public String extension() {
      return delegate.extension();
    }

    @Override
    public BatchFileWriter open(Path file, StructType schema, BufferAllocator allocator) {
      BatchFileWriter writer = delegate.open(file, schema, allocator);
      return new BatchFileWriter() {
        @Override
        public void write(ColumnBatch batch) {
          if (writes.incrementAndGet() >= limit) {
            throw new IllegalStateException("disk full (test)");
          }
          writer.write(batch);
        }

        @Override
        public void close() {
          writer.close();
        }

        @Override
        public void abort() {
          aborted.incrementAndGet();
          writer.abort();
        }
      };
    }
  }
}
