package dev.ember.runtime.io.csv;

import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Scans CSV files into Arrow batches, Spark-compatible (the rules are listed on
 * {@link CsvTokenizer} and {@link CsvColumnWriter}; the modes on {@link CsvParseMode}).
 *
 * <p>Files are cut into byte ranges of about {@code splitBytes}, so several workers read one large
 * file. A record belongs to the range in which its line starts; the header line is skipped only by
 * the range that starts the file. Only the required columns are converted; the others are tokenized
 * and skipped. Records are lines, as in Spark without {@code multiLine}: a quoted value cannot span
 * lines.
 *
 * <p>A string column of the schema named by {@code columnNameOfCorruptRecord} is not read from the
 * files: in PERMISSIVE mode it holds the text of each malformed record, null for the others.
 *
 * <p>Files in a charset that is not ASCII-compatible (UTF-16, UTF-32) are not split: each is decoded
 * whole by one worker.
 */
public final class CsvSource implements BatchSource {
  /** Rows per batch. */
  public static final int BATCH_ROWS = 4096;
  /** Spark's {@code spark.sql.files.maxPartitionBytes} default, 128 MB, is too coarse for morsels. */
  public static final long DEFAULT_SPLIT_BYTES = 32L << 20;

  private static final Set<String> ASCII_COMPATIBLE_PREFIXES =
      Set.of("ISO-8859-", "windows-125", "US-ASCII", "UTF-8");

  private final List<Path> files;
  private final StructType dataSchema;
  private final CsvOptions options;
  private final int[] requiredColumns;
  private final long splitBytes;
  private final ZoneId sessionZone;
  private final StructType schema;
  /** The index in {@code dataSchema} of the corrupt-record column, or -1; it is not in the files. */
  private final int corruptColumn;

  /**
   * @param dataSchema every column of the files, in file order
   * @param requiredColumns indexes into {@code dataSchema} of the columns to produce, in output order
   * @param splitBytes the target morsel size in bytes
   * @param sessionZone the zone of timestamps written without one
   */
  public CsvSource(
      List<Path> files,
      StructType dataSchema,
      CsvOptions options,
      int[] requiredColumns,
      long splitBytes,
      ZoneId sessionZone) {
    this.files = List.copyOf(Objects.requireNonNull(files, "files is null"));
    this.dataSchema = Objects.requireNonNull(dataSchema, "dataSchema is null");
    this.options = Objects.requireNonNull(options, "options is null");
    this.requiredColumns = Objects.requireNonNull(requiredColumns, "requiredColumns is null").clone();
    this.sessionZone = Objects.requireNonNull(sessionZone, "sessionZone is null");
    if (splitBytes <= 0) {
      throw new IllegalArgumentException("splitBytes must be positive, got " + splitBytes);
    }
    this.splitBytes = splitBytes;
    List<StructField> required = new ArrayList<>(requiredColumns.length);
    for (int column : requiredColumns) {
      if (column < 0 || column >= dataSchema.length()) {
        throw new IllegalArgumentException(
            "Required column " + column + " is outside the CSV schema of " + dataSchema.length() + " columns");
      }
      required.add(dataSchema.apply(column));
    }
    this.schema = StructType.of(required);
    this.corruptColumn = CsvCorruptRecordColumn.indexIn(dataSchema, options);
  }

  /** A source in UTC, the zone Spark uses when none is configured on a UTC machine. */
  public CsvSource(List<Path> files, StructType dataSchema, CsvOptions options, int[] requiredColumns, long splitBytes) {
    this(files, dataSchema, options, requiredColumns, splitBytes, ZoneId.of("UTC"));
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public List<Morsel> morsels() {
    List<Morsel> morsels = new ArrayList<>();
    boolean splittable = isAsciiCompatible(options.charset());
    for (Path file : files) {
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        throw CsvBatchStream.readFailure(file, e);
      }
      if (!splittable || !isSplittable(file)) {
        morsels.add(new CsvMorsel(file, 0, size));
        continue;
      }
      for (long start = 0; start < size; start += splitBytes) {
        morsels.add(new CsvMorsel(file, start, Math.min(size, start + splitBytes)));
      }
    }
    return List.copyOf(morsels);
  }

  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator is null");
    if (!(morsel instanceof CsvMorsel csvMorsel)) {
      throw new IllegalArgumentException("CsvSource cannot read morsel " + morsel.describe());
    }
    int[] fields = new int[requiredColumns.length];
    for (int i = 0; i < fields.length; i++) {
      int column = requiredColumns[i];
      fields[i] = column == corruptColumn ? CsvBatchStream.CORRUPT_RECORD
          : corruptColumn >= 0 && column > corruptColumn ? column - 1 : column;
    }
    int fileColumnCount = dataSchema.length() - (corruptColumn >= 0 ? 1 : 0);
    return new CsvBatchStream(csvMorsel, fileColumnCount, schema, fields, options, sessionZone, allocator);
  }

  /**
   * Whether a file may be cut into byte ranges: not when compressed, and not with {@code multiLine},
   * where a line break does not tell where a record starts (Spark reads such files whole too).
   */
  private boolean isSplittable(Path file) {
    return !options.multiLine() && !CsvCompression.of(file).isCompressed();
  }

  /** Whether line breaks and ASCII characters are single bytes with their ASCII values. */
  static boolean isAsciiCompatible(Charset charset) {
    String name = charset.name();
    return charset.equals(StandardCharsets.UTF_8)
        || ASCII_COMPATIBLE_PREFIXES.stream().anyMatch(name::startsWith);
  }

  @Override
  public String toString() {
    return "CsvSource(" + files.size() + " files, " + schema.simpleString() + ", " + options + ")";
  }
}
