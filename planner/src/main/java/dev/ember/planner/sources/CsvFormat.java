package dev.ember.planner.sources;

import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.io.FileListing;
import dev.ember.runtime.io.csv.CsvOptions;
import dev.ember.runtime.io.csv.CsvSchemaInference;
import dev.ember.runtime.io.csv.CsvWriterFactory;
import dev.ember.runtime.io.csv.CsvWriterOptions;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** CSV files: Spark's reader options, inference when no schema is given. */
final class CsvFormat implements DataSourceFormat {
  @Override
  public String shortName() {
    return "csv";
  }

  /** The header of the first file in read order names the columns; types from every file with {@code inferSchema}. */
  @Override
  public StructType inferSchema(List<Path> files, Map<String, String> options, ReadSettings settings) {
    if (files.isEmpty()) {
      throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", Map.of("format", "CSV"),
          "Unable to infer schema for CSV. It must be specified manually. SQLSTATE: 42KD9");
    }
    return CsvSchemaInference.infer(FileListing.inReadOrder(files), CsvOptions.parse(options));
  }

  @Override
  public TableSource open(List<Path> files, StructType dataSchema, Map<String, String> options, List<String> userPaths) {
    return new CsvTableSource(FileListing.inReadOrder(files), dataSchema, CsvOptions.parse(options), userPaths);
  }

  /** Timestamps are written in the {@code timeZone} option's zone; {@code df.write()} sets it to the session's. */
  @Override
  public BatchFileWriterFactory writer(StructType schema, Map<String, String> options) {
    return new CsvWriterFactory(CsvWriterOptions.parse(options, ZoneId.systemDefault()));
  }
}
