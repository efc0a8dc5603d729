package dev.ember.sql;

import static dev.ember.sql.functions.call_function;
import static dev.ember.sql.functions.call_udf;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.udf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.sql.api.java.UDF0;
import dev.ember.sql.api.java.UDF1;
import dev.ember.sql.api.java.UDF2;
import dev.ember.sql.expressions.UserDefinedFunction;
import dev.ember.sql.types.DataTypes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Java UDFs through the public API, in generated and in interpreted kernels. */
class UserDefinedFunctionsEndToEndTest {
  @TempDir Path directory;
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stop() {
    sessions.stopAll();
  }

  private Dataset<Row> people(String codegen) throws Exception {
    SparkSession spark = sessions.start("local[2]", Map.of(SessionSettings.WHOLE_STAGE_CODEGEN, codegen));
    return SessionsUnderTest.readPeople(spark, SessionsUnderTest.writePeople(directory));
  }

  private static List<Object> column(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(row -> row.get(0)).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void anonymousUdfReceivesNullsAndIsNamedUdf(String codegen) throws Exception {
    Dataset<Row> people = people(codegen);
    UserDefinedFunction plusOne = udf((UDF1<Integer, Integer>) age -> age == null ? -1 : age + 1,
        DataTypes.IntegerType);
    Dataset<Row> result = people.select(plusOne.apply(col("age")));
    assertEquals("UDF(age)", result.columns()[0]);
    assertTrue(result.schema().fields()[0].nullable());
    assertEquals(List.of(35, 29, 46, 24, -1), column(result));
    Dataset<Row> named = people.select(plusOne.withName("inc").asNonNullable().apply(col("age")));
    assertEquals("inc(age)", named.columns()[0]);
    assertFalse(named.schema().fields()[0].nullable());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void registeredUdfIsCallableByNameAndFromExpressionText(String codegen) throws Exception {
    Dataset<Row> people = people(codegen);
    SparkSession spark = people.sparkSession();
    spark.udf().register("plusOne", (UDF1<Integer, Integer>) age -> age + 1, DataTypes.IntegerType);
    spark.udf().register("label", (UDF2<String, Integer, String>) (name, age) -> name + ":" + age,
        DataTypes.StringType);
    spark.udf().register("seven", (UDF0<Long>) () -> 7L, DataTypes.LongType);
    Dataset<Row> filtered = people.filter(col("age").isNotNull()).filter("plusOne(age) > 30");
    assertEquals(List.of("Alice", "Carol"), column(filtered.select("name")));
    Dataset<Row> labels = people.selectExpr("label(name, age)", "seven()");
    assertEquals(List.of("label(name, age)", "seven()"), List.of(labels.columns()));
    assertEquals(List.of("Alice:34", "Bob:28", "Carol:45", "Dave:23", "Eve:null"), column(labels));
    assertEquals(7L, labels.first().getLong(1));
    assertEquals(column(labels), column(people.select(call_udf("label", col("name"), col("age")))));
    assertEquals(column(labels), column(people.select(call_function("LABEL", col("name"), col("age")))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void failureIsWrappedInFailedExecuteUdf(String codegen) throws Exception {
    Dataset<Row> people = people(codegen);
    people.sparkSession().udf().register("plusOne", (UDF1<Integer, Integer>) age -> age + 1, DataTypes.IntegerType);
    SparkException error = assertThrows(SparkException.class,
        () -> people.selectExpr("plusOne(age)").collectAsList());
    assertEquals("FAILED_EXECUTE_UDF", error.getCondition());
    assertEquals("int", error.getMessageParameters().get("signature"));
    assertEquals("int", error.getMessageParameters().get("result"));
    assertTrue(error.getMessageParameters().get("functionName").startsWith("`plusOne ("),
        error.getMessageParameters().toString());
    assertTrue(error.getMessage().endsWith(") => int) failed due to: " + error.getCause() + ". SQLSTATE: 39000"),
        error.getMessage());
    assertTrue(error.getCause() instanceof NullPointerException, String.valueOf(error.getCause()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void resultOfTheWrongClassFailsAsInSpark(String codegen) throws Exception {
    Dataset<Row> people = people(codegen);
    UserDefinedFunction wrong = udf((UDF1<String, Object>) name -> name.length(), DataTypes.StringType);
    SparkException error = assertThrows(SparkException.class,
        () -> people.select(wrong.apply(col("name"))).collectAsList());
    assertEquals("FAILED_EXECUTE_UDF", error.getCondition());
    assertTrue(error.getCause() instanceof ClassCastException, String.valueOf(error.getCause()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void constantArgumentsAreNotFoldedWhilePlanning(String codegen) throws Exception {
    Dataset<Row> people = people(codegen);
    AtomicInteger calls = new AtomicInteger();
    UserDefinedFunction counted = udf((UDF1<Integer, Integer>) value -> calls.incrementAndGet(),
        DataTypes.IntegerType);
    Dataset<Row> result = people.select(counted.apply(functions.lit(1)));
    assertEquals(0, calls.get(), "the function ran while planning");
    assertEquals(5, result.collectAsList().size());
    assertEquals(5, calls.get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void wrongArgumentCountFailsWithWrongNumArgs(String codegen) throws Exception {
    Dataset<Row> people = people(codegen);
    people.sparkSession().udf().register("plusOne", (UDF1<Integer, Integer>) age -> age + 1, DataTypes.IntegerType);
    AnalysisException error = assertThrows(AnalysisException.class, () -> people.selectExpr("plusOne(age, age)"));
    assertEquals("WRONG_NUM_ARGS.WITHOUT_SUGGESTION", error.getCondition());
    assertTrue(error.getMessage().contains("`plusOne` requires 1 parameters"), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true"})
  void registrationIsVisibleInItsSessionOnly(String codegen) throws Exception {
    Dataset<Row> people = people(codegen);
    people.sparkSession().udf().register("plusOne", (UDF1<Integer, Integer>) age -> age + 1, DataTypes.IntegerType);
    sessions.stopAll();
    Dataset<Row> again = people(codegen);
    AnalysisException error = assertThrows(AnalysisException.class, () -> again.selectExpr("plusOne(age)"));
    assertEquals("UNRESOLVED_ROUTINE", error.getCondition());
  }
}
