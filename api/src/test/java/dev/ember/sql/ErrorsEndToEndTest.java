package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors through the public API, with the conditions and texts Spark 4.2 gave for the same calls
 * (observed by running them on Spark 4.2.0 local[2]).
 */
class ErrorsEndToEndTest {
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

  @Test
  void failFastNamesTheFileAndLineOfTheMalformedRecord() throws Exception {
    SparkSession spark = sessions.start("local[2]");
    String path = SessionsUnderTest.write(directory.resolve("bad.csv"), "id,name\n1,a\nx,b\n3,c\n");
    Dataset<Row> rows = spark.read().option("header", "true").option("mode", "FAILFAST")
        .schema("id INT, name STRING").csv(path);
    SparkException error = assertThrows(SparkException.class, rows::collectAsList);
    assertFailFast(error, Path.of(path), 3, "[null,b]");
  }

  @Test
  void failFastLineNumberIsRightBeyondTheFirstMorsel() throws Exception {
    SparkSession spark = sessions.start("local[3]", Map.of("spark.ember.files.splitBytes", "64"));
    StringBuilder data = new StringBuilder("id,name\n");
    for (int line = 2; line <= 500; line++) {
      data.append(line == 437 ? "oops" : Integer.toString(line)).append(",name").append(line).append('\n');
    }
    String path = SessionsUnderTest.write(directory.resolve("big.csv"), data.toString());
    Dataset<Row> rows = spark.read().option("header", "true").option("mode", "FAILFAST")
        .schema("id INT, name STRING").csv(path);
    SparkException error = assertThrows(SparkException.class, rows::collectAsList);
    assertFailFast(error, Path.of(path), 437, "[null,name437]");
    // The same file read permissively has every row, the bad one with a null id.
    Dataset<Row> permissive = spark.read().option("header", "true").schema("id INT, name STRING").csv(path);
    assertEquals(499, permissive.count());
    assertEquals(1, permissive.filter(col("id").isNull()).count());
  }

  /** Spark: FAILED_READ_FILE.NO_HINT naming the file, caused by MALFORMED_RECORD_IN_PARSING. */
  private static void assertFailFast(SparkException error, Path file, int line, String badRecord) {
    assertEquals("FAILED_READ_FILE.NO_HINT", error.getCondition());
    String message = error.getMessage();
    assertTrue(message.startsWith("[FAILED_READ_FILE.NO_HINT] Encountered error while reading file "
        + file.toAbsolutePath().toUri() + ".  SQLSTATE: KD001"), message);
    assertTrue(message.contains("line " + line + "."), message);
    SparkException cause = assertInstanceOf(SparkException.class, error.getCause());
    assertEquals("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", cause.getCondition());
    assertEquals(badRecord, cause.getMessageParameters().get("badRecord"));
    assertTrue(cause.getMessage().startsWith("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are"
        + " detected in record parsing: " + badRecord + ".\nParse Mode: FAILFAST. To process malformed records as null"
        + " result, try setting the option 'mode' as 'PERMISSIVE'.  SQLSTATE: 22023"), cause.getMessage());
    assertTrue(cause.getMessage().contains(file.getFileName() + ", line " + line + "."), cause.getMessage());
  }

  /** Each unknown name fails when its Dataset (or grouping) is made, before any action, as in Spark. */
  @Test
  void unknownColumnsFailAtDatasetCreationWithSuggestions() {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> people = SessionsUnderTest.readPeople(spark, this.people);
    assertUnresolved(() -> people.select("agee"), "agee", "[`age`, `name`, `city`, `score`]");
    assertUnresolved(() -> people.filter(col("nme").equalTo("x")), "nme", "[`name`, `age`, `city`, `score`]");
    assertUnresolved(() -> people.orderBy("x"), "x", "[`age`, `city`, `name`, `score`]");
    // Spark resolves groupBy's string names at once and lists every column, in schema order.
    assertUnresolved(() -> people.groupBy("cty"), "cty", "[`name`, `age`, `city`, `score`]");
    assertUnresolved(() -> people.col("cty"), "cty", "[`name`, `age`, `city`, `score`]");
    // groupBy(Column) is resolved by the aggregation that follows, with ranked suggestions.
    RelationalGroupedDataset byColumn = people.groupBy(col("cty"));
    assertUnresolved(byColumn::count, "cty", "[`city`, `age`, `name`, `score`]");
  }

  private static void assertUnresolved(Supplier<?> operation, String name, String suggestions) {
    AnalysisException error = assertThrows(AnalysisException.class, operation::get);
    assertEquals("UNRESOLVED_COLUMN.WITH_SUGGESTION", error.getCondition());
    assertEquals(suggestions, "[" + error.getMessageParameters().get("proposal") + "]");
    assertTrue(error.getMessage().startsWith("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function"
        + " parameter with name `" + name + "` cannot be resolved. Did you mean one of the following? " + suggestions
        + ". SQLSTATE: 42703"), error.getMessage());
  }

