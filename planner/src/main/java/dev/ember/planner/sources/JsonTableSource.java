package dev.ember.planner.sources;

import dev.ember.runtime.io.json.JsonOptions;
import dev.ember.runtime.io.json.JsonSource;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** JSON files with a known schema (given by the user or inferred when the Dataset was created). */
public final class JsonTableSource implements TableSource {
  private final List<Path> files;
  private final StructType schema;
  private final JsonOptions options;
  private final List<String> userPaths;

  public JsonTableSource(List<Path> files, StructType schema, JsonOptions options, List<String> userPaths) {
    this.files = List.copyOf(files);
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.options = Objects.requireNonNull(options, "options is null");
    this.userPaths = List.copyOf(userPaths);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public String formatName() {
    return "json";
  }

  @Override
  public String describe() {
    return "Location: " + userPaths + ", Files: " + files.size() + ", ReadSchema: " + schema.simpleString();
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    return new JsonSource(files, schema, options, columns, settings.splitBytes(), settings.sessionZone());
  }

  @Override
  public java.util.OptionalLong sizeInBytes() {
    return TableSource.totalSize(files);
  }
}
