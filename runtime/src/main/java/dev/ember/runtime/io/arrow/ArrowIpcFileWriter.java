package dev.ember.runtime.io.arrow;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * One Arrow IPC file: each written batch becomes one record batch. The batch's buffers are shared
 * with the file writer's vectors (reference counted), not copied.
 */
final class ArrowIpcFileWriter implements BatchFileWriter {
  private final Path file;
  private final StructType schema;
  private final List<Field> fields;
  private final FileChannel channel;
  private final VectorSchemaRoot root;
  private final ArrowFileWriter writer;
  private boolean finished;

  private ArrowIpcFileWriter(Path file, StructType schema, List<Field> fields, FileChannel channel,
      VectorSchemaRoot root, ArrowFileWriter writer) {
    this.file = file;
    this.schema = schema;
    this.fields = fields;
    this.channel = channel;
    this.root = root;
    this.writer = writer;
  }

  static ArrowIpcFileWriter create(Path file, StructType schema, ArrowIpcCompression compression, BufferAllocator allocator) {
    Objects.requireNonNull(file, "file is null");
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(allocator, "allocator is null");
    List<Field> fields = new ArrayList<>(schema.length());
    for (StructField field : schema.fields()) {
      fields.add(ArrowTypes.toArrowField(field));
    }
    FileChannel channel = null;
    VectorSchemaRoot root = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      root = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator);
      ArrowFileWriter writer = new ArrowFileWriter(root, null, channel, Map.of(), IpcOption.DEFAULT,
          compression == ArrowIpcCompression.UNCOMPRESSED
              ? NoCompressionCodec.Factory.INSTANCE
              : CommonsCompressionFactory.INSTANCE,
          compression.codecType());
      writer.start();
      return new ArrowIpcFileWriter(file, schema, fields, channel, root, writer);
    } catch (IOException | RuntimeException e) {
      if (root != null) {
        root.close();
      }
      closeQuietly(channel, e);
      throw writeFailure(file, e);
    }
  }

  @Override
  public void write(ColumnBatch batch) {
    Objects.requireNonNull(batch, "batch is null");
    if (batch.columnCount() != schema.length()) {
      throw new IllegalArgumentException("Batch of " + batch.columnCount() + " columns written to "
          + ArrowIpcFiles.displayName(file) + " of schema " + schema.simpleString());
    }
    if (batch.rowCount() == 0) {
      return;
    }
    // A root over the caller's vectors, never closed: the batch stays the caller's. Loading its
    // unloaded buffers into the writer's root retains them until the next batch replaces them.
    VectorSchemaRoot borrowed = new VectorSchemaRoot(fields, batch.vectors(), batch.rowCount());
    try (ArrowRecordBatch recordBatch = new VectorUnloader(borrowed).getRecordBatch()) {
      new VectorLoader(root).load(recordBatch);
      writer.writeBatch();
    } catch (IOException e) {
      throw writeFailure(file, e);
    }
  }

  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      writer.end();
      writer.close();
    } catch (RuntimeException e) {
      throw writeFailure(file, e);
    } catch (IOException e) {
      throw writeFailure(file, e);
    } finally {
      root.close();
      closeQuietly(channel, null);
    }
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    root.close();
    closeQuietly(channel, null);
  }

  private static void closeQuietly(FileChannel channel, Exception primary) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      if (primary != null) {
        primary.addSuppressed(e);
      }
    }
  }

  private static SparkException writeFailure(Path file, Exception cause) {
    String path = ArrowIpcFiles.displayName(file);
    return new SparkException("TASK_WRITE_FAILED", Map.of("path", path),
        "Task failed while writing rows to " + path + ". SQLSTATE: 58030", cause);
  }
}
