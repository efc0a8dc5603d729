package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.sql.types.DataTypes;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Column.try_cast and the try functions through the public API, generated and interpreted, ANSI on and
 * off (the values are Spark 4.2's; the full comparison is the conformance test in {@code examples}).
 */
class TryFunctionsEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @TempDir
  Path directory;

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  @ParameterizedTest
  @CsvSource({"true, true", "true, false", "false, true", "false, false"})
  void tryCastAndTryArithmeticGiveNullInsteadOfErrors(String codegen, String ansi) throws Exception {
    SparkSession spark = sessions.start("local[1]",
        Map.of("spark.sql.codegen.wholeStage", codegen, "spark.sql.ansi.enabled", ansi));
    Dataset<Row> people = SessionsUnderTest.readPeople(spark, SessionsUnderTest.writePeople(directory))
        .orderBy("name");
    Dataset<Row> result = people.select(
        functions.col("name").try_cast(DataTypes.IntegerType),
        functions.col("age").multiply(10).try_cast("tinyint"),
        functions.try_multiply(functions.col("age"), functions.lit(Integer.MAX_VALUE)),
        functions.try_divide(functions.col("age"), functions.lit(0)),
        functions.try_add(functions.col("age"), functions.lit(1)));
    assertEquals(List.of("name", "TRY_CAST((age * 10) AS TINYINT)", "try_multiply(age, 2147483647)", "try_divide(age, 0)",
        "try_add(age, 1)"), List.of(result.columns()));
    List<Row> rows = result.collectAsList();
    // Alice 34, Bob 28, Carol 45, Dave 23, Eve null: age * 10 fits a tinyint for none of them.
    assertEquals(Arrays.asList(null, null, null, null, 35), values(rows.get(0)));
    assertEquals(Arrays.asList(null, null, null, null, null), values(rows.get(4)));
  }

  private static List<Object> values(Row row) {
    return java.util.stream.IntStream.range(0, row.size()).mapToObj(row::get).toList();
  }
}
