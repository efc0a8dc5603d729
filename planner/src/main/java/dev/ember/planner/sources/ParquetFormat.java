package dev.ember.planner.sources;

import dev.ember.runtime.io.BatchFileWriterFactory;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;

/** Parquet files: reading through {@link ParquetTableSource}; writing is not done yet. */
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
    throw new AnalysisException("EMBER_NOT_YET_SUPPORTED", Map.of("feature", "writing Parquet"),
        "Ember does not support writing Parquet yet. SQLSTATE: 0A000");
  }
}
