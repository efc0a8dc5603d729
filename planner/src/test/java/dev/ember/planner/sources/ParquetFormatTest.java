package dev.ember.planner.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParquetFormatTest {
  private static final StructType SCHEMA = new StructType().add("id", DataTypes.LongType);

  @Test
  void registeredUnderSparksNameCaseInsensitively() {
    assertTrue(DataSourceFormats.lookup("Parquet") instanceof ParquetFormat);
    assertEquals("parquet", DataSourceFormats.lookup("parquet").shortName());
  }

  @Test
  void writerUsesSnappyByDefaultAndTheCompressionOption() {
    DataSourceFormat parquet = DataSourceFormats.lookup("parquet");
    assertEquals(".snappy.parquet", parquet.writer(SCHEMA, Map.of()).extension());
    assertEquals(".zstd.parquet", parquet.writer(SCHEMA, Map.of("compression", "zstd")).extension());
    assertEquals(".parquet", parquet.writer(SCHEMA, Map.of("compression", "none")).extension());
  }

  @Test
  void unsupportedColumnTypeFailsWhenTheWriterIsCreated() {
    StructType nested = new StructType().add("s", new StructType().add("x", DataTypes.IntegerType));
    AnalysisException error = assertThrows(AnalysisException.class,
        () -> DataSourceFormats.lookup("parquet").writer(nested, Map.of()));
    assertEquals("EMBER_NOT_YET_SUPPORTED", error.getCondition());
  }

  @Test
  void readingAMissingPathIsSparksPathNotFound() {
    AnalysisException error = assertThrows(AnalysisException.class,
        () -> DataSourceFormats.lookup("parquet").read(List.of("/nonexistent/x.parquet"), Map.of(), null));
    assertEquals("PATH_NOT_FOUND", error.getCondition());
  }
}
