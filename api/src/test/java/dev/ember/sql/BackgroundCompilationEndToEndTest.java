package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code spark.ember.codegen.compileInBackground}: queries start interpreted while their kernels
 * compile, give the same answers as with every kernel compiled first, and later queries of the same
 * shape run the compiled kernels; a query over few rows never starts the compiler.
 */
class BackgroundCompilationEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  private static Dataset<Row> report(SparkSession spark) {
    // A shape no other test compiles, so the first run cannot find its classes in the cache.
    return spark.range(0, 2_000_000)
        .filter(col("id").mod(7).notEqual(3))
        .select(col("id").mod(13).alias("bucket"), col("id").multiply(3).minus(11).alias("weighted"))
        .groupBy("bucket")
        .agg(count("*"), sum("weighted"))
        .orderBy("bucket");
  }

  @Test
  void backgroundCompilationGivesTheSameRowsAndSwitchesToGeneratedKernels() throws InterruptedException {
    SparkSession background = sessions.start("local[2]", Map.of("spark.ember.codegen.compileInBackground", "true"));
    SparkSession eager = sessions.start("local[2]", Map.of("spark.ember.codegen.compileInBackground", "false"));

    Dataset<Row> first = report(background);
    List<Row> rows = first.collectAsList();
    assertEquals(report(eager).collectAsList(), rows);
    assertEquals(13, rows.size());

    // The first run's kernels move to generated code once the compiler thread is done.
    String pipelines = waitForGenerated(first);
    assertTrue(pipelines.contains("kernel=generated"), pipelines);

    Dataset<Row> again = report(background);
    assertEquals(rows, again.collectAsList());
    String repeated = again.queryExecution().compiled().explainPipelines();
    assertTrue(!repeated.contains("kernel=interpreted"), "a repeated query finds its classes compiled:\n" + repeated);
  }

  @Test
  void explainShowsTheGeneratedCodeEvenBeforeTheBackgroundCompilerIsDone() {
    SparkSession background = sessions.start("local[1]", Map.of("spark.ember.codegen.compileInBackground", "true"));
    String codegen = background.range(0, 10).filter(col("id").mod(5).equalTo(4)).queryExecution()
        .explainString("codegen");
    assertTrue(codegen.contains("public boolean process("), codegen);
  }

  @Test
  void aQueryOverFewRowsRunsInterpretedWithoutStartingTheCompiler() {
    SparkSession background = sessions.start("local[1]", Map.of("spark.ember.codegen.compileInBackground", "true"));
    Dataset<Row> small = background.range(0, 50).filter(col("id").mod(11).equalTo(4));
    assertEquals(5, small.collectAsList().size());
    String pipelines = small.queryExecution().compiled().explainPipelines();
    assertTrue(pipelines.contains("generated kernel compiled after"), pipelines);
    assertFalse(pipelines.contains("compiling"), pipelines);
  }

  @Test
  void aSmallQueryThatRunsAgainCompilesAtOnceAndThenRunsGenerated() throws InterruptedException {
    SparkSession background = sessions.start("local[1]", Map.of("spark.ember.codegen.compileInBackground", "true"));
    Dataset<Row> first = background.range(0, 60).filter(col("id").mod(17).equalTo(5));
    assertEquals(4, first.collectAsList().size());
    assertTrue(first.queryExecution().compiled().explainPipelines().contains("generated kernel compiled after"));

    // The same shape again: worth a class however few its rows, so its compilation starts with the query.
    Dataset<Row> again = background.range(0, 60).filter(col("id").mod(17).equalTo(5));
    assertEquals(4, again.collectAsList().size());
    String pipelines = waitForGenerated(again);
    assertTrue(pipelines.contains("kernel=generated"), pipelines);

    Dataset<Row> third = background.range(0, 60).filter(col("id").mod(17).equalTo(5));
    assertEquals(first.collectAsList(), third.collectAsList());
    String repeated = third.queryExecution().compiled().explainPipelines();
    assertFalse(repeated.contains("kernel=interpreted"), repeated);
  }

  private static String waitForGenerated(Dataset<Row> query) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    String pipelines = query.queryExecution().compiled().explainPipelines();
    while (pipelines.contains("compiling") && System.nanoTime() < deadline) {
      Thread.sleep(20);
      pipelines = query.queryExecution().compiled().explainPipelines();
    }
    return pipelines;
  }
}
