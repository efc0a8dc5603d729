package dev.ember.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each program twice, on Apache Spark 4.2 and on Ember, and requires identical console output:
 * the same {@code show()} tables, schemas, rows and counts. The Spark copy of each program is the
 * Ember source with {@code dev.ember} imports renamed to {@code org.apache.spark}, made by the build.
 */
class DifferentialTest {
  // One program per line, so branches adding programs merge cleanly.
  private static final String[] PROGRAMS = {
    "ShowLayouts",
    "InferredTypes",
    "ReaderOptions",
    "Sorting",
    "Aggregates",
    "RangeQueries",
    "Expressions",
    "Collecting",
    "JsonFiles",
    "CsvOptions2",
    "AggregateFunctions",
    "PartitionedTables",
    "Joins",
    "ColumnMethods",
    "SetOperations",
    "Windows",
    "Collections",
    "Udfs",
    "MissingValues",
    "RelationalMethods",
    "Intervals",
    "CreatedDataFrames",
    "HigherOrderFunctions",
  };

  @TempDir
  static Path dataDirectory;

  @BeforeAll
  static void writeData() throws Exception {
    TestData.write(dataDirectory);
  }

  @TestFactory
  Stream<DynamicTest> programsPrintWhatSparkPrints() {
    return Stream.of(PROGRAMS).map(name -> DynamicTest.dynamicTest(name, () -> compare(
        Class.forName("dev.ember.examples.programs." + name), Class.forName("dev.ember.examples.spark." + name),
        dataDirectory.toString())));
  }

  @org.junit.jupiter.api.Test
  void usersDemoPrintsWhatSparkPrints() throws Exception {
    String path = dataDirectory.resolve("users.csv").toString();
    String spark = ConsoleCapture.capture(
        () -> dev.ember.examples.spark.UsersDemo.run(SparkOracle.session(), path));
    String ember = ConsoleCapture.capture(() -> UsersDemo.run(EmberSessions.session(), path));
    assertSameOutput("UsersDemo", spark, ember);
  }

  private static void compare(Class<?> emberProgram, Class<?> sparkProgram, String dataDir) throws Exception {
    Method sparkRun = sparkProgram.getMethod("run", org.apache.spark.sql.SparkSession.class, String.class);
    Method emberRun = emberProgram.getMethod("run", dev.ember.sql.SparkSession.class, String.class);
    String spark = ConsoleCapture.capture(() -> sparkRun.invoke(null, SparkOracle.session(), dataDir));
    String ember = ConsoleCapture.capture(() -> emberRun.invoke(null, EmberSessions.session(), dataDir));
    assertSameOutput(emberProgram.getSimpleName(), spark, ember);
  }

  /** Also writes both outputs under target/differential, so a failure can be read with diff. */
  private static void assertSameOutput(String program, String spark, String ember) throws java.io.IOException {
    Path directory = java.nio.file.Files.createDirectories(Path.of("examples/target/differential"));
    java.nio.file.Files.writeString(directory.resolve(program + ".spark.txt"), spark);
    java.nio.file.Files.writeString(directory.resolve(program + ".ember.txt"), ember);
    assertEquals(spark, ember, "output of " + program + " differs from Spark's");
  }
}
