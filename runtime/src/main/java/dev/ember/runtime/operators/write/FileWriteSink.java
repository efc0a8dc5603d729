package dev.ember.runtime.operators.write;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.pipeline.BatchConsumer;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.PipelineSink;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.runtime.sources.MaterializedSource;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Ends a pipeline by writing its rows as part files into a staging directory: each worker's partition
 * writes its own file (a file per partition directory when partitioned by columns, those columns left
 * out of the files), opened on its first row, so workers without rows write nothing. When the whole
 * write produced no file, {@link #finish} writes one empty part file, as Spark does, so the schema
 * (or header) is still there. A {@link FileLayout} from {@code repartition}/{@code coalesce} changes
 * that: at most n workers, or n files shared by all workers that every row is dealt to.
 *
 * <p>The sink only writes; publishing the staging directory is the commit protocol's job. A partition
 * closed without {@link #finish} (a failed run) aborts its open files.
 */
public final class FileWriteSink implements PipelineSink {
  private static final StructType NO_COLUMNS = new StructType();

  private final StructType inputSchema;
  private final int[] partitionColumns;
  private final StructType dataSchema;
  private final int[] dataColumns;
  private final BatchFileWriterFactory writers;
  private final Path stagingDirectory;
  private final String jobId;
  private final ZoneId zone;
  private final AtomicInteger nextTask = new AtomicInteger();
  private final List<Path> writtenFiles = Collections.synchronizedList(new ArrayList<>());
  private final FileLayout layout;
  /** A dealt layout's files, shared by the workers: each worker appends its rows under the file's lock. */
  private final Map<FileKey, BatchFileWriter> sharedFiles = new LinkedHashMap<>();

  /**
   * @param partitionColumns positions in {@code inputSchema} of the {@code partitionBy} columns, in order
   * @param zone the session time zone, for timestamp partition values
   */
  public FileWriteSink(StructType inputSchema, int[] partitionColumns, BatchFileWriterFactory writers,
      Path stagingDirectory, String jobId, ZoneId zone) {
    this(inputSchema, partitionColumns, writers, stagingDirectory, jobId, zone, FileLayout.perWorker());
  }

  /**
   * @param layout how rows spread over part files; a {@link FileLayout.Dealt} layout's file column is
   *     left out of the files like the partition columns
   */
  public FileWriteSink(StructType inputSchema, int[] partitionColumns, BatchFileWriterFactory writers,
      Path stagingDirectory, String jobId, ZoneId zone, FileLayout layout) {
    this.layout = Objects.requireNonNull(layout, "layout is null");
    this.inputSchema = Objects.requireNonNull(inputSchema, "inputSchema is null");
    this.partitionColumns = Objects.requireNonNull(partitionColumns, "partitionColumns is null").clone();
    this.writers = Objects.requireNonNull(writers, "writers is null");
    this.stagingDirectory = Objects.requireNonNull(stagingDirectory, "stagingDirectory is null");
    this.jobId = Objects.requireNonNull(jobId, "jobId is null");
    this.zone = Objects.requireNonNull(zone, "zone is null");
    List<Integer> data = new ArrayList<>();
    List<StructField> dataFields = new ArrayList<>();
    for (int column = 0; column < inputSchema.length(); column++) {
      final int position = column;
      if (Arrays.stream(partitionColumns).noneMatch(partition -> partition == position)
          && position != fileColumn(layout)) {
        data.add(column);
        dataFields.add(inputSchema.apply(column));
      }
    }
    this.dataColumns = data.stream().mapToInt(Integer::intValue).toArray();
    this.dataSchema = StructType.of(dataFields);
  }

  /** The columns that go into the files: the input without the partition columns. */
  public StructType dataSchema() {
    return dataSchema;
  }

  /** The files written so far, below the staging directory. */
  public List<Path> writtenFiles() {
    synchronized (writtenFiles) {
      return List.copyOf(writtenFiles);
    }
  }

  @Override
  public StructType outputSchema() {
    return NO_COLUMNS;
  }

  @Override
  public SinkPartition createPartition(BufferAllocator allocator) {
    return new WritePartition(nextTask.getAndIncrement(), allocator);
  }

  @Override
  public BatchSource finish(List<SinkPartition> partitions, BufferAllocator allocator) {
    try {
      for (SinkPartition partition : partitions) {
        ((WritePartition) partition).completeFiles();
      }
      // Spark's first task writes its file even without rows, so the schema (or header) is there.
      boolean firstFileMissing = layout instanceof FileLayout.Dealt
          ? !sharedFileOpen(new FileKey("", 0)) : writtenFiles.isEmpty();
      completeSharedFiles();
      if (firstFileMissing && partitionColumns.length == 0) {
        Path file = stagingDirectory.resolve(PartFileNames.of(0, jobId, writers.extension(), false));
        writers.open(file, dataSchema, allocator).close();
        writtenFiles.add(file);
      }
    } finally {
      partitions.forEach(SinkPartition::close);
    }
    return new MaterializedSource(NO_COLUMNS, List.of());
  }

  @Override
  public int maxWorkers() {
    return layout.maxWorkers();
  }

  @Override
  public String describe() {
    return "WriteFiles " + writers.extension() + " " + dataSchema.simpleString()
        + (partitionColumns.length == 0 ? "" : " partitioned by " + partitionNames()) + layoutText();
  }

  private String layoutText() {
    if (layout instanceof FileLayout.AtMost atMost) {
      return " into at most " + atMost.files() + (atMost.files() == 1 ? " file" : " files");
    } else if (layout instanceof FileLayout.Dealt dealt) {
      return " into " + dealt.files() + (dealt.fileColumn() < 0 ? " files round robin" : " files by hash");
    }
    return "";
  }

  private static int fileColumn(FileLayout layout) {
    return layout instanceof FileLayout.Dealt dealt ? dealt.fileColumn() : -1;
  }

  /** A part file of a dealt layout: its partition directory ("" when not partitioned) and number. */
  private record FileKey(String directory, int file) {}

  private BatchFileWriter sharedFile(FileKey key, BufferAllocator allocator) {
    synchronized (sharedFiles) {
      BatchFileWriter writer = sharedFiles.get(key);
      if (writer == null) {
        writer = openFile(key.directory(), key.file(), allocator);
        sharedFiles.put(key, writer);
      }
      return writer;
    }
  }

  private boolean sharedFileOpen(FileKey key) {
    synchronized (sharedFiles) {
      return sharedFiles.containsKey(key);
    }
  }

  private BatchFileWriter openFile(String directory, int number, BufferAllocator allocator) {
    Path parent = directory.isEmpty() ? stagingDirectory : stagingDirectory.resolve(directory);
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the partition directory " + parent, e);
    }
    Path file = parent.resolve(PartFileNames.of(number, jobId, writers.extension(), !directory.isEmpty()));
    BatchFileWriter writer = writers.open(file, dataSchema, allocator);
    writtenFiles.add(file);
    return writer;
  }

  /** Completes the shared files; kept in the map until closed, so a failure aborts the rest. */
  private void completeSharedFiles() {
    synchronized (sharedFiles) {
      var iterator = sharedFiles.values().iterator();
      while (iterator.hasNext()) {
        BatchFileWriter writer = iterator.next();
        iterator.remove();
        writer.close();
      }
    }
  }

  private void abortSharedFiles() {
    synchronized (sharedFiles) {
      for (BatchFileWriter writer : sharedFiles.values()) {
        try {
          writer.abort();
        } catch (RuntimeException ignored) {
          // Abandoned files are deleted with the staging directory; the original failure matters more.
        }
      }
      sharedFiles.clear();
    }
  }

  private List<String> partitionNames() {
    return Arrays.stream(partitionColumns).mapToObj(column -> inputSchema.apply(column).name()).toList();
  }

  /** One worker's open files, by partition directory ("" when not partitioned). */
  private final class WritePartition implements SinkPartition, BatchConsumer {
    private final int task;
    private final BufferAllocator allocator;
    private final Map<String, BatchFileWriter> open = new LinkedHashMap<>();
    /** Round robin: each worker starts at its own file, as Spark's tasks start at different ones. */
    private long nextRoundRobin;

    WritePartition(int task, BufferAllocator allocator) {
      this.task = task;
      this.allocator = allocator;
      this.nextRoundRobin = task;
    }

    @Override
    public boolean accept(ColumnBatch batch) {
      try (batch) {
        if (batch.rowCount() == 0) {
          return true;
        }
        if (layout instanceof FileLayout.Dealt dealt) {
          writeDealt(batch, dealt);
        } else if (partitionColumns.length == 0) {
          // Without partition columns the batch holds exactly the data columns.
          writerFor("").write(batch);
        } else {
          writePartitioned(batch);
        }
      }
      return true;
    }

    private void writePartitioned(ColumnBatch batch) {
      Map<String, List<Integer>> rowsByDirectory = new LinkedHashMap<>();
      for (int row = 0; row < batch.rowCount(); row++) {
        rowsByDirectory.computeIfAbsent(directoryOf(batch, row), key -> new ArrayList<>()).add(row);
      }
      for (Map.Entry<String, List<Integer>> entry : rowsByDirectory.entrySet()) {
        try (ColumnBatch rows = copyRows(batch, entry.getValue())) {
          writerFor(entry.getKey()).write(rows);
        }
      }
    }

    private void writeDealt(ColumnBatch batch, FileLayout.Dealt dealt) {
      Map<FileKey, List<Integer>> rowsByFile = new LinkedHashMap<>();
      for (int row = 0; row < batch.rowCount(); row++) {
        String directory = partitionColumns.length == 0 ? "" : directoryOf(batch, row);
        rowsByFile.computeIfAbsent(new FileKey(directory, fileOf(batch, row, dealt)), key -> new ArrayList<>()).add(row);
      }
      for (Map.Entry<FileKey, List<Integer>> entry : rowsByFile.entrySet()) {
        BatchFileWriter writer = sharedFile(entry.getKey(), allocator);
        try (ColumnBatch rows = copyRows(batch, entry.getValue())) {
          synchronized (writer) {
            writer.write(rows);
          }
        }
      }
    }

    private int fileOf(ColumnBatch batch, int row, FileLayout.Dealt dealt) {
      if (dealt.fileColumn() < 0) {
        int file = (int) (nextRoundRobin % dealt.files());
        nextRoundRobin++;
        return file;
      }
      FieldVector numbers = batch.vector(dealt.fileColumn());
      if (numbers.isNull(row)) {
        throw new IllegalStateException("the file number of row " + row + " is null");
      }
      int file = ((org.apache.arrow.vector.IntVector) numbers).get(row);
      if (file < 0 || file >= dealt.files()) {
        throw new IllegalStateException("file number " + file + " is outside [0, " + dealt.files() + ")");
      }
      return file;
    }

    private String directoryOf(ColumnBatch batch, int row) {
      StringBuilder directory = new StringBuilder();
      for (int column : partitionColumns) {
        if (directory.length() > 0) {
          directory.append('/');
        }
        String value = PartitionValueText.of(batch.vector(column), row, zone);
        directory.append(PartitionPaths.directoryName(inputSchema.apply(column).name(), value));
      }
      return directory.toString();
    }

    private ColumnBatch copyRows(ColumnBatch batch, List<Integer> rows) {
      List<FieldVector> vectors = ColumnBatch.allocateVectors(dataSchema, allocator, rows.size());
      for (int i = 0; i < dataColumns.length; i++) {
        FieldVector source = batch.vector(dataColumns[i]);
        FieldVector target = vectors.get(i);
        for (int row = 0; row < rows.size(); row++) {
          NestedValues.copy(source, rows.get(row), target, row);
        }
        target.setValueCount(rows.size());
      }
      return new ColumnBatch(dataSchema, vectors, rows.size());
    }

    private BatchFileWriter writerFor(String directory) {
      BatchFileWriter writer = open.get(directory);
      if (writer == null) {
        writer = openFile(directory, task, allocator);
        open.put(directory, writer);
      }
      return writer;
    }

    /** Completes every open file; each writer is taken out of {@code open} first so close() will not abort it. */
    void completeFiles() {
      var iterator = open.values().iterator();
      while (iterator.hasNext()) {
        BatchFileWriter writer = iterator.next();
        iterator.remove();
        writer.close();
      }
    }

    @Override
    public void close() {
      for (BatchFileWriter writer : open.values()) {
        try {
          writer.abort();
        } catch (RuntimeException ignored) {
          // Abandoned files are deleted with the staging directory; the original failure matters more.
        }
      }
      open.clear();
      abortSharedFiles();
    }
  }
}
