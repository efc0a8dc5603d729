package dev.ember.sql;

import static dev.ember.sql.functions.broadcast;
import static dev.ember.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joins through the public API: every join type, keys with nulls and duplicates, aliases and errors. */
class JoinEndToEndTest {
  @TempDir Path directory;
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stop() {
    sessions.stopAll();
  }

  private Dataset<Row> left(SparkSession spark) throws Exception {
    return csv(spark, "left.csv", "id,v\n1,a\n2,b\n,n\n2,bb\n");
  }

  private Dataset<Row> right(SparkSession spark) throws Exception {
    return csv(spark, "right.csv", "id,w\n1,10\n2,20\n3,30\n,99\n");
  }

  private Dataset<Row> csv(SparkSession spark, String name, String content) throws Exception {
    return spark.read().option("header", "true").option("inferSchema", "true")
        .csv(SessionsUnderTest.write(directory.resolve(name), content));
  }

  private static List<String> rows(Dataset<Row> result) {
    return result.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void everyJoinTypeOnAColumnCondition() throws Exception {
    for (String master : List.of("local[1]", "local[3]")) {
      for (boolean codegen : List.of(true, false)) {
        SparkSession spark = sessions.start(master, Map.of("spark.sql.codegen.wholeStage", Boolean.toString(codegen)));
        Dataset<Row> l = left(spark);
        Dataset<Row> r = right(spark);
        Column on = l.col("id").equalTo(r.col("id"));
        assertEquals(List.of("[1,a,1,10]", "[2,b,2,20]", "[2,bb,2,20]"), rows(l.join(r, on)));
        assertEquals(List.of("[1,a,1,10]", "[2,b,2,20]", "[2,bb,2,20]", "[null,n,null,null]"),
            rows(l.join(r, on, "left")));
        assertEquals(List.of("[1,a,1,10]", "[2,b,2,20]", "[2,bb,2,20]", "[null,null,3,30]", "[null,null,null,99]"),
            rows(l.join(r, on, "right_outer")));
        assertEquals(List.of("[1,a,1,10]", "[2,b,2,20]", "[2,bb,2,20]", "[null,n,null,null]", "[null,null,3,30]",
            "[null,null,null,99]"), rows(l.join(r, on, "full")));
        assertEquals(List.of("[1,a]", "[2,b]", "[2,bb]"), rows(l.join(r, on, "semi")));
        assertEquals(List.of("[null,n]"), rows(l.join(r, on, "anti")));
        assertEquals(16, l.crossJoin(r).count());
        assertEquals(List.of("[1,a,1,10]", "[2,b,2,20]", "[2,bb,2,20]", "[null,n,null,99]"),
            rows(l.join(r, l.col("id").eqNullSafe(r.col("id")))));
        sessions.stopAll();
      }
    }
  }

  @Test
  void semiAndAntiJoinsGiveTheSameRowsWhicheverSideBuilds() throws Exception {
    for (boolean codegen : List.of(true, false)) {
      SparkSession spark = sessions.start("local[3]", Map.of("spark.sql.codegen.wholeStage", Boolean.toString(codegen)));
      Dataset<Row> l = left(spark);
      Dataset<Row> r = right(spark);
      Column on = l.col("id").equalTo(r.col("id"));
      Column onAndBelow15 = on.and(r.col("w").lt(15));
      Column nullSafe = l.col("id").eqNullSafe(r.col("id"));
      // The hint makes its side the smaller one, so the left side builds in the first column of cases
      // (the build rows that match are marked) and the right side in the second.
      for (Dataset<Row> hintedLeft : List.of(broadcast(l), l)) {
        Dataset<Row> hintedRight = hintedLeft == l ? broadcast(r) : r;
        String what = hintedLeft == l ? "right builds" : "left builds";
        assertTrue(hintedLeft.join(hintedRight, on, "semi").queryExecution().explainString("simple")
            .contains(hintedLeft == l ? "BuildRight" : "BuildLeft"), what);
        assertEquals(List.of("[1,a]", "[2,b]", "[2,bb]"), rows(hintedLeft.join(hintedRight, on, "semi")), what);
        assertEquals(List.of("[null,n]"), rows(hintedLeft.join(hintedRight, on, "anti")), what);
        assertEquals(List.of("[1,a]"), rows(hintedLeft.join(hintedRight, onAndBelow15, "semi")), what);
        assertEquals(List.of("[2,b]", "[2,bb]", "[null,n]"), rows(hintedLeft.join(hintedRight, onAndBelow15, "anti")),
            what);
        assertEquals(List.of("[1,a]", "[2,b]", "[2,bb]", "[null,n]"),
            rows(hintedLeft.join(hintedRight, nullSafe, "semi")), what);
        assertEquals(List.of(), rows(hintedLeft.join(hintedRight, nullSafe, "anti")), what);
        assertEquals(List.of(), rows(hintedLeft.join(hintedRight.filter(r.col("w").gt(1000)), on, "semi")), what);
        assertEquals(List.of("[1,a]", "[2,b]", "[2,bb]", "[null,n]"),
            rows(hintedLeft.join(hintedRight.filter(r.col("w").gt(1000)), on, "anti")), what);
      }
      sessions.stopAll();
    }
  }

  @Test
  void usingColumnsKeepTheKeyOnce() throws Exception {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> l = left(spark);
    Dataset<Row> r = right(spark);
    Dataset<Row> inner = l.join(r, "id");
    assertEquals(List.of("id", "v", "w"), List.of(inner.columns()));
    assertEquals(List.of("[1,a,10]", "[2,b,20]", "[2,bb,20]"), rows(inner));
    assertEquals(List.of("[1,a,10]", "[2,b,20]", "[2,bb,20]", "[3,null,30]", "[null,null,99]"),
        rows(l.join(r, new String[] {"id"}, "right")));
    AnalysisException missing = assertThrows(AnalysisException.class, () -> l.join(r, "v"));
    assertEquals("UNRESOLVED_USING_COLUMN_FOR_JOIN", missing.getCondition());
  }

  @Test
  void selfJoinThroughAliases() throws Exception {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> l = left(spark);
    Dataset<Row> joined = l.as("x").join(l.as("y"), col("x.id").equalTo(col("y.id")));
    assertEquals(List.of("[1,a]", "[2,b]", "[2,b]", "[2,bb]", "[2,bb]"), rows(joined.select("x.id", "y.v")));
    assertEquals(List.of("[1,a,1,a]", "[2,b,2,b]", "[2,b,2,bb]", "[2,bb,2,b]", "[2,bb,2,bb]"),
        rows(l.join(l, l.col("id").equalTo(l.col("id")))));
    AnalysisException ambiguous = assertThrows(AnalysisException.class, () -> joined.select("id"));
    assertEquals("AMBIGUOUS_REFERENCE", ambiguous.getCondition());
    assertEquals("[`x`.`id`, `y`.`id`]", ambiguous.getMessageParameters().get("referenceNames"));
    AnalysisException selfJoin = assertThrows(AnalysisException.class,
        () -> l.join(l, l.col("id").gt(l.col("id"))));
    assertEquals("_LEGACY_ERROR_TEMP_1182", selfJoin.getCondition());
  }

  @Test
  void unknownJoinTypeFailsLikeSpark() throws Exception {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> l = left(spark);
    AnalysisException error = assertThrows(AnalysisException.class, () -> l.join(l, new String[] {"id"}, "foo"));
    assertEquals("UNSUPPORTED_JOIN_TYPE", error.getCondition());
    assertTrue(error.getMessage().startsWith("[UNSUPPORTED_JOIN_TYPE] Unsupported join type 'foo'."),
        error.getMessage());
  }

  @Test
  void aJoinOverTheMemoryLimitFailsNamingTheJoin() {
    SparkSession spark = sessions.start("local[2]", Map.of("spark.ember.memory.limit", Long.toString(8L << 20)));
    Dataset<Row> left = spark.range(0, 3_000_000);
    Dataset<Row> right = spark.range(0, 3_000_000);
    dev.ember.SparkException error = assertThrows(dev.ember.SparkException.class,
        () -> left.join(right, left.col("id").equalTo(right.col("id"))).count());
    assertEquals("UNABLE_TO_ACQUIRE_MEMORY", error.getCondition());
    assertTrue(error.getMessage().contains("HashJoin"), error.getMessage());
  }

  @Test
  void explainShowsTheJoinOperators() throws Exception {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> l = left(spark);
    Dataset<Row> r = right(spark);
    String plan = l.join(r, l.col("id").equalTo(r.col("id")).and(l.col("v").notEqual("x")), "left")
        .queryExecution().explainString("simple");
    assertTrue(plan.contains("HashJoin [id#"), plan);
    assertTrue(plan.contains("LeftOuter, BuildRight, NOT (v#"), plan);
    String loop = l.crossJoin(r).queryExecution().explainString("simple");
    assertTrue(loop.contains("NestedLoopJoin Build"), loop);
  }
}
