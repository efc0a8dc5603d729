package dev.ember.planner.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void nestedColumnsAreWritableToParquetButNotToCsv(@TempDir Path directory) throws java.io.IOException {
    Path csv = java.nio.file.Files.writeString(directory.resolve("x.csv"), "1\n");
    StructType nested = StructType.fromDDL("s STRUCT<x: INT>, m MAP<STRING, INT>");
    assertEquals(".snappy.parquet", DataSourceFormats.lookup("parquet").writer(nested, Map.of()).extension());
    // Spark 4.2's error, text included.
    AnalysisException error = assertThrows(AnalysisException.class,
        () -> DataSourceFormats.lookup("csv").writer(StructType.fromDDL("id INT, m MAP<STRING, INT>"), Map.of()));
    assertEquals("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", error.getCondition());
    assertEquals("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the column `m` of the"
        + " type \"MAP<STRING, INT>\". SQLSTATE: 0A000", error.getMessage());
    AnalysisException reading = assertThrows(AnalysisException.class, () -> DataSourceFormats.lookup("csv")
        .read(List.of(csv.toString()), Map.of(), StructType.fromDDL("a ARRAY<INT>")));
    assertEquals("[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the column `a` of the"
        + " type \"ARRAY<INT>\". SQLSTATE: 0A000", reading.getMessage());
  }

  @Test
  void readingAMissingPathIsSparksPathNotFound() {
    AnalysisException error = assertThrows(AnalysisException.class,
        () -> DataSourceFormats.lookup("parquet").read(List.of("/nonexistent/x.parquet"), Map.of(), null));
    assertEquals("PATH_NOT_FOUND", error.getCondition());
  }
}
