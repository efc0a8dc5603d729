package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partition discovery, pruning and explain through the public API. */
class PartitionedTablesEndToEndTest {
  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();
  private String table;

  /** The 2025 partition holds a file FAILFAST cannot parse: reading it at all fails the query. */
  @BeforeEach
  void writeTable() throws IOException {
    Path root = directory.resolve("t");
    write(root.resolve("year=2023/month=12/a.json"), "{\"id\":1}\n");
    write(root.resolve("year=2024/month=1/a.json"), "{\"id\":2}\n{\"id\":3}\n");
    write(root.resolve("year=2025/month=1/a.json"), "this is not json\n");
    table = root.toString();
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  private Dataset<Row> read(SparkSession spark) {
    return spark.read().schema("id INT").option("mode", "FAILFAST").json(table);
  }

  @Test
  void filesInPrunedPartitionsAreNeverRead() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> recent = read(spark).filter(col("year").lt(2025).and(col("id").gt(1)));
    assertEquals(List.of(RowFactory.create(2, 2024, 1), RowFactory.create(3, 2024, 1)),
        recent.orderBy("id").collectAsList());
    assertEquals(3L, read(spark).filter("year <= 2024").count());
    assertEquals(List.of(RowFactory.create(2023), RowFactory.create(2024), RowFactory.create(2024)),
        read(spark).filter("year != 2025").select("year").orderBy("year").collectAsList());
    dev.ember.SparkException unpruned = org.junit.jupiter.api.Assertions.assertThrows(dev.ember.SparkException.class,
        () -> read(spark).collectAsList());
    assertTrue(unpruned.getMessage().contains("year=2025"), unpruned.getMessage());
  }

  @Test
  void explainShowsPartitionFiltersBesidePushedFilters() {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> query = read(spark).filter("year = 2024 AND month > 0 AND id > 1");
    String text = printed(query::explain);
    assertTrue(text.matches("(?s).*FileScan json \\[id#\\d+,year#\\d+,month#\\d+\\], "
        + "PartitionFilters: \\[\\(year#\\d+ = 2024\\), \\(month#\\d+ > 0\\)\\], Location: .*"), text);
    assertTrue(text.contains("Files: 1, ReadSchema: struct<id:int>, PartitionSchema: struct<year:int,month:int>,"
        + " Partitions: 1 of 3"), text);
  }

  private static String printed(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      action.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
