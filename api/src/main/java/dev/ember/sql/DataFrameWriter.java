package dev.ember.sql;

import dev.ember.planner.sources.DataSourceFormat;
import dev.ember.planner.sources.DataSourceFormats;
import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.io.commit.FileCommitProtocol;
import dev.ember.runtime.io.commit.PublishMode;
import dev.ember.runtime.operators.write.FileWriteSink;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code df.write()}: writes a Dataset's rows as a directory of part files, as Spark does, with
 * Spark's save modes ({@code errorifexists} by default) and {@code partitionBy}.
 *
 * <p>Each worker writes its own part file into a hidden staging directory beside the output; the
 * output appears (or is replaced) only after every worker succeeded, see {@link FileCommitProtocol}.
 * A failed write leaves the previous output as it was.
 *
 * @param <T> always {@link Row} in Ember
 */
public final class DataFrameWriter<T> {
  private final Dataset<T> dataset;
  private final Map<String, String> options = new LinkedHashMap<>();
  private String format = "parquet";
  private SaveMode mode = SaveMode.ErrorIfExists;
  private List<String> partitionColumns = List.of();

  DataFrameWriter(Dataset<T> dataset) {
    this.dataset = Objects.requireNonNull(dataset, "dataset is null");
  }

  public DataFrameWriter<T> format(String source) {
    this.format = Objects.requireNonNull(source, "source is null");
    return this;
  }

  public DataFrameWriter<T> mode(SaveMode saveMode) {
    this.mode = Objects.requireNonNull(saveMode, "saveMode is null");
    return this;
  }

  /** Spark's names, case-insensitive: {@code append}, {@code overwrite}, {@code ignore}, {@code error}, {@code errorifexists}, {@code default}. */
  public DataFrameWriter<T> mode(String saveMode) {
    Objects.requireNonNull(saveMode, "saveMode is null");
    this.mode = switch (saveMode.toLowerCase(Locale.ROOT)) {
      case "overwrite" -> SaveMode.Overwrite;
      case "append" -> SaveMode.Append;
      case "ignore" -> SaveMode.Ignore;
      case "error", "errorifexists", "default" -> SaveMode.ErrorIfExists;
      default -> throw new AnalysisException("INVALID_SAVE_MODE", Map.of("mode", "\"" + saveMode + "\""),
          "The specified save mode \"" + saveMode + "\" is invalid. Valid save modes include \"append\", "
              + "\"overwrite\", \"ignore\", \"error\", \"errorifexists\", and \"default\". SQLSTATE: 42000");
    };
    return this;
  }

  public DataFrameWriter<T> option(String key, String value) {
    options.put(Objects.requireNonNull(key, "key is null"), value);
    return this;
  }

  public DataFrameWriter<T> option(String key, boolean value) {
    return option(key, Boolean.toString(value));
  }

  public DataFrameWriter<T> option(String key, long value) {
    return option(key, Long.toString(value));
  }

  public DataFrameWriter<T> option(String key, double value) {
    return option(key, Double.toString(value));
  }

  public DataFrameWriter<T> options(Map<String, String> values) {
    values.forEach(this::option);
    return this;
  }

  /** Hive-style directories {@code column=value}, one level per column; the columns leave the files. */
  public DataFrameWriter<T> partitionBy(String... columns) {
    this.partitionColumns = List.copyOf(Arrays.asList(columns));
    return this;
  }

  public void csv(String path) {
    format("csv").save(path);
  }

  public void parquet(String path) {
    format("parquet").save(path);
  }

  public void json(String path) {
    format("json").save(path);
  }

  /** Saves to the {@code path} option. */
  public void save() {
    String path = options.get("path");
    if (path == null) {
      throw new IllegalArgumentException("'path' is not specified: call save(path) or set option(\"path\", ...).");
    }
    save(path);
  }

