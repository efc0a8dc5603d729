package dev.ember.runtime.io.json;

import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Scans JSON files into Arrow batches, Spark-compatible (value rules on {@link JsonValueConverter},
 * records and modes on {@link JsonBatchStream}).
 *
 * <p>JSON lines files are cut into byte ranges of about {@code splitBytes}, so several workers read
 * one large file; a record belongs to the range in which its line starts. {@code multiLine} files
 * and compressed files are read whole by one worker each.
 */
public final class JsonSource implements BatchSource {
  /** Rows per batch. */
  public static final int BATCH_ROWS = 4096;

  private final List<Path> files;
  private final JsonOptions options;
  private final long splitBytes;
  private final ZoneId sessionZone;
  private final StructType schema;

  /**
   * @param dataSchema every column of the table (including the corrupt-record column if any)
   * @param requiredColumns indexes into {@code dataSchema} of the columns to produce, in output order
   * @param splitBytes the target morsel size in bytes
   * @param sessionZone the zone of timestamps written without one
   */
  public JsonSource(List<Path> files, StructType dataSchema, JsonOptions options, int[] requiredColumns,
      long splitBytes, ZoneId sessionZone) {
    this.files = List.copyOf(Objects.requireNonNull(files, "files is null"));
    Objects.requireNonNull(dataSchema, "dataSchema is null");
    this.options = Objects.requireNonNull(options, "options is null");
    Objects.requireNonNull(requiredColumns, "requiredColumns is null");
    this.sessionZone = Objects.requireNonNull(sessionZone, "sessionZone is null");
    if (splitBytes <= 0) {
      throw new IllegalArgumentException("splitBytes must be positive, got " + splitBytes);
    }
    this.splitBytes = splitBytes;
    List<StructField> required = new ArrayList<>(requiredColumns.length);
    for (int column : requiredColumns) {
      if (column < 0 || column >= dataSchema.length()) {
        throw new IllegalArgumentException(
            "Required column " + column + " is outside the JSON schema of " + dataSchema.length() + " columns");
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
      if (options.multiLine() || JsonFileInput.isCompressed(file)) {
        morsels.add(JsonMorsel.wholeFile(file));
        continue;
      }
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw JsonFileInput.readFailure(file, e);
      }
      for (long start = 0; start < size; start += splitBytes) {
        morsels.add(new JsonMorsel(file, start, Math.min(size, start + splitBytes)));
      }
    }
    return List.copyOf(morsels);
  }

  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator is null");
    if (!(morsel instanceof JsonMorsel jsonMorsel)) {
      throw new IllegalArgumentException("JsonSource cannot read morsel " + morsel.describe());
    }
    return new JsonBatchStream(jsonMorsel, schema, options, sessionZone, allocator);
  }

  @Override
  public String toString() {
    return "JsonSource(" + files.size() + " files, " + schema.simpleString() + ", " + options + ")";
  }
}
