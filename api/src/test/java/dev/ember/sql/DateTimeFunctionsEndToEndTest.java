package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.date_add;
import static dev.ember.sql.functions.date_format;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.to_date;
import static dev.ember.sql.functions.year;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Date and time functions through the public API, generated and interpreted, in a non-UTC session
 * zone; the comparison with Spark is the DATES conformance tables in {@code examples}.
 */
class DateTimeFunctionsEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @TempDir
  Path directory;

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void javaApiAndSqlTextAgree(String codegen) throws Exception {
    SparkSession spark = sessions.start("local[1]", Map.of("spark.sql.codegen.wholeStage", codegen,
        "spark.sql.session.timeZone", "America/Los_Angeles"));
    Dataset<Row> people = SessionsUnderTest.readPeople(spark, SessionsUnderTest.writePeople(directory))
        .filter("name = 'Alice'");
    Dataset<Row> result = people.select(
        to_date(lit("31.01.2024"), "dd.MM.yyyy").as("day"),
        year(to_date(lit("2024-02-29"))).as("year"),
        date_add(to_date(lit("2024-02-28")), 1).as("next"),
        date_format(functions.to_timestamp(lit("2024-03-10 02:30:00")), "HH:mm XXX").as("spring"));
    Row row = result.collectAsList().get(0);
    assertEquals("2024-01-31", row.get(0).toString());
    assertEquals(2024, row.get(1));
    assertEquals("2024-02-29", row.get(2).toString());
    // 02:30 does not exist on that day in Los Angeles; Spark moves it to 03:30 daylight time.
    assertEquals("03:30 -07:00", row.get(3));

    Dataset<Row> sql = people.selectExpr("extract(YEAR FROM DATE'2024-02-29')", "DATE'2024-02-29' + 1",
        "now() = now()", "datediff(current_date, current_date())");
    assertEquals(List.of("extract(YEAR FROM DATE '2024-02-29')", "date_add(DATE '2024-02-29', 1)",
        "(now() = now())", "datediff(current_date(), current_date())"), List.of(sql.columns()));
    Row values = sql.collectAsList().get(0);
    assertEquals(2024, values.get(0));
    assertEquals("2024-03-01", values.get(1).toString());
    assertEquals(true, values.get(2));
    assertEquals(0, values.get(3));
  }
}
