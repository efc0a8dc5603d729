package dev.ember.planner.sources;

import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.runtime.io.parquet.ParquetWriterFactory;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Parquet files: Spark 4.2's file layout, types and metadata, codec from the {@code compression} option. */
final class ParquetFormat implements DataSourceFormat {
  @Override
  public String shortName() {
    return "parquet";
  }

  @Override
  public TableSource read(List<String> paths, Map<String, String> options, StructType userSchema) {
    return ParquetTableSource.open(paths, options, userSchema);
  }

  @Override
  public BatchFileWriterFactory writer(StructType schema, Map<String, String> options) {
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(options, "options is null");
    // Unsupported column types and codecs fail here, before any task starts, as in Spark's analysis.
    ParquetWriterFactory.checkSchema(schema);
    return ParquetWriterFactory.fromOptions(options);
  }
}
