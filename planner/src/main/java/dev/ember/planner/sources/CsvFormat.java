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

  @Override
  public TableSource read(List<String> paths, Map<String, String> options, StructType userSchema) {
    if (paths.isEmpty()) {
      throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", Map.of("format", "CSV"),
          "Unable to infer schema for CSV. It must be specified manually. SQLSTATE: 42KD9");
    }
    CsvOptions csvOptions = CsvOptions.parse(options);
    List<Path> files = FileListing.inReadOrder(FileListing.list(paths));
    if (userSchema != null) {
      // After listing, as in Spark: a missing path is reported before an unsupported type.
      rejectNestedColumns(userSchema);
    }
    // File sources make every column nullable, as Spark does, even when the user's schema says not.
    StructType schema = userSchema != null ? userSchema.asNullable() : CsvSchemaInference.infer(files, csvOptions);
    return new CsvTableSource(files, schema, csvOptions, paths);
  }

  /** Timestamps are written in the {@code timeZone} option's zone; {@code df.write()} sets it to the session's. */
  @Override
  public BatchFileWriterFactory writer(StructType schema, Map<String, String> options) {
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
