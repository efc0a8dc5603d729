package dev.ember.runtime.operators.sort;

import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * One sorted run on disk, an Arrow IPC stream (uncompressed: spilling is bounded by the disk's
 * bandwidth less than by a codec's CPU) of the sorted rows with one more column, each row's source
 * position (morsel in the high 32 bits, row within the morsel in the low 32). The merge breaks ties by
 * that position, so a spilled sort keeps source order for equal keys just as the in-memory sort does.
 */
final class SortRunFile {
  static final String POSITION_COLUMN = "__ember_sort_position";

  private SortRunFile() {}

  /** The run's schema: the sorted schema and the position column last. */
  static StructType withPosition(StructType schema) {
    return schema.add(new StructField(POSITION_COLUMN, DataTypes.LongType, false));
  }

  private static Schema arrowSchema(StructType schema) {
    List<Field> fields = new ArrayList<>(schema.length());
    for (StructField field : schema.fields()) {
      fields.add(ArrowTypes.toArrowField(field));
    }
    return new Schema(fields);
  }

  /** Writes batches of a run's schema to a new file; each written batch's buffers move to the file writer. */
  static final class Writer implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final VectorSchemaRoot root;
    private final ArrowStreamWriter writer;

    Writer(Path file, StructType runSchema, BufferAllocator allocator) {
      this.file = file;
      VectorSchemaRoot created = null;
      FileChannel opened = null;
      try {
        opened = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        created = VectorSchemaRoot.create(arrowSchema(runSchema), allocator);
        this.writer = new ArrowStreamWriter(created, null, opened);
        this.writer.start();
      } catch (IOException e) {
        closeQuietly(created, opened);
        throw new UncheckedIOException("cannot write sort spill file " + file, e);
      } catch (RuntimeException e) {
        closeQuietly(created, opened);
        throw e;
      }
      this.channel = opened;
      this.root = created;
    }

    /** Appends {@code batch} (of the run's schema) to the file and closes it. */
    void write(ColumnBatch batch) {
      try (batch) {
        for (int column = 0; column < batch.columnCount(); column++) {
          batch.vector(column).makeTransferPair(root.getVector(column)).transfer();
        }
        root.setRowCount(batch.rowCount());
        writer.writeBatch();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write sort spill file " + file + " (is the disk full?)", e);
      } finally {
        root.clear();
      }
    }

    /** Ends the stream and closes the file. */
    @Override
    public void close() {
      try {
        writer.end();
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot finish sort spill file " + file, e);
      } finally {
        closeQuietly(root, channel);
      }
    }
  }

  /** Reads a run's batches back, in the order they were written. */
  static final class Reader implements AutoCloseable {
    private final Path file;
    private final StructType runSchema;
    private final BufferAllocator allocator;
    private final ArrowStreamReader reader;

    Reader(Path file, StructType runSchema, BufferAllocator allocator) {
      this.file = file;
      this.runSchema = runSchema;
      this.allocator = allocator;
      try {
        this.reader = new ArrowStreamReader(FileChannel.open(file, StandardOpenOption.READ), allocator);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read sort spill file " + file, e);
      }
    }

    /** The next batch, owned by the caller, or {@code null} at the end of the run. */
    ColumnBatch next(String operator) {
      try {
        if (!reader.loadNextBatch()) {
          return null;
        }
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        int rowCount = root.getRowCount();
        List<FieldVector> vectors = new ArrayList<>(runSchema.length());
        try {
          for (FieldVector loaded : root.getFieldVectors()) {
            TransferPair transfer = loaded.getTransferPair(allocator);
            transfer.transfer();
            FieldVector vector = (FieldVector) transfer.getTo();
            vectors.add(vector);
            vector.setValueCount(rowCount);
          }
          return new ColumnBatch(runSchema, vectors, rowCount);
        } catch (RuntimeException e) {
          vectors.forEach(FieldVector::close);
          throw e;
        }
      } catch (OutOfMemoryException e) {
        throw OperatorMemory.refused(allocator, e, operator);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read sort spill file " + file, e);
      }
    }

    @Override
    public void close() {
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close sort spill file " + file, e);
      }
    }
  }

  private static void closeQuietly(VectorSchemaRoot root, FileChannel channel) {
    if (root != null) {
      root.close();
    }
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // The file is deleted with its spill directory; a failed close loses nothing.
      }
    }
  }
}
