package dev.ember.planner.sources;

import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.io.FileOptions;
import dev.ember.runtime.io.parquet.ParquetFileFooters;
import dev.ember.runtime.io.parquet.ParquetSchemaMerge;
import dev.ember.runtime.io.parquet.ParquetSchemas;
import dev.ember.runtime.io.parquet.ParquetWriteOptions;
import dev.ember.runtime.io.parquet.ParquetWriterFactory;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet files: Spark 4.2's file layout, types and metadata, codec from the {@code compression} option
 * or the session, timestamps stored as the session says.
 */
final class ParquetFormat implements DataSourceFormat {
  @Override
  public String shortName() {
    return "parquet";
  }

  /**
   * The first file's schema, files sorted by their whole path as Spark sorts them here, as Spark
   * without {@code mergeSchema}: other files' extra columns are ignored and their missing columns read
   * as nulls. With the {@code mergeSchema} option (else {@code spark.sql.parquet.mergeSchema}) the
   * union of all files' schemas, merged in that order.
   */
  @Override
  public StructType inferSchema(List<Path> files, Map<String, String> options, ReadSettings settings) {
    if (files.isEmpty()) {
      throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", Map.of("format", "Parquet"),
          "Unable to infer schema for Parquet. It must be specified manually. SQLSTATE: 42KD9");
    }
    List<Path> sorted = files.stream().sorted(Comparator.comparing(Path::toString)).toList();
    boolean merge = FileOptions.booleanOption(FileOptions.lowerCaseKeys(options), "mergeSchema",
        settings.parquetMergeSchema(), "Parquet");
    if (merge) {
      return ParquetSchemaMerge.merge(sorted);
    }
    Path first = sorted.get(0);
    MessageType fileSchema = ParquetFileFooters.read(first).getFileMetaData().getSchema();
    return ParquetSchemas.toSpark(fileSchema, first);
  }

  @Override
  public TableSource open(List<Path> files, StructType dataSchema, Map<String, String> options, List<String> userPaths) {
    return new ParquetTableSource(files, dataSchema, userPaths, List.of(), List.of());
  }

  @Override
  public BatchFileWriterFactory writer(StructType schema, Map<String, String> options, WriteSettings settings) {
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(options, "options is null");
    Objects.requireNonNull(settings, "settings is null");
    // Unsupported column types and codecs fail here, before any task starts, as in Spark's analysis.
    ParquetWriterFactory.checkSchema(schema);
    ParquetWriteOptions sessionDefaults = new ParquetWriteOptions(settings.parquetCompression(),
        ParquetWriteOptions.DEFAULT_ROW_GROUP_SIZE_BYTES, settings.parquetTimestamps());
    return new ParquetWriterFactory(ParquetWriteOptions.parse(options, sessionDefaults));
  }
}
