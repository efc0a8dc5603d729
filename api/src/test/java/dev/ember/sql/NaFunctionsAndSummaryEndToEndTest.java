package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** df.na() and summary(), with the results Spark 4.2.0 gives for the same rows. */
class NaFunctionsAndSummaryEndToEndTest {
  @TempDir Path directory;
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stop() {
    sessions.stopAll();
  }

  /** x INT, s STRING, d DOUBLE: (1, a, 1.5), (2, null, null), (null, c, NaN), (4, d, 4.0). */
  private Dataset<Row> rows() throws Exception {
    SparkSession spark = sessions.start("local[1]");
    String path = SessionsUnderTest.write(directory.resolve("t.csv"), "x,s,d\n1,a,1.5\n2,,\n,c,NaN\n4,d,4.0\n");
    return spark.read().option("header", "true").schema("x INT, s STRING, d DOUBLE").csv(path);
  }

  private static List<String> text(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void dropCountsNaNAsMissing() throws Exception {
    Dataset<Row> rows = rows();
    assertEquals(List.of("[1,a,1.5]", "[4,d,4.0]"), text(rows.na().drop()));
    assertEquals(4, rows.na().drop("all").count());
    assertEquals(List.of("[1,a,1.5]", "[4,d,4.0]"), text(rows.na().drop(2)));
    assertEquals(List.of("[1,a,1.5]", "[4,d,4.0]"), text(rows.na().drop(new String[] {"d"})));
    assertThrows(IllegalArgumentException.class, () -> rows.na().drop("some"));
  }

  @Test
  void fillGoesToColumnsOfItsKindCastToTheirType() throws Exception {
    Dataset<Row> rows = rows();
    Dataset<Row> zero = rows.na().fill(0);
    assertEquals(List.of("[1,a,1.5]", "[2,null,0.0]", "[0,c,0.0]", "[4,d,4.0]"), text(zero));
    assertFalse(zero.schema().fields()[0].nullable());
    assertTrue(zero.schema().fields()[1].nullable());
    assertEquals(List.of("[1,a,1.5]", "[2,null,0.5]", "[0,c,0.5]", "[4,d,4.0]"), text(rows.na().fill(0.5)));
    assertEquals(List.of("[1,a,1.5]", "[2,z,null]", "[null,c,NaN]", "[4,d,4.0]"), text(rows.na().fill("z")));
    assertEquals(List.of("[1,a,1.5]", "[2,null,null]", "[9,c,NaN]", "[4,d,4.0]"),
        text(rows.na().fill(9, new String[] {"x", "s"})));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("x", 5);
    values.put("s", "q");
    values.put("d", 2.5);
    assertEquals(List.of("[1,a,1.5]", "[2,q,2.5]", "[5,c,2.5]", "[4,d,4.0]"), text(rows.na().fill(values)));
  }

  @Test
  void replaceComparesKeysWithTheColumnAndCastsValues() throws Exception {
    Dataset<Row> rows = rows();
    Map<Integer, Integer> numbers = new LinkedHashMap<>();
    numbers.put(1, 10);
    numbers.put(4, 40);
    assertEquals(List.of("[10,a,1.5]", "[2,null,null]", "[null,c,NaN]", "[40,d,4.0]"),
        text(rows.na().replace("x", numbers)));
    Map<String, String> letters = new LinkedHashMap<>();
    letters.put("a", "AA");
    letters.put("c", null);
    assertEquals(List.of("[1,AA,1.5]", "[2,null,null]", "[null,null,NaN]", "[4,d,4.0]"),
        text(rows.na().replace(new String[] {"s"}, letters)));
  }

  @Test
  void summaryFormatsStatisticsAsSpark() throws Exception {
    Dataset<Row> summary = rows().summary();
    assertEquals(List.of("summary", "x", "s", "d"), Arrays.asList(summary.columns()));
    assertEquals(List.of(
        "[count,3,3,3]",
        "[mean,2.3333333333333335,null,NaN]",
        "[stddev,1.5275252316519465,null,NaN]",
        "[min,1,a,1.5]",
        "[25%,1,null,1.5]",
        "[50%,2,null,4.0]",
        "[75%,4,null,NaN]",
        "[max,4,d,NaN]"), text(summary));
    assertEquals(List.of("[count_distinct,3,3,3]", "[approx_count_distinct,3,3,3]"),
        text(rows().summary("count_distinct", "approx_count_distinct")));
    assertThrows(IllegalArgumentException.class, () -> rows().summary("median"));
  }
}
