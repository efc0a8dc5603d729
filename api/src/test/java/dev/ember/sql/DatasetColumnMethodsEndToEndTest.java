package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** withColumn, renames, drop, selectExpr and toDF: column names and order as Spark 4.2 gives them. */
class DatasetColumnMethodsEndToEndTest {
  @TempDir
  Path directory;

  private final SessionsUnderTest sessions = new SessionsUnderTest();
  private Dataset<Row> people;

  @BeforeEach
  void readPeople() throws Exception {
    SparkSession spark = sessions.start("local[2]");
    people = SessionsUnderTest.readPeople(spark, SessionsUnderTest.writePeople(directory));
  }

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  @Test
  void withColumnReplacesInPlaceUnderTheNewSpellingOrAppends() {
    Dataset<Row> replaced = people.withColumn("AGE", col("age").plus(1));
    assertArrayEquals(new String[] {"name", "AGE", "city", "score"}, replaced.columns());
    assertEquals(35, replaced.first().getInt(1));
    Dataset<Row> appended = people.withColumn("next", col("age").plus(1).as("ignored"));
    assertArrayEquals(new String[] {"name", "age", "city", "score", "next"}, appended.columns());
  }

  @Test
  void withColumnsReplacesAndAppendsInMapOrderAndRejectsRepeatedNames() {
    Map<String, Column> columns = new LinkedHashMap<>();
    columns.put("z", lit(1));
    columns.put("city", lit("x"));
    columns.put("a", lit(2));
    assertArrayEquals(new String[] {"name", "age", "city", "score", "z", "a"}, people.withColumns(columns).columns());
    Map<String, Column> repeated = new LinkedHashMap<>();
    repeated.put("Z", lit(1));
    repeated.put("z", lit(2));
    AnalysisException error = assertThrows(AnalysisException.class, () -> people.withColumns(repeated));
    assertEquals("COLUMN_ALREADY_EXISTS", error.getCondition());
    assertEquals("`z`", error.getMessageParameters().get("columnName"));
  }

  @Test
  void renamesApplyOneAfterTheOtherAndIgnoreMissingNames() {
    assertArrayEquals(new String[] {"name", "years", "city", "score"},
        people.withColumnRenamed("AGE", "years").columns());
    assertArrayEquals(people.columns(), people.withColumnRenamed("missing", "x").columns());
    Map<String, String> renames = new LinkedHashMap<>();
    renames.put("age", "x");
    renames.put("x", "y");
    renames.put("missing", "q");
    assertArrayEquals(new String[] {"name", "y", "city", "score"}, people.withColumnsRenamed(renames).columns());
  }

  @Test
  void dropRemovesMatchingColumnsAndIgnoresTheRest() {
    assertArrayEquals(new String[] {"name", "score"}, people.drop("AGE", "missing", "city").columns());
    assertArrayEquals(new String[] {"name", "city", "score"}, people.drop(col("age")).columns());
    assertArrayEquals(people.columns(), people.drop(col("missing")).columns());
    assertArrayEquals(people.columns(), people.drop(col("age").plus(1)).columns());
    assertArrayEquals(new String[] {"city"}, people.drop(col("name"), col("score"), people.col("age")).columns());
    assertArrayEquals(new String[0], people.drop("name", "age", "city", "score").columns());
  }

  @Test
  void selectExprParsesEachExpression() {
    Dataset<Row> selected = people.selectExpr("age + 1", "name AS who", "*");
    assertArrayEquals(new String[] {"(age + 1)", "who", "name", "age", "city", "score"}, selected.columns());
    assertEquals(List.of(35, "Alice"), List.of(selected.first().get(0), selected.first().get(1)));
  }

  @Test
  void toDataFrameRenamesEveryColumnOrFailsOnTheWrongCount() {
    assertArrayEquals(new String[] {"a", "b", "a", "d"}, people.toDF("a", "b", "a", "d").columns());
    AnalysisException error = assertThrows(AnalysisException.class, () -> people.toDF("a"));
    assertEquals("ASSIGNMENT_ARITY_MISMATCH", error.getCondition());
    assertEquals("[ASSIGNMENT_ARITY_MISMATCH] The number of columns or variables assigned or aliased: 4 does not"
        + " match the number of source expressions: 1. SQLSTATE: 42802", error.getMessage());
  }

  @Test
  void describeGivesStatisticsAsStringsForNumericAndStringColumns() {
    Dataset<Row> described = people.describe("age", "name");
    assertArrayEquals(new String[] {"summary", "age", "name"}, described.columns());
    List<Row> rows = described.collectAsList();
    assertEquals(List.of("count", "4", "5"), List.of(rows.get(0).get(0), rows.get(0).get(1), rows.get(0).get(2)));
    assertEquals(List.of("mean", "32.5"), List.of(rows.get(1).get(0), rows.get(1).get(1)));
    assertEquals(null, rows.get(1).get(2));
    assertEquals(List.of("max", "45", "Eve"), List.of(rows.get(4).get(0), rows.get(4).get(1), rows.get(4).get(2)));
  }
}
