package dev.ember.planner.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.io.parquet.ColumnPredicate;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableSourceTest {
  private static final MessageType TYPE =
      MessageTypeParser.parseMessageType("message m { required int64 id; optional binary name (STRING); }");

  @TempDir Path directory;

  private void write(Path file, long... ids) throws IOException {
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(TYPE).build()) {
      SimpleGroupFactory groups = new SimpleGroupFactory(TYPE);
      for (long id : ids) {
        writer.write(groups.newGroup().append("id", id).append("name", "n" + id));
      }
    }
  }

  @Test
  void infersTheSchemaFromTheFooterSkippingHiddenFilesAndIsRegisteredAsParquet() throws IOException {
    write(directory.resolve("part-0.parquet"), 1, 2);
    write(directory.resolve("part-1.parquet"), 3);
    Files.writeString(directory.resolve("_SUCCESS"), "");
    Files.writeString(directory.resolve(".part-0.parquet.crc"), "not parquet");

    TableSource table = DataSourceFormats.lookup("Parquet").read(List.of(directory.toString()), Map.of(), null);

    assertEquals("struct<id:bigint,name:string>", table.schema().simpleString());
    assertTrue(table.schema().apply(0).nullable(), "file columns are nullable, as in Spark");
    assertEquals("parquet", table.formatName());
    assertTrue(table.describe().contains("Files: 2"), table.describe());
    try (BatchSource source = table.createBatchSource(new int[] {1}, new ScanSettings(ZoneId.of("UTC"), 1 << 20))) {
      assertEquals(2, source.morsels().size());
      assertEquals("struct<name:string>", source.schema().simpleString());
    }
  }

  @Test
  void aUserSchemaIsUsedAsGivenButNullable() throws IOException {
    write(directory.resolve("part-0.parquet"), 1);

    TableSource table = ParquetTableSource.open(List.of(directory.toString()), Map.of(),
        new StructType().add("name", "string", false));

    assertEquals("struct<name:string>", table.schema().simpleString());
    assertTrue(table.schema().apply(0).nullable());
  }

  @Test
  void pushedFiltersSkipRowGroupsAndShowInTheDescription() throws IOException {
    write(directory.resolve("low.parquet"), 1, 2, 3);
    write(directory.resolve("high.parquet"), 100, 200);
    ParquetTableSource table = (ParquetTableSource) ParquetTableSource.open(List.of(directory.toString()), Map.of(), null);

    ParquetTableSource filtered = table.withColumnPredicates(
        List.of(new ColumnPredicate(0, ColumnPredicate.Op.GREATER_THAN, 50L), ColumnPredicate.isNotNull(1)));

    assertTrue(filtered.describe().contains("RowGroupFilters: [id > 50, name IS NOT NULL]"), filtered.describe());
    try (BatchSource source = filtered.createBatchSource(new int[] {0}, new ScanSettings(ZoneId.of("UTC"), 1 << 20))) {
      assertEquals(1, source.morsels().size());
      assertTrue(source.morsels().get(0).describe().contains("high.parquet"), source.morsels().get(0).describe());
    }
    assertEquals(List.of(), table.columnPredicates());
  }

  @Test
  void anEmptyDirectoryCannotBeInferred() throws IOException {
    Path empty = Files.createDirectory(directory.resolve("empty"));

    AnalysisException error = assertThrows(AnalysisException.class,
        () -> ParquetTableSource.open(List.of(empty.toString()), Map.of(), null));

    assertEquals("UNABLE_TO_INFER_SCHEMA", error.getCondition());
  }

  @Test
  void mergeSchemaUnitesTheFilesColumnsInPathOrder() throws IOException {
    MessageType wider = MessageTypeParser.parseMessageType("message m { required int64 id; optional double score; }");
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(directory.resolve("a.parquet")))
        .withType(wider).build()) {
      writer.write(new SimpleGroupFactory(wider).newGroup().append("id", 1L).append("score", 0.5));
    }
    write(directory.resolve("b.parquet"), 2);

    TableSource merged = ParquetTableSource.open(List.of(directory.toString()), Map.of("mergeschema", "TRUE"), null);
    assertEquals("struct<id:bigint,score:double,name:string>", merged.schema().simpleString());
    TableSource firstFile = ParquetTableSource.open(List.of(directory.toString()), Map.of(), null);
    assertEquals("struct<id:bigint,score:double>", firstFile.schema().simpleString());
    TableSource bySetting = DataSourceFormats.lookup("parquet").read(List.of(directory.toString()), Map.of(), null,
        new ReadSettings(true, true, ZoneId.of("UTC")));
    assertEquals(merged.schema(), bySetting.schema());
  }

  @Test
  void theRegisteredFormatReadsThroughThisSource() throws IOException {
    write(directory.resolve("part-0.parquet"), 1, 2);

    TableSource table = DataSourceFormats.lookup("parquet").read(List.of(directory.toString()), Map.of(), null);

    assertTrue(table instanceof ParquetTableSource, table.getClass().getName());
    assertEquals("parquet", table.formatName());
  }
}
