package dev.ember.planner.sources;

import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.io.FileListing;
import dev.ember.runtime.io.json.JsonOptions;
import dev.ember.runtime.io.json.JsonSchemaInference;
import dev.ember.runtime.io.json.JsonWriterFactory;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** JSON lines (or, with {@code multiLine}, whole-file JSON): Spark's options, inference when no schema is given. */
final class JsonFormat implements DataSourceFormat {
  @Override
  public String shortName() {
    return "json";
  }

  @Override
  public StructType inferSchema(List<Path> files, Map<String, String> options, ReadSettings settings) {
    if (files.isEmpty()) {
      throw unableToInfer();
    }
    return JsonSchemaInference.infer(FileListing.inReadOrder(files), JsonOptions.parse(options));
  }

  @Override
  public TableSource open(List<Path> files, StructType dataSchema, Map<String, String> options, List<String> userPaths) {
    return new JsonTableSource(FileListing.inReadOrder(files), dataSchema, JsonOptions.parse(options), userPaths);
  }

  private static AnalysisException unableToInfer() {
    return new AnalysisException("UNABLE_TO_INFER_SCHEMA", Map.of("format", "JSON"),
        "Unable to infer schema for JSON. It must be specified manually. SQLSTATE: 42KD9");
  }

  /** Timestamps are written in the {@code timeZone} option's zone, else UTC (the writer's options carry the session zone). */
  @Override
  public BatchFileWriterFactory writer(StructType schema, Map<String, String> options, WriteSettings settings) {
    JsonOptions jsonOptions = JsonOptions.parse(options);
    ZoneId zone = jsonOptions.timeZone() != null ? jsonOptions.timeZone() : ZoneOffset.UTC;
    return new JsonWriterFactory(jsonOptions, zone);
  }
}
