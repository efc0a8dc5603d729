package dev.ember.planner.sources;

import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A file format by its Spark short name ({@code csv}, {@code parquet}, {@code json}, {@code arrow}):
 * how to read a set of paths as a table and how to write part files. {@code spark.read().format(name)}
 * and {@code df.write().format(name)} find it through {@link DataSourceFormats}.
 *
 * <p>Finding the files, partition columns and pruning are the same for every format
 * ({@link FileTables}); a format only infers a schema from files and reads files of a known schema.
 */
public interface DataSourceFormat {
  String shortName();

  /**
   * The schema of the data in {@code files} (partition columns excluded), inferred as this format
   * does; Spark's {@code UNABLE_TO_INFER_SCHEMA} when there are no files to infer it from.
   */
  StructType inferSchema(List<Path> files, Map<String, String> options, ReadSettings settings);

  /**
   * A table over data files whose columns are {@code dataSchema} (nullable).
   *
   * @param userPaths the paths as the user gave them, for {@code explain()}
   */
  TableSource open(List<Path> files, StructType dataSchema, Map<String, String> options, List<String> userPaths);

  /**
   * Part-file writers for {@code schema} with the writer's options (codec, separators …) and the
   * session's write settings for what the options leave out.
   */
  BatchFileWriterFactory writer(StructType schema, Map<String, String> options, WriteSettings settings);

  /** {@link #writer(StructType, Map, WriteSettings)} with Spark's default settings. */
  default BatchFileWriterFactory writer(StructType schema, Map<String, String> options) {
    return writer(schema, options, WriteSettings.defaults());
  }

  /**
   * The table over {@code paths} (files, directories, glob patterns), with the user's schema if
   * given (null otherwise: inferred, as Spark does, when the Dataset is created).
   */
  default TableSource read(List<String> paths, Map<String, String> options, StructType userSchema,
      ReadSettings settings) {
    return FileTables.read(this, paths, options, userSchema, settings);
  }

  /** {@link #read(List, Map, StructType, ReadSettings)} with Spark's default settings. */
  default TableSource read(List<String> paths, Map<String, String> options, StructType userSchema) {
    return read(paths, options, userSchema, ReadSettings.defaults());
  }
}