  @Test
  void namesAreCaseInsensitiveUnlessCaseSensitiveIsSet() {
    SparkSession spark = sessions.start("local[1]");
    Dataset<Row> people = SessionsUnderTest.readPeople(spark, this.people);
    Dataset<Row> names = people.select("NAME").filter(col("Age").gt(40));
    // Spark names the column as the user spelled it.
    assertEquals("NAME", names.columns()[0]);
    assertEquals(List.of(RowFactory.create("Carol")), names.collectAsList());

    spark.conf().set("spark.sql.caseSensitive", "true");
    assertUnresolved(() -> people.select("NAME"), "NAME", "[`age`, `city`, `name`, `score`]");
    assertEquals(List.of(RowFactory.create("Alice")), people.select("name").limit(1).collectAsList());
  }

  @Test
  void ansiArithmeticErrorsAtRunTime() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> overflow = spark.range(1).select(lit(Long.MAX_VALUE).plus(col("id").plus(1)));
    SparkException overflowError = assertThrows(SparkException.class, overflow::collectAsList);
    assertEquals("ARITHMETIC_OVERFLOW", overflowError.getCondition());
    assertTrue(overflowError.getMessage().startsWith("[ARITHMETIC_OVERFLOW] overflow. Use 'try_add' to tolerate"
        + " overflow and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this"
        + " error. SQLSTATE: 22003"), overflowError.getMessage());

    Dataset<Row> divide = spark.range(3).select(lit(1).divide(col("id")));
    SparkException divideError = assertThrows(SparkException.class, divide::collectAsList);
    assertEquals("DIVIDE_BY_ZERO", divideError.getCondition());
    assertTrue(divideError.getMessage().startsWith("[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate"
        + " divisor being 0 and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to"
        + " bypass this error. SQLSTATE: 22012"), divideError.getMessage());

    Dataset<Row> remainder = spark.range(3).select(col("id").mod(lit(0)));
    assertEquals("REMAINDER_BY_ZERO", assertThrows(SparkException.class, remainder::collectAsList).getCondition());

    Dataset<Row> people = SessionsUnderTest.readPeople(spark, this.people);
    Dataset<Row> intOverflow = people.select(col("age").multiply(Integer.MAX_VALUE));
    assertEquals("ARITHMETIC_OVERFLOW", assertThrows(SparkException.class, intOverflow::collectAsList).getCondition());
  }

  @Test
  void withoutAnsiOverflowWrapsAndDivisionByZeroIsNull() {
    SparkSession spark = sessions.start("local[2]", Map.of("spark.sql.ansi.enabled", "false"));
    assertEquals(List.of(RowFactory.create(Long.MIN_VALUE)),
        spark.range(1).select(lit(Long.MAX_VALUE).plus(col("id").plus(1))).collectAsList());
    assertEquals(List.of(RowFactory.create((Object) null), RowFactory.create(1.0), RowFactory.create(0.5)),
        spark.range(3).select(lit(1).divide(col("id"))).collectAsList());
    assertEquals(List.of(RowFactory.create((Object) null), RowFactory.create((Object) null),
            RowFactory.create((Object) null)),
        spark.range(3).select(col("id").mod(lit(0))).collectAsList());
    // Spark 4.2 with ANSI off: 34 * Int.MaxValue wraps to -34 in int arithmetic.
    assertEquals(RowFactory.create(-34), SessionsUnderTest.readPeople(spark, people)
        .select(col("age").multiply(Integer.MAX_VALUE)).first());
  }

  @Test
  void castsOfNestedValuesAreRejectedAtAnalysisNamingTheCast() throws Exception {
    SparkSession spark = sessions.start("local[1]");
    AnalysisException asText = assertThrows(AnalysisException.class,
        () -> spark.range(1).selectExpr("cast(array(1, 2) AS string)"));
    assertEquals("EMBER_NOT_YET_SUPPORTED", asText.getCondition());
    assertTrue(asText.getMessage().contains("CAST(array(1, 2) AS STRING)"), asText.getMessage());
    AnalysisException elementWise = assertThrows(AnalysisException.class, () -> spark.range(1)
        .selectExpr("array(id) AS ids")
        .select(functions.col("ids").cast(new dev.ember.sql.types.ArrayType(dev.ember.sql.types.DataTypes.IntegerType,
            true))));
    assertEquals("EMBER_NOT_YET_SUPPORTED", elementWise.getCondition());
  }
}
