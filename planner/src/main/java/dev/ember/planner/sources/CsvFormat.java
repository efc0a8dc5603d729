package dev.ember.planner.sources;

import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.io.FileListing;
import dev.ember.runtime.io.csv.CsvOptions;
import dev.ember.runtime.io.csv.CsvSchemaInference;
import dev.ember.runtime.io.csv.CsvWriterFactory;
import dev.ember.runtime.io.csv.CsvWriterOptions;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
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
    // After listing, as in Spark: a missing path is reported before an unsupported type.
    rejectNestedColumns(dataSchema);
    return new CsvTableSource(FileListing.inReadOrder(files), dataSchema, CsvOptions.parse(options), userPaths);
  }

  /** Timestamps are written in the {@code timeZone} option's zone; {@code df.write()} sets it to the session's. */
  @Override
  public BatchFileWriterFactory writer(StructType schema, Map<String, String> options, WriteSettings settings) {
    rejectNestedColumns(schema);
    return new CsvWriterFactory(CsvWriterOptions.parse(options, ZoneId.systemDefault()));
  }

  /** Spark's CSV source has no text form for arrays, maps or structs; it refuses them before any I/O. */
  private static void rejectNestedColumns(StructType schema) {
    for (StructField field : schema.fields()) {
      DataType type = field.dataType();
      if (type instanceof ArrayType || type instanceof MapType || type instanceof StructType) {
        throw new AnalysisException("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE",
            Map.of("columnName", "`" + field.name() + "`", "columnType", "\"" + type.sql() + "\"", "format", "CSV"),
            "The CSV datasource doesn't support the column `" + field.name() + "` of the type \"" + type.sql()
                + "\". SQLSTATE: 0A000");
      }
    }
  }
}
