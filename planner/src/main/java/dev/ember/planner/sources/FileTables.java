package dev.ember.planner.sources;

import dev.ember.runtime.io.partition.FileIndexOptions;
import dev.ember.runtime.io.partition.PartitionedFileIndex;
import dev.ember.runtime.io.partition.PartitionedFiles;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading files as a table, the same for every format: the files are listed (globs, hidden names,
 * {@code recursiveFileLookup}, {@code pathGlobFilter}), partition directories discovered, the data
 * schema taken from the user or inferred by the format, and the table wrapped with partition columns
 * when there are any.
 */
final class FileTables {
  private FileTables() {}

  static TableSource read(DataSourceFormat format, List<String> paths, Map<String, String> options,
      StructType userSchema, ReadSettings settings) {
    Objects.requireNonNull(paths, "paths is null");
    Objects.requireNonNull(options, "options is null");
    Objects.requireNonNull(settings, "settings is null");
    FileIndexOptions indexOptions = FileIndexOptions.fromReaderOptions(options, format.shortName(),
        settings.partitionTypeInference(), userSchema, settings.sessionZone());
    PartitionedFiles files = PartitionedFileIndex.list(paths, indexOptions);
    // File sources make every column nullable, as Spark does, even when the user's schema says not.
    StructType dataSchema = userSchema != null
        ? withoutColumns(userSchema, files.partitionSchema()).asNullable()
        : format.inferSchema(files.allFiles(), options, settings);
    if (!files.isPartitioned()) {
      return format.open(files.allFiles(), dataSchema, options, paths);
    }
    return PartitionedTableSource.create(format, files, dataSchema, options, paths);
  }

  /** The user's columns that are not partition columns: those come from the directory names. */
  private static StructType withoutColumns(StructType schema, StructType partitionSchema) {
    return StructType.of(schema.fieldList().stream()
        .filter(field -> !contains(partitionSchema, field))
        .toList());
  }

  private static boolean contains(StructType schema, StructField field) {
    return schema.fieldList().stream().anyMatch(other -> other.name().equalsIgnoreCase(field.name()));
  }
}
