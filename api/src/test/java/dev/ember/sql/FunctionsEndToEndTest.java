package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built-in scalar functions and conditionals through the public API, generated and interpreted. The
 * full comparison with Spark is the conformance test in {@code examples}; this checks the wiring.
 */
class FunctionsEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @TempDir
  Path directory;

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  private Dataset<Row> people(String codegen) throws Exception {
    SparkSession spark = sessions.start("local[1]", Map.of("spark.sql.codegen.wholeStage", codegen));
    return SessionsUnderTest.readPeople(spark, SessionsUnderTest.writePeople(directory));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void mathFunctionsAndTheirColumnNames(String codegen) throws Exception {
    Dataset<Row> result = people(codegen).filter("name = 'Alice'")
        .selectExpr("sqrt(age)", "round(score)", "ROUND(score, -1)", "pow(2, 10)", "abs(-age)", "ln(age)",
            "ceil(score)", "hex(age)", "pmod(-7, age)", "age div 5", "rand(42)");
    assertEquals(List.of("SQRT(age)", "round(score, 0)", "round(score, -1)", "pow(2, 10)", "abs((- age))",
        "ln(age)", "CEIL(score)", "hex(age)", "pmod(-7, age)", "(age div 5)", "rand(42)"),
        List.of(result.columns()));
    Row row = result.collectAsList().get(0);
    assertEquals(Math.sqrt(34), row.get(0));
    assertEquals(89.0, row.get(1));
    assertEquals(90.0, row.get(2));
    assertEquals(1024.0, row.get(3));
    assertEquals(34, row.get(4));
    assertEquals(Math.log(34), row.get(5));
    assertEquals(89L, row.get(6));
    assertEquals("22", row.get(7));
    assertEquals(27, row.get(8));
    assertEquals(6L, row.get(9));
    assertEquals(0.619189370225301, row.get(10)); // Spark 4.2's rand(42), first row of partition 0
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void bitwiseOperatorsThroughColumnMethodsFunctionsAndSql(String codegen) throws Exception {
    Column age = functions.col("age");
    Dataset<Row> result = people(codegen).filter("name = 'Alice'")
        .select(age.bitwiseAND(6), age.bitwiseOR(1), age.bitwiseXOR(age), functions.bitwise_not(age),
            functions.bit_count(age), functions.expr("age & 6L"), functions.expr("~(age | 1)"));
    assertEquals(List.of("(age & 6)", "(age | 1)", "(age ^ age)", "~age", "bit_count(age)", "(age & 6)",
        "~(age | 1)"), List.of(result.columns()));
    // Alice is 34 = 0b100010.
    assertEquals("[2,35,0,-35,2,2,-36]", result.collectAsList().get(0).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void columnCastsByTypeAndByTypeText(String codegen) throws Exception {
    Column score = functions.col("score");
    Dataset<Row> result = people(codegen).filter("name = 'Alice'")
        .select(score.cast("int"), score.cast(dev.ember.sql.types.DataTypes.StringType),
            functions.col("age").cast("decimal(5,1)"), functions.col("name").cast("int"));
    // Spark 4.2 keeps a cast column's name.
    assertEquals(List.of("score", "score", "age", "name"), List.of(result.columns()));
    // ANSI (the default): 'Alice' is not a number.
    dev.ember.SparkException error = assertThrows(dev.ember.SparkException.class, () -> result.collectAsList());
    assertEquals("CAST_INVALID_INPUT", error.getCondition());
    assertEquals("[88,88.5,34.0]", result.drop("name").collectAsList().get(0).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void isInCollectionIsIsinOfTheValues(String codegen) throws Exception {
    Dataset<Row> result = people(codegen).select(functions.col("age").isInCollection(List.of(34, 45)));
    Dataset<Row> expected = people(codegen).select(functions.col("age").isin(34, 45));
    assertEquals(List.of(expected.columns()), List.of(result.columns()));
    assertEquals(expected.collectAsList(), result.collectAsList());
    assertEquals(List.of("(age IN (34, 45))"), List.of(result.columns()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void conditionalsAreLazyAndTypedAsInSpark(String codegen) throws Exception {
    Dataset<Row> result = people(codegen).orderBy("name")
        .selectExpr("CASE WHEN age > 30 THEN 'old' WHEN age IS NULL THEN NULL ELSE 'young' END",
            "coalesce(age, 0)", "if(age IS NULL, 1 / 0, age)", "age IN (23, 45)", "age BETWEEN 25 AND 40",
            "greatest(age, score)", "nvl2(score, 'scored', 'none')", "nullif(city, 'Chicago')");
    assertEquals(List.of(
        "CASE WHEN (age > 30) THEN old WHEN (age IS NULL) THEN NULL ELSE young END", "coalesce(age, 0)",
        "(IF((age IS NULL), (1 / 0), age))", "(age IN (23, 45))", "between(age, 25, 40)", "greatest(age, score)",
        "nvl2(score, scored, none)", "nullif(city, Chicago)"), List.of(result.columns()));
    List<Row> rows = result.filter("age IS NOT NULL").collectAsList();
    assertEquals("[old,34,34.0,false,true,88.5,scored,New York]", rows.get(0).toString());
    assertEquals(4, rows.size());
    assertThrows(dev.ember.SparkException.class, () -> result.collectAsList(), "1 / 0 for Eve, whose age is null");
  }
}
