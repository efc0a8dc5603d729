package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.runtime.operators.join.HashJoinBuildSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The join probe in generated code against the interpreted probe (the oracle): every join type, keys
 * of each type the probe handles, several key columns, {@code <=>}, nulls, duplicate keys, empty
 * build sides, residual conditions, several batches and two workers. Generated kernels run with raw
 * and with checked memory access; explain("codegen") must show the probe inside the pipeline.
 */
class GeneratedJoinProbeEndToEndTest {
  private static final List<String> JOIN_TYPES = List.of("inner", "left", "right", "full", "left_semi", "left_anti");

  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stop() {
    sessions.stopAll();
  }

  /** 3,000 probe rows (several batches) with keys of every type, some null, many duplicated. */
  private static Dataset<Row> probeSide(SparkSession spark) {
    return spark.range(0, 3000).select(
        col("id").as("p"),
        expr("CASE WHEN id % 17 = 0 THEN NULL ELSE id % 50 END").as("k"),
        expr("CASE WHEN id % 19 = 0 THEN NULL ELSE concat('s', CAST(id % 40 AS STRING)) END").as("s"),
        expr("CAST(id % 30 AS INT)").as("i"),
        expr("CAST(id % 25 AS DOUBLE) / 2").as("d"),
        expr("CAST(id % 20 AS DECIMAL(10, 2))").as("m"),
        expr("date_add(DATE'2024-01-01', CAST(id % 15 AS INT))").as("t"),
        expr("id % 3 = 0").as("b"));
  }

  /** 400 build rows: keys overlapping the probe side's partly, duplicates and nulls too. */
  private static Dataset<Row> buildSide(SparkSession spark, long rows) {
    return spark.range(0, rows).select(
        col("id").as("q"),
        expr("CASE WHEN id % 23 = 0 THEN NULL ELSE id % 70 END").as("k2"),
        expr("CASE WHEN id % 29 = 0 THEN NULL ELSE concat('s', CAST(id % 60 AS STRING)) END").as("s2"),
        expr("CAST(id % 45 AS INT)").as("i2"),
        expr("CAST(id % 35 AS DOUBLE) / 2").as("d2"),
        expr("CAST(id % 33 AS DECIMAL(10, 2))").as("m2"),
        expr("date_add(DATE'2024-01-03', CAST(id % 9 AS INT))").as("t2"),
        expr("id % 4 = 0").as("b2"));
  }

  private record Case(String name, BiFunction<Dataset<Row>, Dataset<Row>, Column> condition, long buildRows) {}

  private static List<Case> cases() {
    return List.of(
        new Case("long key", (l, r) -> l.col("k").equalTo(r.col("k2")), 400),
        new Case("string key", (l, r) -> l.col("s").equalTo(r.col("s2")), 400),
        new Case("int, double, decimal, date and boolean keys", (l, r) -> l.col("i").equalTo(r.col("i2"))
            .and(l.col("d").equalTo(r.col("d2"))).and(l.col("m").equalTo(r.col("m2")))
            .and(l.col("t").equalTo(r.col("t2"))).and(l.col("b").equalTo(r.col("b2"))), 400),
        new Case("null-safe keys", (l, r) -> l.col("k").eqNullSafe(r.col("k2")).and(l.col("s").eqNullSafe(r.col("s2"))),
            400),
        new Case("null-safe numeric keys", (l, r) -> l.col("k").eqNullSafe(r.col("k2"))
            .and(l.col("i").eqNullSafe(r.col("i2"))), 400),
        new Case("int key against long key", (l, r) -> l.col("i").equalTo(r.col("k2")), 400),
        new Case("residual condition", (l, r) -> l.col("k").equalTo(r.col("k2")).and(l.col("p").lt(r.col("q").multiply(7))),
            400),
        new Case("empty build side", (l, r) -> l.col("k").equalTo(r.col("k2")), 0));
  }

  private static List<String> rows(Dataset<Row> result) {
    List<String> rows = new ArrayList<>(result.collectAsList().stream().map(Row::toString).toList());
    rows.sort(null);
    return rows;
  }

  @Test
  void generatedProbeMatchesTheInterpretedProbe() {
    SparkSession spark = sessions.start("local[2]");
    for (Case joinCase : cases()) {
      for (String joinType : JOIN_TYPES) {
        String what = joinCase.name() + ", " + joinType;
        spark.conf().set("spark.sql.codegen.wholeStage", "false");
        List<String> expected = run(spark, joinCase, joinType, false, what);
        spark.conf().set("spark.sql.codegen.wholeStage", "true");
        spark.conf().set("spark.ember.codegen.checkedMemoryAccess", "false");
        assertEquals(expected, run(spark, joinCase, joinType, true, what), "raw generated probe: " + what);
        spark.conf().set("spark.ember.codegen.checkedMemoryAccess", "true");
        assertEquals(expected, run(spark, joinCase, joinType, true, what), "checked generated probe: " + what);
      }
    }
  }

