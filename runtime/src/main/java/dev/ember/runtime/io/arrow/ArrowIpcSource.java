package dev.ember.runtime.io.arrow;

import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * Scans Arrow IPC files (file or streaming format, detected by the magic bytes) into batches of at
 * most {@link #BATCH_ROWS} rows.
 *
 * <p>A morsel is a run of consecutive record batches of one file of about {@code splitBytes}, so
 * workers read a large file in parallel; a stream file is one morsel. Columns are matched to the
 * files by name (exact, else ignoring case), so files may order their columns differently; a column
 * missing from a file reads as nulls. Vectors already in Ember's layout are transferred, not copied;
 * other units (timestamps in seconds, milliseconds or nanoseconds, dates in milliseconds, large
 * strings) are converted.
 */
public final class ArrowIpcSource implements BatchSource {
  /** Rows per batch at most; larger record batches are sliced. */
  public static final int BATCH_ROWS = 4096;

  private final List<Path> files;
  private final StructType schema;
  private final long splitBytes;

  /**
   * @param dataSchema every column of the table, as {@link ArrowIpcFiles#readSchema} or the user gave it
   * @param requiredColumns indexes into {@code dataSchema} of the columns to produce, in output order
   * @param splitBytes the target morsel size in bytes
   */
  public ArrowIpcSource(List<Path> files, StructType dataSchema, int[] requiredColumns, long splitBytes) {
    this.files = List.copyOf(Objects.requireNonNull(files, "files is null"));
    Objects.requireNonNull(dataSchema, "dataSchema is null");
    Objects.requireNonNull(requiredColumns, "requiredColumns is null");
    if (splitBytes <= 0) {
      throw new IllegalArgumentException("splitBytes must be positive, got " + splitBytes);
    }
    this.splitBytes = splitBytes;
    List<StructField> required = new ArrayList<>(requiredColumns.length);
    for (int column : requiredColumns) {
      if (column < 0 || column >= dataSchema.length()) {
        throw new IllegalArgumentException(
            "Required column " + column + " is outside the Arrow schema of " + dataSchema.length() + " columns");
      }
      required.add(dataSchema.apply(column));
    }
    this.schema = StructType.of(required);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public List<Morsel> morsels() {
    List<Morsel> morsels = new ArrayList<>();
    for (Path file : files) {
      if (ArrowIpcFiles.isFileFormat(file)) {
        addFileMorsels(file, morsels);
      } else {
        morsels.add(ArrowIpcMorsel.wholeStream(file));
      }
    }
    return List.copyOf(morsels);
  }

  /** Groups the file's record batches (from its footer) into runs of about {@code splitBytes}. */
  private void addFileMorsels(Path file, List<Morsel> morsels) {
    List<ArrowBlock> blocks;
    try (BufferAllocator allocator = Allocators.newRoot();
        ArrowFileReader reader = (ArrowFileReader) ArrowIpcFiles.openReader(file, true, allocator)) {
      blocks = reader.getRecordBlocks();
    } catch (IOException | RuntimeException e) {
      throw ArrowIpcFiles.readFailure(file, e);
    }
    int first = 0;
    long bytes = 0;
    for (int i = 0; i < blocks.size(); i++) {
      ArrowBlock block = blocks.get(i);
      bytes += block.getMetadataLength() + block.getBodyLength();
      if (bytes >= splitBytes || i == blocks.size() - 1) {
        morsels.add(new ArrowIpcMorsel(file, false, first, i + 1 - first));
        first = i + 1;
        bytes = 0;
      }
    }
  }

  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator is null");
    if (!(morsel instanceof ArrowIpcMorsel arrowMorsel)) {
      throw new IllegalArgumentException("ArrowIpcSource cannot read morsel " + morsel.describe());
    }
    return new ArrowIpcBatchStream(arrowMorsel, schema, allocator);
  }

  @Override
  public String toString() {
    return "ArrowIpcSource(" + files.size() + " files, " + schema.simpleString() + ")";
  }
}
