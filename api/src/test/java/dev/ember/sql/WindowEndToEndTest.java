package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lag;
import static dev.ember.sql.functions.row_number;
import static dev.ember.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.sql.expressions.Window;
import dev.ember.sql.expressions.WindowSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Window functions through the public API on several workers and many morsels, and in SQL text. */
class WindowEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  @TempDir
  Path directory;

  /** Rows {@code (id % 3, id)}, read in many small morsels by four workers. */
  private Dataset<Row> numbers(int count) throws IOException {
    SparkSession spark = sessions.start("local[4]", Map.of("spark.ember.files.splitBytes", "64"));
    StringBuilder csv = new StringBuilder("k,v\n");
    for (long id = 0; id < count; id++) {
      csv.append(id % 3).append(',').append(id).append('\n');
    }
    Path file = directory.resolve("numbers.csv");
    Files.writeString(file, csv);
    return spark.read().option("header", "true").schema("k BIGINT, v BIGINT").csv(file.toString());
  }

  @Test
  void rowNumbersRunningSumsAndLagPerPartitionOnSeveralWorkers() throws IOException {
    WindowSpec byK = Window.partitionBy("k").orderBy(col("v").desc());
    List<Row> rows = numbers(300)
        .select(col("k"), col("v"), row_number().over(byK).as("rn"), sum("v").over(byK).as("running"),
            lag("v", 1).over(byK).as("previous"))
        .orderBy("v").collectAsList();
    assertEquals(300, rows.size());
    for (Row row : rows) {
      long v = row.getLong(1);
      // In partition k the values above v are v + 3, v + 6, ... up to the largest below 300.
      long largest = 299 - (299 - row.getLong(0)) % 3;
      long above = (largest - v) / 3;
      assertEquals((int) above + 1, row.getInt(2), row.toString());
      long running = 0;
      for (long w = v; w < 300; w += 3) {
        running += w;
      }
      assertEquals(running, row.getLong(3), row.toString());
      assertEquals(above == 0 ? null : v + 3, row.isNullAt(4) ? null : row.getLong(4), row.toString());
    }
  }

  @Test
  void explainShowsTheWindowNodeAndSqlTextTakesOverClauses() throws IOException {
    Dataset<Row> numbered = numbers(10).selectExpr("k", "v",
        "row_number() OVER (PARTITION BY k ORDER BY v DESC)",
        "sum(v) OVER (PARTITION BY k ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS pair");
    assertEquals(List.of("k", "v",
            "row_number() OVER (PARTITION BY k ORDER BY v DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND"
                + " CURRENT ROW)", "pair"),
        List.of(numbered.columns()));
    String plan = numbered.queryExecution().explainString("simple");
    assertTrue(plan.contains("Window [row_number() windowspecdefinition(k#"), plan);
    List<Row> rows = numbered.orderBy("v").collectAsList();
    assertEquals(RowFactory.create(0L, 0L, 4, 0L), rows.get(0));
    assertEquals(RowFactory.create(0L, 3L, 3, 3L), rows.get(3));
    assertEquals(RowFactory.create(0L, 9L, 1, 15L), rows.get(9));
  }
}
