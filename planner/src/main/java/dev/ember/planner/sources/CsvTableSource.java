package dev.ember.planner.sources;

import dev.ember.runtime.io.csv.CsvOptions;
import dev.ember.runtime.io.csv.CsvSource;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** CSV files with a known schema (given by the user or inferred when the Dataset was created). */
public final class CsvTableSource implements TableSource {
  private final List<Path> files;
  private final StructType schema;
  private final CsvOptions options;
  private final List<String> userPaths;

  public CsvTableSource(List<Path> files, StructType schema, CsvOptions options, List<String> userPaths) {
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
    return "csv";
  }

  @Override
  public String describe() {
    return "Location: " + userPaths + ", Files: " + files.size() + ", ReadSchema: " + schema.simpleString();
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    return new CsvSource(files, schema, options, columns, settings.splitBytes(), settings.sessionZone());
  }

  @Override
  public java.util.OptionalLong sizeInBytes() {
    return TableSource.totalSize(files);
  }
}
