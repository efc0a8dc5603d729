package dev.ember.runtime.io.arrow;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.ArrayDeque;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** The batches of one {@link ArrowIpcMorsel}. Used by one worker. */
final class ArrowIpcBatchStream implements BatchStream {
  /** Marks an output column that the file does not have: it reads as nulls. */
  private static final int MISSING = -1;

  private final ArrowIpcMorsel morsel;
  private final StructType schema;
  private final BufferAllocator allocator;
  private final ArrayDeque<ColumnBatch> pending = new ArrayDeque<>();
  private ArrowReader reader;
  /** For each output column, its position in {@link #loaded}, or {@link #MISSING}. */
  private int[] loadedColumns;
  /** Where record batches are loaded: the stream reader's root, or a root of just the needed columns. */
  private VectorSchemaRoot loaded;
  private FileChannel channel;
  private List<ArrowBlock> blocks;
  private ArrowColumnProjection projection;
  private VectorLoader projectedLoader;
  private int nextBatch;

  ArrowIpcBatchStream(ArrowIpcMorsel morsel, StructType schema, BufferAllocator allocator) {
    this.morsel = morsel;
    this.schema = schema;
    this.allocator = allocator;
    this.nextBatch = morsel.firstBatch();
  }

  @Override
  public ColumnBatch next() {
    try {
      if (reader == null) {
        open();
      }
      while (pending.isEmpty()) {
        if (!loadNextRecordBatch()) {
          return null;
        }
        slice(loaded);
      }
      return pending.poll();
    } catch (SparkException | AnalysisException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ArrowIpcFiles.readFailure(morsel.file(), e);
    }
  }

  private void open() throws IOException {
    if (morsel.stream()) {
      reader = ArrowIpcFiles.openReader(morsel.file(), false, allocator);
      loaded = reader.getVectorSchemaRoot();
      loadedColumns = resolveColumns(loaded.getSchema());
      return;
    }
    channel = FileChannel.open(morsel.file(), StandardOpenOption.READ);
    ArrowFileReader fileReader = new ArrowFileReader(channel, allocator, CommonsCompressionFactory.INSTANCE);
    reader = fileReader;
    Schema fileSchema = fileReader.getVectorSchemaRoot().getSchema();
    blocks = fileReader.getRecordBlocks();
    int[] fileColumns = resolveColumns(fileSchema);
    projection = ArrowColumnProjection.of(fileSchema, presentColumns(fileColumns));
    if (projection == null) {
      loaded = fileReader.getVectorSchemaRoot();
      loadedColumns = fileColumns;
      return;
    }
    loaded = VectorSchemaRoot.create(projection.projectedSchema(), allocator);
    projectedLoader = new VectorLoader(loaded, CommonsCompressionFactory.INSTANCE);
    loadedColumns = new int[fileColumns.length];
    for (int i = 0; i < fileColumns.length; i++) {
      loadedColumns[i] = fileColumns[i] == MISSING ? MISSING : rankAmong(fileColumns[i], fileColumns);
    }
  }

  private static int[] presentColumns(int[] fileColumns) {
    return Arrays.stream(fileColumns).filter(column -> column != MISSING).toArray();
  }

  /** The position of {@code column} among the distinct present columns in file order. */
  private static int rankAmong(int column, int[] fileColumns) {
    return (int) Arrays.stream(fileColumns).filter(other -> other != MISSING && other < column).distinct().count();
  }

  private boolean loadNextRecordBatch() throws IOException {
    if (morsel.stream()) {
      return reader.loadNextBatch();
    }
    if (nextBatch >= morsel.firstBatch() + morsel.batchCount()) {
      return false;
    }
    if (nextBatch >= blocks.size()) {
      throw new IOException("Record batch " + nextBatch + " is past the " + blocks.size() + " batches of the file");
    }
    ArrowBlock block = blocks.get(nextBatch++);
    if (projection == null) {
      return ((ArrowFileReader) reader).loadRecordBatch(block);
    }
    // Reads the batch's whole body (one contiguous range), but loads only the needed columns.
    SeekableReadChannel in = new SeekableReadChannel(channel);
    in.setPosition(block.getOffset());
    try (ArrowRecordBatch whole = MessageSerializer.deserializeRecordBatch(in, block, allocator);
        ArrowRecordBatch projected = projection.project(whole)) {
      projectedLoader.load(projected);
    }
    return true;
  }

