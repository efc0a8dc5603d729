package dev.ember.planner.sources;

import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * A file format by its Spark short name ({@code csv}, {@code parquet}, {@code json}, {@code arrow}):
 * how to read a set of paths as a table and how to write part files. {@code spark.read().format(name)}
 * and {@code df.write().format(name)} find it through {@link DataSourceFormats}.
 */
public interface DataSourceFormat {
  String shortName();

  /**
   * The table over {@code paths} (files or directories), with the user's schema if given (null
   * otherwise: inferred, as Spark does, when the Dataset is created).
   */
  TableSource read(List<String> paths, Map<String, String> options, StructType userSchema);

  /** Part-file writers for {@code schema} with the writer's options (codec, separators …). */
  BatchFileWriterFactory writer(StructType schema, Map<String, String> options);
}
