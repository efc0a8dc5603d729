package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.concat;
import static dev.ember.sql.functions.concat_ws;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.locate;
import static dev.ember.sql.functions.lpad;
import static dev.ember.sql.functions.regexp_extract;
import static dev.ember.sql.functions.regexp_replace;
import static dev.ember.sql.functions.substring;
import static dev.ember.sql.functions.trim;
import static dev.ember.sql.functions.upper;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * String functions and Column's string predicates through the public API, generated and
 * interpreted; the column names are those Spark 4.2 gives the same calls.
 */
class StringFunctionsEndToEndTest {
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
  void functionsAndTheirColumnNames(String codegen) throws Exception {
    Column name = col("name");
    Dataset<Row> result = people(codegen).filter("name = 'Alice'").select(upper(name), trim(name, "A"),
        lpad(name, 7, "*"), substring(name, 2, 3), name.substr(-2, 2), concat(name, col("city")),
        concat_ws("-", name, col("score"), lit(null)), locate("i", name), regexp_replace(name, "[aeiou]", "_"),
        regexp_extract(col("city"), "(\\w+) (\\w+)", 2));
    assertEquals(List.of("upper(name)", "TRIM(BOTH A FROM name)", "lpad(name, 7, *)", "substring(name, 2, 3)",
        "substr(name, -2, 2)", "concat(name, city)", "concat_ws(-, name, score, NULL)", "locate(i, name, 1)",
        "regexp_replace(name, [aeiou], _, 1)", "regexp_extract(city, (\\w+) (\\w+), 2)"),
        List.of(result.columns()));
    assertEquals("[ALICE,lice,**Alice,lic,ce,AliceNew York,Alice-88.5,3,Al_c_,York]",
        result.collectAsList().get(0).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void columnPredicates(String codegen) throws Exception {
    Dataset<Row> people = people(codegen);
    Column name = col("name");
    Dataset<Row> result = people.select(name.like("%a%"), name.ilike("a%"), name.rlike("^[A-C]"),
        name.startsWith("D"), name.endsWith(lit("e")), name.contains("o"));
    assertEquals(List.of("name LIKE %a%", "ilike(name, a%)", "RLIKE(name, ^[A-C])", "startswith(name, D)",
        "endswith(name, e)", "contains(name, o)"), List.of(result.columns()));
    assertEquals(List.of("Carol", "Dave"), people.filter(name.like("%a%")).orderBy("name").collectAsList().stream()
        .map(row -> row.getString(0)).toList());
    assertEquals(List.of("Alice", "Dave", "Eve"), people.filter(name.endsWith("e")).orderBy("name")
        .collectAsList().stream().map(row -> row.getString(0)).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void patternsThatChangeFromRowToRow(String codegen) throws Exception {
    // The pattern is the row's own first letter, so each row compiles (and caches) a different one.
    Dataset<Row> result = people(codegen).orderBy("name").selectExpr(
        "rlike(city, substring(name, 1, 1))", "name LIKE concat(substring(name, 1, 2), '%')",
        "regexp_replace(name, substring(name, 2, 1), '#')");
    assertEquals("[[false,true,A#ice], [false,true,B#b], [true,true,C#rol], [false,true,D#ve], [false,true,E#e]]",
        result.collectAsList().toString());
  }
}
