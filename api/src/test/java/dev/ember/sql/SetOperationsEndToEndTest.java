package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.expr;
import static dev.ember.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.sql.types.DataTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** union, unionByName, distinct and dropDuplicates through the public API, on several workers. */
class SetOperationsEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  @TempDir
  Path directory;

  private SparkSession session() {
    return sessions.start("local[4]", Map.of("spark.ember.files.splitBytes", "64"));
  }

  /** Rows {@code (id % 3, id)} for ids {@code from} to {@code to - 1}, read in many small morsels. */
  private Dataset<Row> numbers(SparkSession spark, String name, long from, long to) throws IOException {
    StringBuilder csv = new StringBuilder("k,v\n");
    for (long id = from; id < to; id++) {
      csv.append(id % 3).append(',').append(id).append('\n');
    }
    Path file = directory.resolve(name + ".csv");
    Files.writeString(file, csv);
    return spark.read().option("header", "true").schema("k BIGINT, v BIGINT").csv(file.toString());
  }

  @Test
  void unionKeepsLeftRowsBeforeRightRowsOnSeveralWorkers() throws IOException {
    SparkSession spark = session();
    Dataset<Row> left = numbers(spark, "left", 0, 100).select("v");
    Dataset<Row> right = numbers(spark, "right", 1000, 1050).select("v");
    List<Row> rows = left.union(right).collectAsList();
    List<Row> expected = new ArrayList<>();
    for (long i = 0; i < 100; i++) {
      expected.add(RowFactory.create(i));
    }
    for (long i = 1000; i < 1050; i++) {
      expected.add(RowFactory.create(i));
    }
    assertEquals(expected, rows);
    assertEquals(300L, left.union(right).unionAll(left.union(right)).count());
  }

  @Test
  void unionWidensTypesAndTakesNamesAndNullabilityFromBothSides() {
    SparkSession spark = session();
    Dataset<Row> ints = spark.range(2).select(expr("cast(id as int)").as("n"));
    Dataset<Row> nulls = spark.range(1).select(expr("cast(null as bigint)").as("m"));
    Dataset<Row> union = ints.union(nulls);
    assertEquals("n", union.columns()[0]);
    assertEquals(DataTypes.LongType, union.schema().fields()[0].dataType());
    assertTrue(union.schema().fields()[0].nullable());
    assertFalse(ints.schema().fields()[0].nullable());
    assertEquals(List.of(RowFactory.create(0L), RowFactory.create(1L), RowFactory.create((Object) null)),
        union.collectAsList());
  }

  @Test
  void unionFailsOnColumnCountAndIncompatibleTypes() {
    SparkSession spark = session();
    Dataset<Row> two = spark.range(1).select(col("id"), lit("x").as("s"));
    AnalysisException count = assertThrows(AnalysisException.class, () -> two.union(spark.range(1)));
    assertEquals("NUM_COLUMNS_MISMATCH", count.getCondition());
    assertTrue(count.getMessage().startsWith("[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with"
        + " the same number of columns, but the first input has 2 columns and the second input has 1 columns."),
        count.getMessage());
    AnalysisException types = assertThrows(AnalysisException.class,
        () -> spark.range(1).union(spark.range(1).select(lit(true).as("b"))));
    assertEquals("INCOMPATIBLE_COLUMN_TYPE", types.getCondition());
    assertEquals("\"BOOLEAN\"", types.getMessageParameters().get("dataType1"));
  }

  @Test
  void unionByNameMatchesColumnsAndFillsMissingOnesWithNull() {
    SparkSession spark = session();
    Dataset<Row> left = spark.range(2).select(col("id").as("a"), lit("l").as("b"));
    Dataset<Row> right = spark.range(5, 6).select(lit("r").as("B"), col("id").as("A"), lit(9).as("c"));
    assertThrows(AnalysisException.class, () -> left.unionByName(right));
    Dataset<Row> union = left.unionByName(right, true);
    assertEquals(List.of("a", "b", "c"), List.of(union.columns()));
    assertEquals(List.of(RowFactory.create(0L, "l", null), RowFactory.create(1L, "l", null),
        RowFactory.create(5L, "r", 9)), union.collectAsList());
    assertEquals(List.of(RowFactory.create(0L, "l"), RowFactory.create(1L, "l"), RowFactory.create(5L, "r")),
        left.unionByName(right.select("B", "A")).collectAsList());
  }

  @Test
  void distinctAndDropDuplicatesKeepTheFirstRowPerKeyInInputOrder() throws IOException {
    SparkSession spark = session();
    Dataset<Row> rows = numbers(spark, "rows", 0, 200);
    assertEquals(List.of(RowFactory.create(0L), RowFactory.create(1L), RowFactory.create(2L)),
        rows.select("k").distinct().orderBy("k").collectAsList());
    assertEquals(List.of(RowFactory.create(0L, 0L), RowFactory.create(1L, 1L), RowFactory.create(2L, 2L)),
        rows.dropDuplicates("k").orderBy("k").collectAsList());
    // Keys of the right side of a union come after every left row.
    Dataset<Row> later = numbers(spark, "later", 1000, 1005).select(lit(3L).as("k"), col("v"));
    assertEquals(RowFactory.create(3L, 1000L),
        later.union(rows).dropDuplicates(new String[] {"K"}).orderBy("k").collectAsList().get(3));
    assertEquals(200L, rows.dropDuplicates().count());
    AnalysisException unknown = assertThrows(AnalysisException.class, () -> rows.dropDuplicates("x"));
    assertEquals("UNRESOLVED_COLUMN_AMONG_FIELD_NAMES", unknown.getCondition());
  }
}
