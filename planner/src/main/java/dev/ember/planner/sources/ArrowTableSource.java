package dev.ember.planner.sources;

import dev.ember.runtime.io.arrow.ArrowIpcSource;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Arrow IPC files with a known schema (the user's, or the first file's). */
public final class ArrowTableSource implements TableSource {
  private final List<Path> files;
  private final StructType schema;
  private final List<String> userPaths;

  public ArrowTableSource(List<Path> files, StructType schema, List<String> userPaths) {
    this.files = List.copyOf(Objects.requireNonNull(files, "files is null"));
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.userPaths = List.copyOf(Objects.requireNonNull(userPaths, "userPaths is null"));
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public String formatName() {
    return "arrow";
  }

  @Override
  public java.util.OptionalLong sizeInBytes() {
    return TableSource.totalSize(files);
  }

  @Override
  public String describe() {
    return "Location: " + userPaths + ", Files: " + files.size() + ", ReadSchema: " + schema.simpleString();
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    return new ArrowIpcSource(files, schema, columns, settings.splitBytes());
  }
}
