package dev.ember.planner.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.DataTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionedTableSourceTest {
  private static final MessageType TYPE = MessageTypeParser.parseMessageType("message m { required int64 id; }");
  private static final ScanSettings SETTINGS = new ScanSettings(ZoneId.of("UTC"), 1 << 20);

  @TempDir Path directory;
  private final BufferAllocator allocator = Allocators.newRoot();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private void parquet(String relative, long... ids) throws IOException {
    Path file = directory.resolve(relative);
    Files.createDirectories(file.getParent());
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(TYPE).build()) {
      for (long id : ids) {
        writer.write(new SimpleGroupFactory(TYPE).newGroup().append("id", id));
      }
    }
  }

  /** year=2023 and year=2024 hold data; year=2025 holds a file that is not Parquet at all. */
  private PartitionedTableSource table() throws IOException {
    parquet("t/year=2023/part-0.parquet", 1, 2);
    parquet("t/year=2024/part-0.parquet", 3);
    Files.createDirectories(directory.resolve("t/year=2025"));
    Files.writeString(directory.resolve("t/year=2025/part-0.parquet"), "corrupt: not a Parquet file");
    return (PartitionedTableSource) DataSourceFormats.lookup("parquet")
        .read(List.of(directory.resolve("t").toString()), Map.of(), null);
  }

  private static AttributeReference year() {
    return new AttributeReference("year", DataTypes.IntegerType, true, 2);
  }

  private List<String> rows(TableSource table, int... columns) {
    List<String> rows = new ArrayList<>();
    try (BatchSource source = table.createBatchSource(columns, SETTINGS)) {
      for (Morsel morsel : source.morsels()) {
        try (BatchStream stream = source.open(morsel, allocator)) {
          for (ColumnBatch next = stream.next(); next != null; next = stream.next()) {
            try (ColumnBatch batch = next) {
              for (int row = 0; row < batch.rowCount(); row++) {
                List<Object> values = new ArrayList<>();
                for (int column = 0; column < batch.columnCount(); column++) {
                  values.add(batch.vector(column).getObject(row));
                }
                rows.add(values.toString());
              }
            }
          }
        }
      }
    }
    rows.sort(null);
    return rows;
  }

  @Test
  void partitionColumnsFollowTheDataColumns() throws IOException {
    PartitionedTableSource table = table();
    assertEquals("struct<id:bigint,year:int>", table.schema().simpleString());
    assertEquals(3, table.selectedFiles().size());
  }

  @Test
  void aPartitionFilterSkipsDirectoriesSoTheirFilesAreNeverOpened() throws IOException {
    PartitionedTableSource table = table();
    Expression before2025 = new Comparison(ComparisonOperator.LESS_THAN, year(), Literal.fromJava(2025));
    TableSource pruned = table.withPushedFilters(List.of(before2025));
    assertEquals(List.of(before2025), pruned.partitionFilters());
    assertEquals(List.of(), pruned.pushedFilters());
    assertTrue(pruned.describe().contains("Files: 2"), pruned.describe());
    assertTrue(pruned.describe().endsWith("Partitions: 2 of 3"), pruned.describe());
    assertEquals(List.of("[1, 2023]", "[2, 2023]", "[3, 2024]"), rows(pruned, 0, 1));
    assertSame(pruned, pruned.withPushedFilters(List.of(before2025)), "the same filters change nothing");
    // Unpruned, the corrupt file is opened, which shows that pruning is what kept it closed above.
    assertThrows(RuntimeException.class, () -> rows(table, 0, 1));
  }

  @Test
  void expressionsOverPartitionColumnsPruneAndOnlyPartitionColumnsCountRows() throws IOException {
    Expression nextYearIs2024 = new Comparison(ComparisonOperator.EQUAL_TO,
        new BinaryArithmetic(ArithmeticOperator.ADD, year(), Literal.fromJava(1)),
        Literal.fromJava(2024));
    TableSource pruned = table().withPushedFilters(List.of(nextYearIs2024));
    assertEquals(List.of("[2023]", "[2023]"), rows(pruned, 1), "two rows, though only the partition column is read");
  }

  @Test
  void filtersOnDataColumnsGoToTheFormatsSource() throws IOException {
    AttributeReference id = new AttributeReference("id", DataTypes.LongType, true, 1);
    Expression small = new Comparison(ComparisonOperator.LESS_THAN, id, Literal.fromJava(2L));
    Expression mixed = new Comparison(ComparisonOperator.LESS_THAN, id, year());
    TableSource pushed = table().withPushedFilters(List.of(small, mixed));
    assertEquals(List.of(small), pushed.pushedFilters());
    assertEquals(List.of(), pushed.partitionFilters());
  }
}
