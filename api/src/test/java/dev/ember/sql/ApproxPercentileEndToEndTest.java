package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.percentile_approx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** percentile_approx against values checked on Spark 4.2.0. */
class ApproxPercentileEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stop() {
    sessions.stopAll();
  }

  @Test
  void picksTheValueAtRankCeilingOfPercentageTimesCount() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> numbers = spark.range(1, 11).selectExpr("cast(id as int) as i", "id * 1.5D as d");
    // Spark 4.2.0 for 0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.5, 0.55, 0.99, 1.0 over 1..10.
    double[] percentages = {0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.5, 0.55, 0.99, 1.0};
    List<Object> values = new ArrayList<>();
    for (double percentage : percentages) {
      values.add(numbers.selectExpr("percentile_approx(i, " + percentage + ")").first().get(0));
    }
    assertEquals(List.of(1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 10, 10), values);
    Dataset<Row> result = numbers.select(percentile_approx(col("i"), lit(0.5), lit(10000)),
        percentile_approx(col("d"), lit(0.25), lit(100)));
    assertEquals("percentile_approx(i, 0.5, 10000)", result.columns()[0]);
    assertEquals(DataTypes.IntegerType, result.schema().fields()[0].dataType());
    assertEquals(DataTypes.DoubleType, result.schema().fields()[1].dataType());
    assertEquals(5, result.first().getInt(0));
    assertEquals(4.5, result.first().getDouble(1));
    Dataset<Row> aliased = spark.range(1, 5).selectExpr("approx_percentile(id, 0.75)");
    assertEquals("approx_percentile(id, 0.75, 10000)", aliased.columns()[0]);
    assertEquals(3L, aliased.first().getLong(0));
  }

  @Test
  void skipsNullsAndIsNullWithoutValues() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> numbers = spark.range(0, 6).selectExpr("id % 2 as k", "if(id < 3, null, id * 1.0D) as x");
    List<Row> rows = numbers.groupBy("k").agg(percentile_approx(col("x"), lit(0.5), lit(10000))).orderBy("k")
        .collectAsList();
    assertEquals(4.0, rows.get(0).getDouble(1));
    assertEquals(3.0, rows.get(1).getDouble(1));
    Row none = numbers.filter("k > 5").selectExpr("percentile_approx(x, 0.5)").first();
    assertNull(none.get(0));
  }

  @Test
  void rejectsStringsAndPercentagesOutOfRange() {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> numbers = spark.range(1, 3).selectExpr("cast(id as string) as s", "id");
    assertThrows(AnalysisException.class, () -> numbers.selectExpr("percentile_approx(s, 0.5)"));
    assertThrows(AnalysisException.class, () -> numbers.selectExpr("percentile_approx(id, 1.5)"));
  }
}
