package dev.ember.sql;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.codegen.generated.GeneratedKernels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explain(), the generated-kernel cache and the switches between generated and interpreted kernels. */
class ExplainAndCodegenEndToEndTest {
  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();
  private String people;

  @BeforeEach
  void writeData() throws Exception {
    people = SessionsUnderTest.writePeople(directory);
  }

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  /** A filter and projection feeding an aggregate, then a sort: three pipelines. */
  private static Dataset<Row> cityReport(SparkSession spark, String path) {
    return SessionsUnderTest.readPeople(spark, path)
        .filter(col("age").gt(25).or(col("age").isNull()))
        .select(col("city"), col("age").multiply(2).alias("double_age"), col("score").divide(2).alias("half_score"))
        .groupBy("city")
        .agg(count("*").alias("people"), sum("double_age"), avg("half_score"))
        .orderBy(col("city").desc());
  }

  private static final List<Row> CITY_REPORT = List.of(
      RowFactory.create("San Francisco", 1L, 56L, 36.125),
      RowFactory.create("New York", 1L, 68L, 44.25),
      RowFactory.create("Chicago", 2L, 90L, 30.375));

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

  @Test
  void explainCodegenPrintsTheGeneratedPipelineClasses() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> report = cityReport(spark, people);
    String text = printed(() -> report.explain("codegen"));
    assertTrue(text.contains("== Pipeline "), text);
    assertTrue(text.contains("generated: EmberPipeline"), text);
    assertTrue(text.contains("class EmberPipeline"), text);
    assertTrue(text.contains("process("), text);
    assertEquals(CITY_REPORT, report.collectAsList());
  }

  @Test
  void explainExtendedShowsTheFourPlansInSparksOrder() {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> query = SessionsUnderTest.readPeople(spark, people).filter("age > 30").select("name");
    String text = printed(() -> query.explain("extended"));
    int parsed = text.indexOf("== Parsed Logical Plan ==\n");
    int analyzed = text.indexOf("== Analyzed Logical Plan ==\nname: string\n");
    int optimized = text.indexOf("== Optimized Logical Plan ==\n");
    int physical = text.indexOf("== Physical Plan ==\n");
    assertTrue(parsed == 0 && parsed < analyzed && analyzed < optimized && optimized < physical, text);
    assertEquals(printed(() -> query.explain(true)), text);
    String simple = printed(query::explain);
    assertTrue(simple.startsWith("== Physical Plan ==\n"), simple);
    assertFalse(simple.contains("Logical Plan"), simple);
  }

  @Test
  void unknownExplainModeFailsWithSparksMessage() {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> query = spark.range(3);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> query.explain("bogus"));
    assertEquals("Unknown explain mode: bogus. Accepted explain modes are 'simple', 'extended', 'codegen', 'cost',"
        + " 'formatted'.", error.getMessage());
  }

  @Test
  void aRepeatedQueryCompilesNothingAndADifferentOneCompiles() {
    SparkSession spark = sessions.start("local[2]");
    GeneratedKernels kernels = spark.engine().generatedKernels();
    long before = kernels.compilations();
    assertEquals(CITY_REPORT, cityReport(spark, people).collectAsList());
    long afterFirstRun = kernels.compilations();
    assertTrue(afterFirstRun > before, "the first run compiles its pipelines");

    // A new Dataset for the same query: new plan ids, same normalized source, so cache hits only.
    assertEquals(CITY_REPORT, cityReport(spark, people).collectAsList());
    Dataset<Row> reused = cityReport(spark, people);
    reused.collectAsList();
    reused.collectAsList();
    assertEquals(afterFirstRun, kernels.compilations(), "running the same query again compiled something");

    List<Row> tripled = SessionsUnderTest.readPeople(spark, people)
        .select(col("name"), col("age").multiply(3).minus(col("score"))).orderBy("name").limit(1).collectAsList();
    assertEquals(List.of(RowFactory.create("Alice", 13.5)), tripled);
    assertTrue(kernels.compilations() > afterFirstRun, "a different query must compile its own pipeline");
  }

  @Test
  void wholeStageCodegenOffRunsTheInterpretedKernelsWithTheSameResults() {
    SparkSession spark = sessions.start("local[2]", Map.of("spark.sql.codegen.wholeStage", "false"));
    long before = spark.engine().generatedKernels().compilations();
    Dataset<Row> report = cityReport(spark, people);
    String text = report.queryExecution().explainString("codegen");
    assertTrue(text.contains("interpreted"), text);
    assertFalse(text.contains("class EmberPipeline"), text);
    assertEquals(CITY_REPORT, report.collectAsList());
    assertEquals(before, spark.engine().generatedKernels().compilations(), "codegen is off, yet a class was compiled");

    spark.conf().set("spark.sql.codegen.wholeStage", "true");
    Dataset<Row> generated = cityReport(spark, people);
    assertTrue(generated.queryExecution().explainString("codegen").contains("class EmberPipeline"));
    assertEquals(CITY_REPORT, generated.collectAsList());
  }

  @Test
  void checkedMemoryAccessGivesTheSameResults() {
    SparkSession spark = sessions.start("local[2]", Map.of("spark.ember.codegen.checkedMemoryAccess", "true"));
    Dataset<Row> checked = cityReport(spark, people);
    String checkedSource = checked.queryExecution().explainString("codegen");
    assertTrue(checkedSource.contains("checkedAddress"), checkedSource);
    assertEquals(CITY_REPORT, checked.collectAsList());

    spark.conf().set("spark.ember.codegen.checkedMemoryAccess", "false");
    Dataset<Row> raw = cityReport(spark, people);
    assertFalse(raw.queryExecution().explainString("codegen").contains("checkedAddress"));
    assertEquals(CITY_REPORT, raw.collectAsList());
  }
}