  /** For each output column, its position in the file, matched by name as the table was planned. */
  private int[] resolveColumns(Schema fileSchema) {
    List<Field> fields = fileSchema.getFields();
    int[] positions = new int[schema.length()];
    for (int i = 0; i < schema.length(); i++) {
      StructField wanted = schema.apply(i);
      int position = findField(fields, wanted.name());
      positions[i] = position;
      if (position == MISSING) {
        continue;
      }
      DataType fileType = ArrowIpcFiles.sparkType(fields.get(position), morsel.file());
      if (!fileType.equals(wanted.dataType())) {
        String path = ArrowIpcFiles.displayName(morsel.file());
        throw new SparkException(
            "FAILED_READ_FILE.NO_HINT",
            Map.of("path", path),
            "Encountered error while reading file " + path + ".  SQLSTATE: KD001\nColumn `" + wanted.name()
                + "` has type " + fileType.simpleString() + " in this file, expected "
                + wanted.dataType().simpleString(),
            null);
      }
    }
    return positions;
  }

  private static int findField(List<Field> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().equals(name)) {
        return i;
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().toLowerCase(Locale.ROOT).equals(lower)) {
        return i;
      }
    }
    return MISSING;
  }

  /** The first output column that reads the same loaded column as output column {@code column}. */
  private int firstUse(int column) {
    for (int i = 0; i < column; i++) {
      if (loadedColumns[i] == loadedColumns[column]) {
        return i;
      }
    }
    return column;
  }

  /** Moves the loaded record batch's required columns out of the reader, in slices of at most 4096 rows. */
  private void slice(VectorSchemaRoot root) {
    int rowCount = root.getRowCount();
    List<FieldVector> whole = new ArrayList<>(schema.length());
    try {
      for (int i = 0; i < schema.length(); i++) {
        StructField field = schema.apply(i);
        int earlierUse = firstUse(i);
        if (loadedColumns[i] == MISSING) {
          whole.add(ArrowColumnConverter.nulls(field, rowCount, allocator));
        } else if (earlierUse < i) {
          // The loaded vector was moved out already: share the earlier output's buffers.
          var transfer = whole.get(earlierUse).getTransferPair(allocator);
          transfer.splitAndTransfer(0, rowCount);
          whole.add((FieldVector) transfer.getTo());
        } else {
          whole.add(ArrowColumnConverter.toEmberLayout(root.getVector(loadedColumns[i]), field, allocator));
        }
      }
      if (rowCount <= ArrowIpcSource.BATCH_ROWS) {
        pending.add(new ColumnBatch(schema, whole, rowCount));
        whole = List.of();
        return;
      }
      for (int start = 0; start < rowCount; start += ArrowIpcSource.BATCH_ROWS) {
        int length = Math.min(ArrowIpcSource.BATCH_ROWS, rowCount - start);
        List<FieldVector> part = new ArrayList<>(whole.size());
        try {
          for (FieldVector vector : whole) {
            var transfer = vector.getTransferPair(allocator);
            transfer.splitAndTransfer(start, length);
            part.add((FieldVector) transfer.getTo());
          }
          pending.add(new ColumnBatch(schema, part, length));
        } catch (RuntimeException e) {
          part.forEach(FieldVector::close);
          throw e;
        }
      }
    } finally {
      whole.forEach(FieldVector::close);
    }
  }

  @Override
  public void close() {
    while (!pending.isEmpty()) {
      pending.poll().close();
    }
    if (projectedLoader != null) {
      loaded.close();
      projectedLoader = null;
    }
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        throw ArrowIpcFiles.readFailure(morsel.file(), e);
      } finally {
        reader = null;
      }
    }
  }
}