  /**
   * Tables with keys in two words against tables with serialized keys (the system property), which the
   * generated probe then reaches through the encoder: the same rows for every join type.
   */
  @Test
  void compactKeysMatchSerializedKeys() {
    SparkSession spark = sessions.start("local[2]");
    List<Case> compactCases = cases().stream().filter(joinCase -> !joinCase.name().contains("string")
        && !joinCase.name().startsWith("null-safe keys")).toList();
    for (Case joinCase : compactCases) {
      for (String joinType : JOIN_TYPES) {
        String what = joinCase.name() + ", " + joinType;
        List<String> expected;
        System.setProperty(HashJoinBuildSink.SERIALIZED_KEYS_PROPERTY, "true");
        try {
          spark.conf().set("spark.sql.codegen.wholeStage", "true");
          expected = run(spark, joinCase, joinType, true, what);
        } finally {
          System.clearProperty(HashJoinBuildSink.SERIALIZED_KEYS_PROPERTY);
        }
        assertEquals(expected, run(spark, joinCase, joinType, true, what), "compact keys, generated: " + what);
        spark.conf().set("spark.sql.codegen.wholeStage", "false");
        assertEquals(expected, run(spark, joinCase, joinType, false, what), "compact keys, interpreted: " + what);
      }
    }
  }

  private static List<String> run(SparkSession spark, Case joinCase, String joinType, boolean generated,
      String what) {
    Dataset<Row> left = probeSide(spark);
    Dataset<Row> right = buildSide(spark, joinCase.buildRows());
    Dataset<Row> joined = left.join(right, joinCase.condition().apply(left, right), joinType);
    if (generated) {
      String source = joined.queryExecution().explainString("codegen");
      assertTrue(source.contains("Join probe (step"), what + ":\n" + source);
      assertFalse(source.contains("interpreted"), what + ":\n" + source);
    }
    return rows(joined);
  }

  /**
   * Two probes in one pipeline, an aggregate after a join, a limit that stops the probe mid-batch, a
   * join without keys (a nested loop) and a key so duplicated that one input batch yields many output
   * batches.
   */
  @Test
  void chainedProbesAggregatesLimitsAndExplodingKeys() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> facts = spark.range(0, 5000).select(col("id"), expr("id % 7 AS a"), expr("id % 11 AS b"));
    Dataset<Row> first = spark.range(0, 7).select(expr("id AS a2"), expr("concat('a', CAST(id AS STRING)) AS name"));
    Dataset<Row> second = spark.range(0, 11).select(expr("id AS b2"), expr("id * 10 AS weight"));
    Dataset<Row> many = spark.range(0, 300).select(expr("id % 2 AS m"), col("id").as("r"));
    List<java.util.function.Supplier<Dataset<Row>>> queries = List.of(
        () -> facts.join(first, facts.col("a").equalTo(first.col("a2")))
            .join(second, col("b").equalTo(second.col("b2")), "left")
            .groupBy("name").agg(functions.sum("weight"), functions.count("id")),
        () -> facts.join(first, facts.col("a").equalTo(first.col("a2"))).select("id", "name").limit(5).groupBy()
            .count(),
        () -> facts.join(many, facts.col("a").equalTo(many.col("m"))).groupBy("m").count(),
        () -> facts.filter(col("id").lt(300)).join(second, facts.col("b").lt(second.col("b2")))
            .groupBy("b2").count(),
        () -> facts.join(many, facts.col("a").equalTo(many.col("m")).and(col("r").gt(col("id"))), "full")
            .groupBy("m").count());
    for (int query = 0; query < queries.size(); query++) {
      spark.conf().set("spark.sql.codegen.wholeStage", "false");
      List<String> expected = rows(queries.get(query).get());
      spark.conf().set("spark.sql.codegen.wholeStage", "true");
      Dataset<Row> generated = queries.get(query).get();
      String source = generated.queryExecution().explainString("codegen");
      assertTrue(source.contains("Join probe (step"), "query " + query + ":\n" + source);
      assertEquals(expected, rows(generated), "query " + query);
    }
  }

  /** The smaller side by size estimate builds where the join type allows either; explain shows which. */
  @Test
  void theSmallerSideBuildsWhereTheJoinTypeAllows() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> small = spark.range(0, 100).select(col("id").as("s"));
    Dataset<Row> large = spark.range(0, 1_000_000).select(col("id").as("l"));
    assertEquals("BuildLeft", buildSide(small.join(large, col("s").equalTo(col("l")))));
    assertEquals("BuildRight", buildSide(large.join(small, col("l").equalTo(col("s")))));
    assertEquals("BuildLeft", buildSide(small.join(large, col("s").equalTo(col("l")), "full")));
    assertEquals("BuildRight", buildSide(large.join(small, col("l").equalTo(col("s")), "full")));
    // A left outer join can only build its right side, a right outer join its left.
    assertEquals("BuildRight", buildSide(small.join(large, col("s").equalTo(col("l")), "left")));
    assertEquals("BuildLeft", buildSide(large.join(small, col("l").equalTo(col("s")), "right")));
    // A semi or anti join builds its smaller side too: building the left side marks the rows that match.
    assertEquals("BuildLeft", buildSide(small.join(large, col("s").equalTo(col("l")), "left_semi")));
    assertEquals("BuildRight", buildSide(large.join(small, col("l").equalTo(col("s")), "left_anti")));
    // Filters and projections keep the estimate of their input, as Spark assumes without statistics.
    assertEquals("BuildLeft", buildSide(small.filter(col("s").gt(5))
        .join(large.filter(col("l").gt(5)), col("s").equalTo(col("l")))));
  }

  private static String buildSide(Dataset<Row> joined) {
    String plan = joined.queryExecution().explainString("simple");
    java.util.regex.Matcher side = java.util.regex.Pattern.compile("HashJoin .*, (Build(Left|Right))").matcher(plan);
    assertTrue(side.find(), plan);
    return side.group(1);
  }
}