  public void save(String path) {
    Objects.requireNonNull(path, "path is null");
    dataset.sparkSession().checkRunning();
    DataSourceFormat dataSource = DataSourceFormats.lookup(format);
    StructType schema = dataset.schema();
    int[] partitions = partitionPositions(schema);
    Path output = toPath(path).toAbsolutePath().normalize();
    PublishMode publish;
    if (Files.exists(output)) {
      switch (mode) {
        case ErrorIfExists -> throw new AnalysisException("PATH_ALREADY_EXISTS", Map.of("outputPath", "file:" + output),
            "Path file:" + output + " already exists. Set mode as \"overwrite\" to overwrite the existing path."
                + " SQLSTATE: 42K04");
        case Ignore -> {
          return;
        }
        case Append -> publish = PublishMode.APPEND;
        case Overwrite -> publish = PublishMode.REPLACE;
        default -> throw new IllegalStateException("unknown save mode " + mode);
      }
    } else {
      publish = PublishMode.CREATE;
    }
    ZoneId zone = dataset.queryExecution().settings().sessionZone();
    Map<String, String> writerOptions = new LinkedHashMap<>(options);
    if (writerOptions.keySet().stream().noneMatch(key -> key.equalsIgnoreCase("timeZone"))) {
      writerOptions.put("timeZone", zone.getId());
    }
    StructType dataSchema = withoutColumns(schema, partitions);
    BatchFileWriterFactory writers = dataSource.writer(dataSchema, Map.copyOf(writerOptions),
        dataset.sparkSession().settings().writeSettings());
    FileCommitProtocol commit = FileCommitProtocol.begin(output, publish);
    try {
      WriteLayouts.WritePlan write = WriteLayouts.of(dataset);
      write.source().queryExecution().runInto(resultSchema -> new FileWriteSink(resultSchema, partitions, writers,
          commit.stagingDirectory(), commit.jobId(), zone, write.layout()));
      commit.commit();
    } catch (RuntimeException | Error e) {
      try {
        commit.abort();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Positions of the partitionBy columns, matched case-insensitively as Spark does by default. */
  private int[] partitionPositions(StructType schema) {
    int[] positions = new int[partitionColumns.size()];
    for (int i = 0; i < positions.length; i++) {
      String name = partitionColumns.get(i);
      positions[i] = -1;
      for (int column = 0; column < schema.length(); column++) {
        if (schema.apply(column).name().equalsIgnoreCase(name)) {
          positions[i] = column;
          break;
        }
      }
      if (positions[i] < 0) {
        throw new LegacyAnalysisException("_LEGACY_ERROR_TEMP_1155",
            Map.of("col", name, "schemaCatalog", schema.simpleString()),
            "Partition column `" + name + "` not found in schema " + schema.simpleString() + ".");
      }
      for (int earlier = 0; earlier < i; earlier++) {
        if (positions[earlier] == positions[i]) {
          String shown = partitionColumns.get(earlier).toLowerCase(Locale.ROOT);
          throw new AnalysisException("COLUMN_ALREADY_EXISTS", Map.of("columnName", "`" + shown + "`"),
              "The column `" + shown + "` already exists. Choose another name or rename the existing column."
                  + " SQLSTATE: 42711");
        }
      }
    }
    if (positions.length > 0 && positions.length == schema.length()) {
      throw new AnalysisException("ALL_PARTITION_COLUMNS_NOT_ALLOWED", Map.of(),
          "Cannot use all columns for partition columns. SQLSTATE: KD005");
    }
    return positions;
  }

  private static StructType withoutColumns(StructType schema, int[] positions) {
    List<StructField> fields = new ArrayList<>();
    for (int column = 0; column < schema.length(); column++) {
      final int position = column;
      if (Arrays.stream(positions).noneMatch(removed -> removed == position)) {
        fields.add(schema.apply(column));
      }
    }
    return StructType.of(fields);
  }

  private static Path toPath(String text) {
    if (text.startsWith("file:")) {
      return Paths.get(URI.create(text.startsWith("file://") ? text : "file://" + text.substring(5)));
    }
    return Paths.get(text);
  }

  /** Spark's legacy conditions print their message without the {@code [CONDITION]} prefix. */
  private static final class LegacyAnalysisException extends AnalysisException {
    private static final long serialVersionUID = 1L;
    private final String message;

    LegacyAnalysisException(String condition, Map<String, String> parameters, String message) {
      super(condition, parameters, message);
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }
}
