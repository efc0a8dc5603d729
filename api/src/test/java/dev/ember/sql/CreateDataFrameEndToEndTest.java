package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.SparkIllegalArgumentException;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code createDataFrame} from rows and from JavaBeans, and {@code emptyDataFrame}: the schemas, values,
 * {@code show()} text and errors Spark 4.2 gives for the same calls (checked by running Spark).
 */
class CreateDataFrameEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  private static final StructType EVERY_TYPE = new StructType().add("bo", DataTypes.BooleanType)
      .add("by", DataTypes.ByteType).add("sh", DataTypes.ShortType).add("i", DataTypes.IntegerType)
      .add("l", DataTypes.LongType).add("f", DataTypes.FloatType).add("d", DataTypes.DoubleType)
      .add("s", DataTypes.StringType).add("dec", DataTypes.createDecimalType(10, 2)).add("dt", DataTypes.DateType)
      .add("ts", DataTypes.TimestampType).add("ntz", DataTypes.TimestampNTZType)
      .add("dti", DataTypes.createDayTimeIntervalType()).add("ymi", DataTypes.createYearMonthIntervalType())
      .add("bin", DataTypes.BinaryType);

  private static List<Row> everyTypeRows() {
    return List.of(
        RowFactory.create(true, (byte) 1, (short) 2, 3, 4L, 1.5f, 2.5, "x", new BigDecimal("1.234"),
            Date.valueOf("2024-01-02"), Timestamp.valueOf("2024-01-02 03:04:05.123456"),
            LocalDateTime.of(2024, 1, 2, 3, 4, 5), Duration.ofSeconds(3661), Period.of(1, 2, 0), new byte[] {1, 2}),
        RowFactory.create(false, null, null, null, null, null, null, null, new BigDecimal("5"),
            LocalDate.of(2020, 2, 29), Instant.parse("2020-01-01T00:00:00Z"), null, null, Period.ofDays(40), null),
        RowFactory.create(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
  }

  @Test
  void rowsOfEveryTypeShowAndCollectAsInSpark() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> frame = spark.createDataFrame(everyTypeRows(), EVERY_TYPE);
    assertEquals(EVERY_TYPE, frame.schema());
    // Spark 4.2's show() of the same rows (session zone UTC).
    assertEquals("""
        +-----+----+----+----+----+----+----+----+----+----------+--------------------+-------------------+--------------------+--------------------+-------+
        |   bo|  by|  sh|   i|   l|   f|   d|   s| dec|        dt|                  ts|                ntz|                 dti|                 ymi|    bin|
        +-----+----+----+----+----+----+----+----+----+----------+--------------------+-------------------+--------------------+--------------------+-------+
        | true|   1|   2|   3|   4| 1.5| 2.5|   x|1.23|2024-01-02|2024-01-02 03:04:...|2024-01-02 03:04:05|INTERVAL '0 01:01...|INTERVAL '1-2' YE...|[01 02]|
        |false|NULL|NULL|NULL|NULL|NULL|NULL|NULL|5.00|2020-02-29| 2020-01-01 00:00:00|               NULL|                NULL|INTERVAL '0-0' YE...|   NULL|
        | NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|      NULL|                NULL|               NULL|                NULL|                NULL|   NULL|
        +-----+----+----+----+----+----+----+----+----+----------+--------------------+-------------------+--------------------+--------------------+-------+
        """, frame.showString(20, 20, false));
    List<Row> rows = frame.collectAsList();
    Row first = rows.get(0);
    assertEquals("[true,1,2,3,4,1.5,2.5,x,1.23,2024-01-02,2024-01-02 03:04:05.123456,2024-01-02T03:04:05,PT1H1M1S,P1Y2M,",
        first.toString().substring(0, first.toString().lastIndexOf(',') + 1));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) first.get(14));
    assertEquals(new BigDecimal("1.23"), first.getDecimal(8));
    assertEquals(Date.valueOf("2024-01-02"), first.getDate(9));
    assertEquals(Timestamp.valueOf("2024-01-02 03:04:05.123456"), first.getTimestamp(10));
    assertEquals("[false,null,null,null,null,null,null,null,5.00,2020-02-29,2020-01-01 00:00:00.0,null,null,P0D,null]",
        rows.get(1).toString());
    assertTrue(rows.get(2).anyNull());
    assertEquals(List.of(RowFactory.create(4, "X")),
        frame.filter("i IS NOT NULL").selectExpr("i + 1", "upper(s)").collectAsList());
  }

  @Test
  void nestedValuesComeFromJavaListsArraysMapsAndRows() {
    SparkSession spark = sessions.start("local[1]");
    StructType nested = new StructType().add("arr", DataTypes.createArrayType(DataTypes.IntegerType))
        .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
        .add("st", new StructType().add("a", DataTypes.IntegerType)
            .add("b", DataTypes.createArrayType(DataTypes.StringType)));
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("k1", 1L);
    map.put("k2", null);
    Dataset<Row> frame = spark.createDataFrame(List.of(
        RowFactory.create(List.of(1, 2), map, RowFactory.create(1, List.of("p", "q"))),
        RowFactory.create(new Integer[] {3, null}, null, RowFactory.create(null, new String[] {"r"})),
        RowFactory.create(new int[] {4}, Map.of(), null),
        RowFactory.create(scala.jdk.javaapi.CollectionConverters.asScala(List.of(5)).toSeq(), null, null)), nested);
    assertEquals(nested, frame.schema());
    assertEquals("""
        +---------+--------------------+-----------+
        |      arr|                   m|         st|
        +---------+--------------------+-----------+
        |   [1, 2]|{k1 -> 1, k2 -> N...|{1, [p, q]}|
        |[3, NULL]|                NULL|{NULL, [r]}|
        |      [4]|                  {}|       NULL|
        |      [5]|                NULL|       NULL|
        +---------+--------------------+-----------+
        """, frame.showString(20, 20, false));
    assertEquals("[ArraySeq(1, 2),Map(k1 -> 1, k2 -> null),[1,ArraySeq(p, q)]]",
        frame.collectAsList().get(0).toString());
    assertEquals(List.of(RowFactory.create(2, 2)),
        frame.selectExpr("size(arr)", "size(m)").limit(1).collectAsList());
  }

  @Test
  void wrongValueTypesFailTheActionWithSparksMessage() {
    SparkSession spark = sessions.start("local[1]");
    StructType schema = new StructType().add("i", DataTypes.IntegerType).add("s", DataTypes.StringType);
    // Spark checks when an action runs; building the DataFrame succeeds.
    Dataset<Row> longForInt = spark.createDataFrame(List.of(RowFactory.create(1, "a"), RowFactory.create(2L, "b")), schema);
    SparkIllegalArgumentException wrong = assertThrows(SparkIllegalArgumentException.class, longForInt::collectAsList);
    assertEquals("_LEGACY_ERROR_TEMP_3219", wrong.getCondition());
    assertEquals("The value (2) of the type (java.lang.Long) cannot be converted to the INT type. (row 1, column i)",
        wrong.getMessage());
    assertEquals(Map.of("other", "2", "otherClass", "java.lang.Long", "dataType", "INT"), wrong.getMessageParameters());
    // The failure is not remembered as data: the next action fails the same way.
    assertThrows(SparkIllegalArgumentException.class, longForInt::count);

    assertEquals("The value (2) of the type (java.lang.Integer) cannot be converted to the STRING type. (row 0, column s)",
        assertThrows(SparkIllegalArgumentException.class,
            () -> spark.createDataFrame(List.of(RowFactory.create(1, 2)), schema).collectAsList()).getMessage());
    assertEquals(List.of(RowFactory.create(1, "c")),
        spark.createDataFrame(List.of(RowFactory.create(1, 'c')), schema).collectAsList());

    StructType nested = new StructType().add("arr", DataTypes.createArrayType(DataTypes.IntegerType))
        .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
        .add("st", new StructType().add("a", DataTypes.IntegerType));
    assertEquals("The value ([1]) of the type (java.util.ImmutableCollections.List12) cannot be converted to a map"
        + " type with key type (string) and value type (bigint) (row 0, column m)",
        assertThrows(SparkIllegalArgumentException.class, () -> spark.createDataFrame(
            List.of(RowFactory.create(null, List.of(1), null)), nested).collectAsList()).getMessage());
    assertEquals("The value (zz) of the type (java.lang.String) cannot be converted to an array of int (row 0, column arr)",
        assertThrows(SparkIllegalArgumentException.class, () -> spark.createDataFrame(
            List.of(RowFactory.create("zz", null, null)), nested).collectAsList()).getMessage());
    assertEquals("The value (x) of the type (java.lang.String) cannot be converted to the INT type. (row 0, column arr)",
        assertThrows(SparkIllegalArgumentException.class, () -> spark.createDataFrame(
            List.of(RowFactory.create(List.of("x"), null, null)), nested).collectAsList()).getMessage());
    assertEquals("The value ([1]) of the type (java.util.ImmutableCollections.List12) cannot be converted to the"
        + " struct<a:int> type. (row 0, column st)",
        assertThrows(SparkIllegalArgumentException.class, () -> spark.createDataFrame(
            List.of(RowFactory.create(null, null, List.of(1))), nested).collectAsList()).getMessage());
    Map<String, Long> nullKey = new java.util.HashMap<>();
    nullKey.put(null, 1L);
    assertEquals("NULL_MAP_KEY", assertThrows(SparkException.class, () -> spark.createDataFrame(
        List.of(RowFactory.create(null, nullKey, null)), nested).collectAsList()).getCondition());
    SparkIllegalArgumentException arity = assertThrows(SparkIllegalArgumentException.class,
        () -> spark.createDataFrame(List.of(RowFactory.create(1)), schema).collectAsList());
    assertEquals("Row 0 ([1]) has 1 values but the schema struct<i:int,s:string> has 2 fields.", arity.getMessage());
  }

  @Test
  void decimalsRoundHalfUpAndFailWhenTooWide() {
    SparkSession spark = sessions.start("local[1]");
    StructType schema = new StructType().add("d", DataTypes.createDecimalType(5, 2));
    assertEquals(List.of(RowFactory.create(new BigDecimal("1.01")), RowFactory.create(new BigDecimal("-1.01")),
        RowFactory.create(new BigDecimal("7.00"))), spark.createDataFrame(List.of(RowFactory.create(new BigDecimal("1.005")),
            RowFactory.create(new BigDecimal("-1.005")), RowFactory.create(java.math.BigInteger.valueOf(7))), schema)
        .collectAsList());
    SparkException overflow = assertThrows(SparkException.class, () -> spark.createDataFrame(
        List.of(RowFactory.create(new BigDecimal("123456789.5"))), schema).collectAsList());
    assertEquals("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", overflow.getCondition());
    assertTrue(overflow.getMessage().endsWith("123456789.5 cannot be represented as Decimal(5, 2). If necessary set \"spark.sql.ansi.enabled\" to"
        + " \"false\" to bypass this error, and return NULL instead. (row 0, column d) SQLSTATE: 22003"),
        overflow.getMessage());
    assertEquals("The value (5) of the type (java.lang.Integer) cannot be converted to the decimal(5,2) type. (row 0, column d)",
        assertThrows(SparkIllegalArgumentException.class, () -> spark.createDataFrame(
            List.of(RowFactory.create(5)), schema).collectAsList()).getMessage());
  }

  /** Spark keeps such nulls and shows 0 for an int, then fails inside collect; Ember refuses them clearly. */
  @Test
  void nullsInNonNullableFieldsFailTheAction() {
    SparkSession spark = sessions.start("local[1]");
    StructType schema = new StructType().add("i", DataTypes.IntegerType, false).add("s", DataTypes.StringType, true);
    Dataset<Row> frame = spark.createDataFrame(Arrays.asList(RowFactory.create(1, null), RowFactory.create(null, "b")), schema);
    assertFalse(frame.schema().apply("i").nullable());
    SparkException error = assertThrows(SparkException.class, frame::collectAsList);
    assertEquals("NOT_NULL_ASSERT_VIOLATION", error.getCondition());
    assertTrue(error.getMessage().contains("non-nullable field i (row 1)"), error.getMessage());
    StructType nested = new StructType().add("st", new StructType().add("a", DataTypes.IntegerType, false));
    assertTrue(assertThrows(SparkException.class, () -> spark.createDataFrame(
        List.of(RowFactory.create(RowFactory.create((Object) null))), nested).collectAsList()).getMessage()
        .contains("non-nullable field a"));
  }

  @Test
  void emptyDataFramesHaveTheirSchemaAndNoRows() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> empty = spark.emptyDataFrame();
    assertEquals(0, empty.columns().length);
    assertEquals(0, empty.count());
    assertEquals("++\n||\n++\n++\n", empty.showString(20, 20, false));
    StructType schema = new StructType().add("i", DataTypes.IntegerType).add("s", DataTypes.StringType);
    Dataset<Row> noRows = spark.createDataFrame(new ArrayList<>(), schema);
    assertEquals(schema, noRows.schema());
    assertEquals(0, noRows.count());
    assertEquals("+---+---+\n|  i|  s|\n+---+---+\n+---+---+\n", noRows.showString(20, 20, false));
  }

  @Test
  void laterChangesToTheListDoNotShow() {
    SparkSession spark = sessions.start("local[1]");
    List<Row> rows = new ArrayList<>(List.of(RowFactory.create(1)));
    Dataset<Row> frame = spark.createDataFrame(rows, new StructType().add("i", DataTypes.IntegerType));
    rows.add(RowFactory.create(2));
    assertEquals(1, frame.count());
  }

  /** A million rows convert once, in linear time, and serve every later query from the same batches. */
  @Test
  void aMillionRowsAreConvertedOnceAndFreedAtStop() {
    SparkSession spark = sessions.start("local[2]");
    List<Row> rows = new ArrayList<>(1_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      rows.add(RowFactory.create(i, i % 2 == 0 ? "even" : "odd"));
    }
    Dataset<Row> frame = spark.createDataFrame(rows, new StructType().add("i", DataTypes.IntegerType).add("s", DataTypes.StringType));
    long started = System.nanoTime();
    assertEquals(1_000_000, frame.count());
    assertTrue(System.nanoTime() - started < 30_000_000_000L, "converting a million rows took too long");
    long held = spark.engine().localData().allocatedBytes();
    assertTrue(held > 1_000_000 * 4, "the batches live in the session's local data: " + held);
    assertEquals(List.of(RowFactory.create("even", 500_000L), RowFactory.create("odd", 500_000L)),
        frame.groupBy("s").count().orderBy("s").collectAsList());
    assertEquals(499_999_500_000L, frame.selectExpr("sum(i)").collectAsList().get(0).getLong(0));
    assertEquals(held, spark.engine().localData().allocatedBytes(), "later queries reuse the batches");
    // stopAll requires stopping not to throw: a buffer still held would fail it.
  }

  @Test
  void batchesAreFreedOnceNoDatasetRefersToThem() throws InterruptedException {
    SparkSession spark = sessions.start("local[1]");
    queryOnce(spark);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (spark.engine().localData().allocatedBytes() > 0 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
    assertEquals(0, spark.engine().localData().allocatedBytes());
  }

  private static void queryOnce(SparkSession spark) {
    Dataset<Row> frame = spark.createDataFrame(List.of(RowFactory.create(1, "a")),
        new StructType().add("i", DataTypes.IntegerType).add("s", DataTypes.StringType));
    assertEquals(1, frame.count());
    assertTrue(spark.engine().localData().allocatedBytes() > 0);
  }

  @Test
  void aStoppedSessionRefusesNewDataFrames() {
    SparkSession spark = sessions.start("local[1]");
    spark.stop();
    assertThrows(IllegalStateException.class, spark::emptyDataFrame);
  }
}
