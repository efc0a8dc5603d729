package dev.ember.runtime.io.arrow;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Opening Arrow IPC files of either layout, the random-access file format (which starts and ends
 * with the magic {@code ARROW1}) or the streaming format (which does not), and mapping their schemas
 * to Spark's types.
 */
public final class ArrowIpcFiles {
  private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

  private ArrowIpcFiles() {}

  /** Whether {@code file} starts with the file format's magic; otherwise it is read as a stream. */
  public static boolean isFileFormat(Path file) {
    Objects.requireNonNull(file, "file is null");
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(FILE_MAGIC.length), FILE_MAGIC);
    } catch (IOException e) {
      throw readFailure(file, e);
    }
  }

  /**
   * A reader over {@code file} whose buffers come from {@code allocator}; compressed buffers
   * (lz4_frame, zstd) are decompressed. The caller closes it, which closes the file.
   */
  public static ArrowReader openReader(Path file, boolean fileFormat, BufferAllocator allocator) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return fileFormat
          ? new ArrowFileReader(channel, allocator, CommonsCompressionFactory.INSTANCE)
          : new ArrowStreamReader(channel, allocator, CommonsCompressionFactory.INSTANCE);
    } catch (RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * The Spark schema of the first file, every column nullable (as Spark makes file columns).
   *
   * @throws AnalysisException {@code UNSUPPORTED_ARROWTYPE} naming the column and file when a column's
   *     type has no Spark equivalent in Ember
   * @throws SparkException {@code FAILED_READ_FILE.NO_HINT} when the file is not readable Arrow IPC
   */
  public static StructType readSchema(Path file) {
    Objects.requireNonNull(file, "file is null");
    boolean fileFormat = isFileFormat(file);
    Schema schema;
    try (BufferAllocator allocator = Allocators.newRoot();
        ArrowReader reader = openReader(file, fileFormat, allocator)) {
      schema = reader.getVectorSchemaRoot().getSchema();
    } catch (IOException | RuntimeException e) {
      throw readFailure(file, e);
    }
    List<StructField> fields = new ArrayList<>(schema.getFields().size());
    for (Field field : schema.getFields()) {
      fields.add(new StructField(field.getName(), sparkType(field, file), true));
    }
    return StructType.of(fields);
  }

  /** The Spark type of a column of {@code file}, or Spark's unsupported-Arrow-type error naming it. */
  static DataType sparkType(Field field, Path file) {
    if (field.getDictionary() != null) {
      throw unsupported(field, "dictionary-encoded " + field.getType(), file);
    }
    try {
      DataType type = ArrowTypes.fromArrowField(field);
      // Nested columns are read by moving their buffers, so every level must be in Ember's layout.
      if (!field.getChildren().isEmpty()
          && !ArrowTypes.sameLayout(field, ArrowTypes.toArrowField(field.getName(), type, true))) {
        throw unsupported(field, field.getType() + " of " + field.getChildren(), file);
      }
      return type;
    } catch (IllegalArgumentException e) {
      throw unsupported(field, field.getType().toString(), file);
    }
  }

  private static AnalysisException unsupported(Field field, String typeName, Path file) {
    return new AnalysisException(
        "UNSUPPORTED_ARROWTYPE",
        Map.of("typeName", typeName),
        "Unsupported arrow type " + typeName + " of column `" + field.getName() + "` in file "
            + displayName(file) + ". SQLSTATE: 0A000");
  }

  /** Spark's error for a file that cannot be read, with the cause's text after its SQLSTATE. */
  public static SparkException readFailure(Path file, Throwable cause) {
    String path = displayName(file);
    return new SparkException(
        "FAILED_READ_FILE.NO_HINT",
        Map.of("path", path),
        "Encountered error while reading file " + path + ".  SQLSTATE: KD001\n" + cause,
        cause);
  }

  /** How Spark prints a local file in read errors: {@code file:///dir/file.arrow}. */
  static String displayName(Path file) {
    return file.toAbsolutePath().normalize().toUri().toString();
  }
}
