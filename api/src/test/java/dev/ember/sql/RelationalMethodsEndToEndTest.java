package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.grouping;
import static dev.ember.sql.functions.grouping_id;
import static dev.ember.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.storage.StorageLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** offset, sampling, caching, rollup/cube, pivot and the multiset set operations on several workers. */
class RelationalMethodsEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @TempDir
  Path directory;

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  private SparkSession session() {
    return sessions.start("local[4]", Map.of("spark.ember.files.splitBytes", "64"));
  }

  /** Rows {@code (id % 3, id)} for ids {@code 0} to {@code rows - 1}, read in many small morsels. */
  private Dataset<Row> numbers(SparkSession spark, String name, long rows) throws IOException {
    StringBuilder csv = new StringBuilder("k,v\n");
    for (long id = 0; id < rows; id++) {
      csv.append(id % 3).append(',').append(id).append('\n');
    }
    Path file = directory.resolve(name + ".csv");
    Files.writeString(file, csv);
    return spark.read().option("header", "true").schema("k BIGINT, v BIGINT").csv(file.toString());
  }

  private static List<Long> longs(Dataset<Row> rows, int column) {
    List<Long> values = new ArrayList<>();
    rows.collectAsList().forEach(row -> values.add(row.isNullAt(column) ? null : row.getLong(column)));
    return values;
  }

  @Test
  void offsetSkipsTheFirstRowsInFileOrderAcrossMorsels() throws IOException {
    SparkSession spark = session();
    assertEquals(List.of(95L, 96L, 97L, 98L, 99L), longs(numbers(spark, "n", 100).offset(95), 1));
    assertEquals(List.of(3L, 4L), longs(numbers(spark, "n", 100).offset(3).limit(2), 1));
    AnalysisException negative = assertThrows(AnalysisException.class, () -> spark.range(3).offset(-1));
    assertEquals("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE", negative.getCondition());
  }

  @Test
  void tailAndALocalIteratorClosedEarlyReleaseTheirMemory() throws Exception {
    SparkSession spark = session();
    Row[] last = (Row[]) numbers(spark, "n", 50).tail(2);
    assertEquals(2, last.length);
    assertEquals(49L, last[1].getLong(1));
    Iterator<Row> rows = numbers(spark, "n", 50).toLocalIterator();
    assertEquals(0L, rows.next().getLong(1));
    ((AutoCloseable) rows).close();
    assertFalse(rows.hasNext());
    long count = 0;
    for (Iterator<Row> all = numbers(spark, "n", 50).toLocalIterator(); all.hasNext(); all.next()) {
      count++;
    }
    assertEquals(50, count);
  }

  @Test
  void intersectAllAndExceptAllCountEachRow() throws IOException {
    SparkSession spark = session();
    Dataset<Row> keys = numbers(spark, "n", 10).select("k");          // 0 x4, 1 x3, 2 x3
    Dataset<Row> fewer = numbers(spark, "m", 4).select("k");          // 0 x2, 1, 2
    assertEquals(List.of(0L, 0L, 1L, 2L), longs(keys.intersectAll(fewer).orderBy("k"), 0));
    assertEquals(List.of(0L, 0L, 1L, 1L, 2L, 2L), longs(keys.exceptAll(fewer).orderBy("k"), 0));
    assertEquals(0, fewer.exceptAll(keys).count());
  }

  @Test
  void seededSamplesHonourTheFractionAndRepeat() {
    SparkSession spark = session();
    Dataset<Row> rows = spark.range(100_000);
    long sampled = rows.sample(0.3, 5).count();
    assertTrue(sampled > 28_500 && sampled < 31_500, "sampled " + sampled);
    assertEquals(longs(spark.range(1000).sample(0.1, 9), 0), longs(spark.range(1000).sample(0.1, 9), 0));
    long withReplacement = rows.sample(true, 2.0, 5).count();
    assertTrue(withReplacement > 195_000 && withReplacement < 205_000, "sampled " + withReplacement);
    assertThrows(IllegalArgumentException.class, () -> rows.sample(1.5, 1));
  }

  @Test
  void randomSplitsPartitionTheRows() {
    SparkSession spark = session();
    Dataset<Row>[] splits = spark.range(10_000).randomSplit(new double[] {1, 3}, 17);
    Set<Long> seen = new HashSet<>();
    long total = 0;
    for (Dataset<Row> split : splits) {
      List<Long> ids = longs(split, 0);
      total += ids.size();
      seen.addAll(ids);
    }
    assertEquals(10_000, total);
    assertEquals(10_000, seen.size());
    long first = splits[0].count();
    assertTrue(first > 2_300 && first < 2_700, "first split " + first);
  }

  @Test
  void aCachedDatasetIsReadFromMemoryUntilUnpersisted() throws IOException {
    SparkSession spark = session();
    Dataset<Row> data = numbers(spark, "cached", 30);
    assertEquals(StorageLevel.NONE(), data.storageLevel());
    data.persist(StorageLevel.MEMORY_ONLY());
    assertEquals(StorageLevel.MEMORY_ONLY(), data.storageLevel());
    assertEquals(30, data.count());
    // Without the file, the cached Dataset and those built on it still read the cached batches.
    Files.delete(directory.resolve("cached.csv"));
    assertEquals(30, data.count());
    assertEquals(30, data.collectAsList().size());
    assertEquals(10, data.filter(col("k").equalTo(0)).count());
    assertTrue(explain(data.filter(col("k").equalTo(0))).contains("InMemoryTableScan"), explain(data));
    data.unpersist();
    assertEquals(StorageLevel.NONE(), data.storageLevel());
    assertFalse(explain(data).contains("InMemoryTableScan"));
    assertThrows(RuntimeException.class, data::count);
    // A cache still held when the session stops is freed by it (stopAll fails on a leak).
    Dataset<Row> other = numbers(spark, "other", 12).cache();
    assertEquals(12, other.collectAsList().size());
  }

  private static String explain(Dataset<Row> dataset) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      dataset.explain();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rollupAddsSubtotalsWithGroupingIds() throws IOException {
    SparkSession spark = session();
    Dataset<Row> result = numbers(spark, "n", 9).rollup("k")
        .agg(sum("v"), grouping("k"), grouping_id()).orderBy(col("k").asc_nulls_last());
    assertEquals("[[0,9,0,0], [1,12,0,0], [2,15,0,0], [null,36,1,1]]", result.collectAsList().toString());
    assertEquals("grouping(k)", result.columns()[2]);
    assertEquals("grouping_id()", result.columns()[3]);
    AnalysisException plain = assertThrows(AnalysisException.class,
        () -> numbers(spark, "n", 9).groupBy("k").agg(grouping("k")));
    assertEquals("UNSUPPORTED_GROUPING_EXPRESSION", plain.getCondition());
  }

  @Test
  void cubeGroupsByEverySubset() throws IOException {
    SparkSession spark = session();
    Dataset<Row> data = numbers(spark, "n", 6).withColumn("odd", col("v").mod(2));
    assertEquals(3 + 2 + 6 + 1, data.cube("k", "odd").count().count());
  }

  @Test
  void pivotMakesAColumnPerValue() throws IOException {
    SparkSession spark = session();
    Dataset<Row> pivoted = numbers(spark, "n", 6).withColumn("odd", col("v").mod(2))
        .groupBy("odd").pivot("k").sum("v").orderBy("odd");
    assertEquals(List.of("odd", "0", "1", "2"), List.of(pivoted.columns()));
    assertEquals("[[0,0,4,2], [1,3,1,5]]", pivoted.collectAsList().toString());
  }
}
