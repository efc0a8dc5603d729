package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.max;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sorts that spill to disk, top-N in plans, redundant sorts, and operators over the memory limit. */
class SortAndMemoryEndToEndTest {
  @TempDir Path spillDirectory;
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stop() {
    sessions.stopAll();
  }

  /** 200,000 rows whose key repeats (ties keep id order) and is not in id order. */
  private static Dataset<Row> shuffled(SparkSession spark) {
    Dataset<Row> ids = spark.range(0, 200_000);
    return ids.select(col("id"), col("id").multiply(7919).mod(1009).alias("k"));
  }

  private static List<Row> sortedRows(SparkSession spark) {
    return shuffled(spark).orderBy(col("k").desc(), col("id")).collectAsList();
  }

  private boolean spillDirectoryIsEmpty() throws IOException {
    try (Stream<Path> entries = Files.list(spillDirectory)) {
      return entries.findAny().isEmpty();
    }
  }

  @Test
  void aSortOverItsBudgetSpillsAndGivesTheInMemoryOrder() throws IOException {
    List<Row> inMemory = sortedRows(sessions.start("local[2]"));
    SparkSession spilling = sessions.start("local[2]", Map.of(
        "spark.ember.memory.sortBudget", "256k", "spark.local.dir", spillDirectory.toString()));
    List<Row> spilled = sortedRows(spilling);
    assertEquals(200_000, spilled.size());
    assertEquals(inMemory, spilled);
    assertTrue(spillDirectoryIsEmpty(), "spill files must be deleted after the query");
  }

  @Test
  void theSortBudgetDecidesWhetherTheSortTouchesTheDisk() throws IOException {
    // A file where the spill directory should be: only a sort that spills can fail on it.
    Path notADirectory = Files.writeString(spillDirectory.resolve("file"), "x");
    SparkSession spark = sessions.start("local[1]", Map.of("spark.local.dir", notADirectory.toString()));
    assertEquals(200_000, sortedRows(spark).size());
    spark.conf().set("spark.ember.memory.sortBudget", "64k");
    RuntimeException error = assertThrows(RuntimeException.class, () -> sortedRows(spark));
    assertTrue(error.getMessage().contains("cannot create a directory for sort spill files in " + notADirectory
        + "; set spark.local.dir to a writable directory"), error.getMessage());
  }

  @Test
  void aBadSortBudgetNamesTheSetting() {
    SparkSession spark = sessions.start("local[1]", Map.of("spark.ember.memory.sortBudget", "lots"));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> spark.range(3).count());
    assertTrue(error.getMessage().contains("The value 'lots' in the config \"spark.ember.memory.sortBudget\" is invalid"),
        error.getMessage());
  }

  @Test
  void orderByWithLimitRunsAsATopNAndRedundantSortsLeaveThePlan() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> topN = shuffled(spark).orderBy(col("k").desc(), col("id")).limit(3);
    String plan = topN.queryExecution().explainString("simple");
    assertTrue(plan.contains("TakeOrderedAndProject(limit=3, orderBy=[k#"), plan);
    assertTrue(!plan.contains("Sort ["), plan);
    assertEquals(sortedRows(spark).subList(0, 3), topN.collectAsList());

    Dataset<Row> sortTwice = shuffled(spark).orderBy("id").orderBy(col("k").desc(), col("id"));
    String twice = sortTwice.queryExecution().explainString("simple");
    assertEquals(1, twice.split("Sort \\[", -1).length - 1, twice);
    assertEquals(sortedRows(spark), sortTwice.collectAsList());

    Dataset<Row> aggregated = shuffled(spark).orderBy("id").groupBy("k").agg(max("id"));
    String aggregatePlan = aggregated.queryExecution().explainString("simple");
    assertTrue(!aggregatePlan.contains("Sort ["), aggregatePlan);
  }

  @Test
  void anAggregateOverTheMemoryLimitFailsNamingTheAggregateAndTheSetting() {
    SparkSession spark = sessions.start("local[2]", Map.of("spark.ember.memory.limit", Long.toString(8L << 20)));
    dev.ember.SparkException error = assertThrows(dev.ember.SparkException.class,
        () -> spark.range(0, 3_000_000).groupBy(col("id")).count().count());
    assertEquals("UNABLE_TO_ACQUIRE_MEMORY", error.getCondition());
    assertTrue(error.getMessage().contains("The hash aggregate needs more memory than the query's limit of 8388608 bytes"),
        error.getMessage());
    assertTrue(error.getMessage().contains("raise spark.ember.memory.limit"), error.getMessage());
  }

  @Test
  void aJoinBuildOverTheMemoryLimitFailsNamingTheJoinAndTheSetting() {
    SparkSession spark = sessions.start("local[2]", Map.of("spark.ember.memory.limit", Long.toString(8L << 20)));
    Dataset<Row> left = spark.range(0, 3_000_000);
    Dataset<Row> right = spark.range(0, 3_000_000);
    dev.ember.SparkException error = assertThrows(dev.ember.SparkException.class,
        () -> left.join(right, left.col("id").equalTo(right.col("id"))).count());
    assertTrue(error.getMessage().contains("The hash join build side of HashJoin"), error.getMessage());
    assertTrue(error.getMessage().contains("raise spark.ember.memory.limit"), error.getMessage());
  }
}
