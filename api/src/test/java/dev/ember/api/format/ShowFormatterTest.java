package dev.ember.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.api.rows.SqlDateTimes;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every expected text below is what Spark 4.2's {@code Dataset.showString(numRows, truncate,
 * vertical)} returned for the same schema and rows (a DataFrame built with
 * {@code createDataFrame(List<Row>, schema)}), copied verbatim.
 */
class ShowFormatterTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static final StructType PEOPLE = StructType.fromDDL("name string, age int, score double");
  private static final List<Row> PEOPLE_ROWS = List.of(
      RowFactory.create("Alice", 30, 27.333333333333332),
      RowFactory.create("Bob", null, 1.0E10),
      RowFactory.create(null, 5, null));

  private static final StructType ALL_TYPES = StructType.fromDDL(
      "b boolean, y tinyint, s smallint, i int, l bigint, f float, d double, dec decimal(10,2), str string,"
          + " bin binary, dt date, ts timestamp, n void");
  private static final List<Row> ALL_TYPES_ROWS = List.of(
      RowFactory.create(true, (byte) -1, (short) 300, 7, 9000000000L, 1.1f, 0.1, new BigDecimal("12.50"), "x",
          new byte[] {0x4a, 0x6f, (byte) 0xff, 0}, date(2024, 1, 15), timestamp("2024-01-15T18:30:00Z"), null),
      RowFactory.create(false, (byte) 127, (short) -5, -7, -1L, -0.0f, -0.0, new BigDecimal("-0.05"), "",
          new byte[] {}, date(1970, 1, 1), timestamp("2024-07-01T00:00:00.123456Z"), null),
      RowFactory.create(null, null, null, null, null, null, null, null, null, null, null, null, null));

  private static final StructType STRING_SCHEMA = StructType.fromDDL("s string");
  private static final List<Row> STRING_ROWS = rowsOf(
      "line1\nline2", "a\tb", "cr\rlf", "bs\\x", "ff\fx", "bell\u0007x", "bsp\bx", "vt\u000Bx", "nul\0x",
      "  padded  ", "", "abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrst", "abcdefghijklmnopqrstu",
      "日本語テキスト", "日本語テキストとても長い文字列です", "😀 emoji",
      "a😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀z", "한국어", "ｱｲｳ half", "ＡＢＣ full", "e\u0301 combining");

  private static final StructType HEADER_SCHEMA =
      StructType.fromDDL("a_very_long_column_name_here int, x string, 名前 string");
  private static final List<Row> HEADER_ROWS = List.of(RowFactory.create(1, "a", "太郎"), RowFactory.create(22, null, "x"));

  private static String show(StructType schema, List<Row> rows, int numRows, int truncate, boolean vertical) {
    return show(schema, rows, numRows, truncate, vertical, UTC);
  }

  private static String show(
      StructType schema, List<Row> rows, int numRows, int truncate, boolean vertical, ZoneId zone) {
    return ShowFormatter.showString(schema, rows, numRows, truncate, vertical, zone);
  }

  private static Date date(int year, int month, int day) {
    return Date.valueOf(LocalDate.of(year, month, day));
  }

  private static Timestamp timestamp(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  private static List<Row> rowsOf(Object... singleValues) {
    List<Row> rows = new ArrayList<>();
    for (Object value : singleValues) {
      rows.add(RowFactory.create(value));
    }
    return rows;
  }

  @Test
  void rightAlignsCellsWhenTruncating() {
    assertEquals("""
        +-----+----+------------------+
        | name| age|             score|
        +-----+----+------------------+
        |Alice|  30|27.333333333333332|
        |  Bob|NULL|            1.0E10|
        | NULL|   5|              NULL|
        +-----+----+------------------+
        """, show(PEOPLE, PEOPLE_ROWS, 20, 20, false));
  }

  @Test
  void leftAlignsCellsWithoutTruncation() {
    assertEquals("""
        +-----+----+------------------+
        |name |age |score             |
        +-----+----+------------------+
        |Alice|30  |27.333333333333332|
        |Bob  |NULL|1.0E10            |
        |NULL |5   |NULL              |
        +-----+----+------------------+
        """, show(PEOPLE, PEOPLE_ROWS, 20, 0, false));
  }

  @Test
  void negativeTruncateActsAsNoTruncation() {
    StructType schema = StructType.fromDDL("name string, age int");
    List<Row> rows = List.of(RowFactory.create("Alice", 30), RowFactory.create("Bob", null));
    assertEquals("""
        +-----+----+
        |name |age |
        +-----+----+
        |Alice|30  |
        |Bob  |NULL|
        +-----+----+
        """, show(schema, rows, 20, -1, false));
    assertEquals("""
        -RECORD 0-----
         name | Alice\s
         age  | 30   \s
        -RECORD 1-----
         name | Bob  \s
         age  | NULL \s
        """, show(schema, rows, 20, -1, true));
  }

  @Test
  void footerCountsShownRowsInPlural() {
    assertEquals("""
        +-----+----+------------------+
        | name| age|             score|
        +-----+----+------------------+
        |Alice|  30|27.333333333333332|
        |  Bob|NULL|            1.0E10|
        +-----+----+------------------+
        only showing top 2 rows""", show(PEOPLE, PEOPLE_ROWS, 2, 20, false));
  }

  @Test
  void footerIsSingularForOneRowAndWidthsFollowShownRowsOnly() {
    assertEquals("""
        +-----+---+------------------+
        | name|age|             score|
        +-----+---+------------------+
        |Alice| 30|27.333333333333332|
        +-----+---+------------------+
        only showing top 1 row""", show(PEOPLE, PEOPLE_ROWS, 1, 20, false));
  }

  @Test
  void zeroOrNegativeRowCountShowsHeaderAndFooter() {
    String expected = """
        +----+---+-----+
        |name|age|score|
        +----+---+-----+
        +----+---+-----+
        only showing top 0 rows""";
    assertEquals(expected, show(PEOPLE, PEOPLE_ROWS, 0, 20, false));
    assertEquals(expected, show(PEOPLE, PEOPLE_ROWS, -1, 20, false));
  }

  @Test
  void noFooterWhenAllRowsFit() {
    assertEquals("""
        +-----+----+------------------+
        | name| age|             score|
        +-----+----+------------------+
        |Alice|  30|27.333333333333332|
        |  Bob|NULL|            1.0E10|
        | NULL|   5|              NULL|
        +-----+----+------------------+
        """, show(PEOPLE, PEOPLE_ROWS, 3, 20, false));
    assertEquals("""
        +-----+----+------------------+
        | name| age|             score|
        +-----+----+------------------+
        |Alice|  30|27.333333333333332|
        |  Bob|NULL|            1.0E10|
        | NULL|   5|              NULL|
        +-----+----+------------------+
        """, show(PEOPLE, PEOPLE_ROWS, 20, 20, false));
  }

  @Test
  void emptyResultShowsHeaderBetweenBorders() {
    String expected = """
        +----+---+-----+
        |name|age|score|
        +----+---+-----+
        +----+---+-----+
        """;
    assertEquals(expected, show(PEOPLE, List.of(), 20, 20, false));
    assertEquals(expected, show(PEOPLE, List.of(), 0, 20, false));
  }

  @Test
  void emptyResultInVerticalModeSaysZeroRows() {
    assertEquals("(0 rows)", show(PEOPLE, List.of(), 20, 20, true));
    // Spark prints no footer here even though rows were left out.
    assertEquals("(0 rows)", show(PEOPLE, PEOPLE_ROWS, 0, 20, true));
  }

  @Test
  void schemaWithoutColumns() {
    assertEquals("""
        ++
        ||
        ++
        ++
        """, show(new StructType(), List.of(), 20, 20, false));
    assertEquals("""
        ++
        ||
        ++
        ||
        ++
        """, show(new StructType(), List.of(RowFactory.create()), 20, 20, false));
    assertEquals("(0 rows)", show(new StructType(), List.of(), 20, 20, true));
  }

  @Test
  void verticalLayout() {
    String expected = """
        -RECORD 0-------------------
         name  | Alice             \s
         age   | 30                \s
         score | 27.333333333333332\s
        -RECORD 1-------------------
         name  | Bob               \s
         age   | NULL              \s
         score | 1.0E10            \s
        -RECORD 2-------------------
         name  | NULL              \s
         age   | 5                 \s
         score | NULL              \s
        """;
    assertEquals(expected, show(PEOPLE, PEOPLE_ROWS, 20, 20, true));
    // Vertical cells are left-aligned whatever the truncation.
    assertEquals(expected, show(PEOPLE, PEOPLE_ROWS, 20, 0, true));
  }

  @Test
  void verticalLayoutWithFooter() {
    assertEquals("""
        -RECORD 0-------------------
         name  | Alice             \s
         age   | 30                \s
         score | 27.333333333333332\s
        only showing top 1 row""", show(PEOPLE, PEOPLE_ROWS, 1, 20, true));
  }

  @Test
  void verticalLayoutTruncatesValuesBelowFourWithoutEllipsis() {
    assertEquals("""
        -RECORD 0----
         name  | Ali\s
         age   | 30 \s
         score | 27.\s
        -RECORD 1----
         name  | Bob\s
         age   | NUL\s
         score | 1.0\s
        -RECORD 2----
         name  | NUL\s
         age   | 5  \s
         score | NUL\s
        """, show(PEOPLE, PEOPLE_ROWS, 20, 3, true));
  }

  @Test
  void verticalRecordTitleLongerThanRecordIsNotPadded() {
    StructType schema = StructType.fromDDL("a int");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1002; i++) {
      rows.add(RowFactory.create(i % 10));
    }
    String text = show(schema, rows, 1001, 20, true);
    assertEquals(true, text.startsWith("-RECORD 0--\n a   | 0   \n-RECORD 1--\n"), text.substring(0, 40));
    assertEquals(true, text.endsWith("-RECORD 999\n a   | 9   \n-RECORD 1000\n a   | 0   \nonly showing top 1001 rows"));
  }

  @Test
  void everyTypeInSessionZoneUtc() {
    assertEquals("""
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        |    b|   y|   s|   i|         l|   f|   d|  dec| str|          bin|        dt|                  ts|   n|
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        | true|  -1| 300|   7|9000000000| 1.1| 0.1|12.50|   x|[4A 6F FF 00]|2024-01-15| 2024-01-15 18:30:00|NULL|
        |false| 127|  -5|  -7|        -1|-0.0|-0.0|-0.05|    |           []|1970-01-01|2024-07-01 00:00:...|NULL|
        | NULL|NULL|NULL|NULL|      NULL|NULL|NULL| NULL|NULL|         NULL|      NULL|                NULL|NULL|
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        """, show(ALL_TYPES, ALL_TYPES_ROWS, 20, 20, false));
  }

  @Test
  void everyTypeUntruncated() {
    assertEquals("""
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------------+----+
        |b    |y   |s   |i   |l         |f   |d   |dec  |str |bin          |dt        |ts                        |n   |
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------------+----+
        |true |-1  |300 |7   |9000000000|1.1 |0.1 |12.50|x   |[4A 6F FF 00]|2024-01-15|2024-01-15 18:30:00       |NULL|
        |false|127 |-5  |-7  |-1        |-0.0|-0.0|-0.05|    |[]           |1970-01-01|2024-07-01 00:00:00.123456|NULL|
        |NULL |NULL|NULL|NULL|NULL      |NULL|NULL|NULL |NULL|NULL         |NULL      |NULL                      |NULL|
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------------+----+
        """, show(ALL_TYPES, ALL_TYPES_ROWS, 20, 0, false));
  }

  @Test
  void everyTypeVertical() {
    assertEquals("""
        -RECORD 0-------------------
         b   | true                \s
         y   | -1                  \s
         s   | 300                 \s
         i   | 7                   \s
         l   | 9000000000          \s
         f   | 1.1                 \s
         d   | 0.1                 \s
         dec | 12.50               \s
         str | x                   \s
         bin | [4A 6F FF 00]       \s
         dt  | 2024-01-15          \s
         ts  | 2024-01-15 18:30:00 \s
         n   | NULL                \s
        -RECORD 1-------------------
         b   | false               \s
         y   | 127                 \s
         s   | -5                  \s
         i   | -7                  \s
         l   | -1                  \s
         f   | -0.0                \s
         d   | -0.0                \s
         dec | -0.05               \s
         str |                     \s
         bin | []                  \s
         dt  | 1970-01-01          \s
         ts  | 2024-07-01 00:00:...\s
         n   | NULL                \s
        -RECORD 2-------------------
         b   | NULL                \s
         y   | NULL                \s
         s   | NULL                \s
         i   | NULL                \s
         l   | NULL                \s
         f   | NULL                \s
         d   | NULL                \s
         dec | NULL                \s
         str | NULL                \s
         bin | NULL                \s
         dt  | NULL                \s
         ts  | NULL                \s
         n   | NULL                \s
        """, show(ALL_TYPES, ALL_TYPES_ROWS, 20, 20, true));
  }

  @Test
  void timestampsFollowTheSessionZone() {
    assertEquals("""
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        |    b|   y|   s|   i|         l|   f|   d|  dec| str|          bin|        dt|                  ts|   n|
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        | true|  -1| 300|   7|9000000000| 1.1| 0.1|12.50|   x|[4A 6F FF 00]|2024-01-15| 2024-01-15 10:30:00|NULL|
        |false| 127|  -5|  -7|        -1|-0.0|-0.0|-0.05|    |           []|1970-01-01|2024-06-30 17:00:...|NULL|
        | NULL|NULL|NULL|NULL|      NULL|NULL|NULL| NULL|NULL|         NULL|      NULL|                NULL|NULL|
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        """,
        show(ALL_TYPES, ALL_TYPES_ROWS, 20, 20, false, ZoneId.of("America/Los_Angeles")));
    assertEquals("""
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        |    b|   y|   s|   i|         l|   f|   d|  dec| str|          bin|        dt|                  ts|   n|
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        | true|  -1| 300|   7|9000000000| 1.1| 0.1|12.50|   x|[4A 6F FF 00]|2024-01-15| 2024-01-16 00:00:00|NULL|
        |false| 127|  -5|  -7|        -1|-0.0|-0.0|-0.05|    |           []|1970-01-01|2024-07-01 05:30:...|NULL|
        | NULL|NULL|NULL|NULL|      NULL|NULL|NULL| NULL|NULL|         NULL|      NULL|                NULL|NULL|
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        """,
        show(ALL_TYPES, ALL_TYPES_ROWS, 20, 20, false, ZoneId.of("Asia/Kolkata")));
  }

  @Test
  void doublesAndFloats() {
    StructType schema = StructType.fromDDL("d double, f float");
    List<Row> rows = List.of(
        RowFactory.create(27.333333333333332, 1.1f), RowFactory.create(1.0E10, 1.0E10f),
        RowFactory.create(1.0E7, 1.0E7f), RowFactory.create(1234567.0, 1234567.0f),
        RowFactory.create(9999999.0, 9999999.0f), RowFactory.create(0.001, 0.001f),
        RowFactory.create(1.0E-4, 1.0E-4f), RowFactory.create(Double.NaN, Float.NaN),
        RowFactory.create(Double.POSITIVE_INFINITY, Float.POSITIVE_INFINITY),
        RowFactory.create(Double.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY), RowFactory.create(-0.0, -0.0f),
        RowFactory.create(0.0, 0.0f), RowFactory.create(Double.MIN_VALUE, Float.MIN_VALUE),
        RowFactory.create(Double.MAX_VALUE, Float.MAX_VALUE), RowFactory.create(100.0, 100.0f),
        RowFactory.create(-1.5, -1.5f), RowFactory.create(1.0 / 3, 1.0f / 3), RowFactory.create(123456789012.5, 0.3f));
    assertEquals("""
        +----------------------+------------+
        |d                     |f           |
        +----------------------+------------+
        |27.333333333333332    |1.1         |
        |1.0E10                |1.0E10      |
        |1.0E7                 |1.0E7       |
        |1234567.0             |1234567.0   |
        |9999999.0             |9999999.0   |
        |0.001                 |0.001       |
        |1.0E-4                |1.0E-4      |
        |NaN                   |NaN         |
        |Infinity              |Infinity    |
        |-Infinity             |-Infinity   |
        |-0.0                  |-0.0        |
        |0.0                   |0.0         |
        |4.9E-324              |1.4E-45     |
        |1.7976931348623157E308|3.4028235E38|
        |100.0                 |100.0       |
        |-1.5                  |-1.5        |
        |0.3333333333333333    |0.33333334  |
        |1.234567890125E11     |0.3         |
        +----------------------+------------+
        """, show(schema, rows, 30, 0, false));
  }

  @Test
  void decimalsInPlainNotationWithTheColumnScale() {
    StructType schema = StructType.fromDDL(
        "a decimal(10,8), b decimal(38,18), c decimal(5,0), d decimal(3,3), e decimal(38,0)");
    List<Row> rows = List.of(
        RowFactory.create(new BigDecimal("0.00000001"), new BigDecimal("1"), new BigDecimal("12345"),
            new BigDecimal("0.001"), new BigDecimal("12345678901234567890123456789012345678")),
        RowFactory.create(new BigDecimal("-12.5"), new BigDecimal("-0.000000000000000001"), new BigDecimal("-99999"),
            new BigDecimal("-0.999"), new BigDecimal("-1")),
        RowFactory.create(new BigDecimal("0"), new BigDecimal("0"), new BigDecimal("0"), new BigDecimal("0"),
            new BigDecimal("0")));
    assertEquals("""
        +------------+---------------------+------+------+--------------------------------------+
        |a           |b                    |c     |d     |e                                     |
        +------------+---------------------+------+------+--------------------------------------+
        |0.00000001  |1.000000000000000000 |12345 |0.001 |12345678901234567890123456789012345678|
        |-12.50000000|-0.000000000000000001|-99999|-0.999|-1                                    |
        |0.00000000  |0.000000000000000000 |0     |0.000 |0                                     |
        +------------+---------------------+------+------+--------------------------------------+
        """, show(schema, rows, 20, 0, false));
  }

  @Test
  void wideDecimals() {
    StructType schema = StructType.fromDDL("a decimal(38,0), b decimal(38,37), c decimal(1,0)");
    List<Row> rows = List.of(RowFactory.create(
        new BigDecimal("100000000000000000000"), new BigDecimal("0.1000000000000000000000000000000000000"),
        new BigDecimal("-1")));
    assertEquals("""
        +---------------------+---------------------------------------+---+
        |a                    |b                                      |c  |
        +---------------------+---------------------------------------+---+
        |100000000000000000000|0.1000000000000000000000000000000000000|-1 |
        +---------------------+---------------------------------------+---+
        """, show(schema, rows, 20, 0, false));
  }

  @Test
  void timestampFractionsDropTrailingZerosAndDatesKeepTheirFields() {
    StructType schema = StructType.fromDDL("ts timestamp, dt date");
    List<Row> rows = List.of(
        RowFactory.create(timestamp("2024-01-15T10:30:00Z"), date(2024, 2, 29)),
        RowFactory.create(timestamp("2024-01-15T10:30:00.1Z"), date(1, 1, 1)),
        RowFactory.create(timestamp("2024-01-15T10:30:00.120Z"), date(1500, 6, 15)),
        RowFactory.create(timestamp("2024-01-15T10:30:00.000001Z"), date(9999, 12, 31)),
        RowFactory.create(timestamp("1969-12-31T23:59:59.999999Z"), date(1969, 12, 31)),
        RowFactory.create(timestamp("2024-03-10T10:30:00Z"), date(1582, 10, 15)),
        RowFactory.create(timestamp("1900-01-01T00:00:00Z"), date(1582, 10, 4)));
    assertEquals("""
        +--------------------------+----------+
        |ts                        |dt        |
        +--------------------------+----------+
        |2024-01-15 10:30:00       |2024-02-29|
        |2024-01-15 10:30:00.1     |0001-01-01|
        |2024-01-15 10:30:00.12    |1500-06-15|
        |2024-01-15 10:30:00.000001|9999-12-31|
        |1969-12-31 23:59:59.999999|1969-12-31|
        |2024-03-10 10:30:00       |1582-10-15|
        |1900-01-01 00:00:00       |1582-10-04|
        +--------------------------+----------+
        """, show(schema, rows, 20, 0, false));
  }

  /**
   * 1800 in Los Angeles is in local mean time (-07:52:58). Expected text from Spark running in a JVM
   * whose default zone is UTC; in a JVM in America/New_York Spark shifts this pre-1883 instant by
   * 3:58 while reading the java.sql.Timestamp (its calendar rebasing), which Ember does not copy.
   */
  @Test
  void timestampsUseHistoricalOffsetsOfTheSessionZone() {
    StructType schema = StructType.fromDDL("ts timestamp");
    List<Row> rows = rowsOf(timestamp("2024-01-15T10:30:00Z"), timestamp("2024-03-10T10:30:00Z"),
        timestamp("2024-07-01T00:00:00.5Z"), timestamp("1800-01-01T00:00:00Z"), timestamp("1883-11-18T20:00:00Z"));
    assertEquals("""
        +---------------------+
        |ts                   |
        +---------------------+
        |2024-01-15 02:30:00  |
        |2024-03-10 03:30:00  |
        |2024-06-30 17:00:00.5|
        |1799-12-31 16:07:02  |
        |1883-11-18 12:00:00  |
        +---------------------+
        """,
        show(schema, rows, 20, 0, false, ZoneId.of("America/Los_Angeles")));
  }

  @Test
  void yearsOutsideFourDigitsCarryASign() {
    // Spark's values for date'10000-01-01', date'0000-01-01', date'-0044-03-15', timestamp'10000-01-01
    // 00:00:00', timestamp'-0044-03-15 12:00:00.5' and date'1582-10-10', passed through the java.sql
    // values Spark would collect.
    StructType schema = StructType.fromDDL("a date, b date, c date, d timestamp, e timestamp, f date");
    List<Row> rows = List.of(RowFactory.create(
        sqlDate(LocalDate.of(10000, 1, 1)), sqlDate(LocalDate.of(0, 1, 1)), sqlDate(LocalDate.of(-44, 3, 15)),
        SqlDateTimes.toSqlTimestamp(micros("+10000-01-01T00:00:00Z")),
        SqlDateTimes.toSqlTimestamp(micros("-0044-03-15T12:00:00.5Z")),
        sqlDate(LocalDate.of(1582, 10, 10))));
    String expected = """
        +------------+----------+-----------+---------------------+----------------------+----------+
        |a           |b         |c          |d                    |e                     |f         |
        +------------+----------+-----------+---------------------+----------------------+----------+
        |+10000-01-01|0000-01-01|-0044-03-15|+10000-01-01 00:00:00|-0044-03-15 12:00:00.5|1582-10-10|
        +------------+----------+-----------+---------------------+----------------------+----------+
        """;
    // Spark shows the date it holds, 1582-10-10; collected through java.sql.Date it becomes the first
    // Gregorian day, as the Spark probe's collected row also showed.
    assertEquals(expected.replace("|1582-10-10|", "|1582-10-15|"), show(schema, rows, 20, 0, false));
  }

  private static Date sqlDate(LocalDate date) {
    return SqlDateTimes.toSqlDate(Math.toIntExact(date.toEpochDay()));
  }

  private static long micros(String instant) {
    Instant parsed = Instant.parse(instant);
    return Math.addExact(Math.multiplyExact(parsed.getEpochSecond(), 1_000_000L), parsed.getNano() / 1_000);
  }

  @Test
  void stringsAreEscapedTruncatedAndMeasuredInHalfWidthColumns() {
    assertEquals("""
        +----------------------------------+
        |                                 s|
        +----------------------------------+
        |                      line1\\nline2|
        |                              a\\tb|
        |                            cr\\rlf|
        |                              bs\\x|
        |                             ff\\fx|
        |                           bell\\ax|
        |                            bsp\\bx|
        |                             vt\\vx|
        |                             nul\0x|
        |                          padded  |
        |                                  |
        |              abcdefghijklmnopq...|
        |              abcdefghijklmnopqrst|
        |              abcdefghijklmnopq...|
        |                    日本語テキスト|
        |日本語テキストとても長い文字列です|
        |                          😀 emoji|
        |              a😀😀😀😀😀😀😀😀...|
        |                            한국어|
        |                          ｱｲｳ half|
        |                       ＡＢＣ full|
        |                      é combining|
        +----------------------------------+
        """, show(STRING_SCHEMA, STRING_ROWS, 30, 20, false));
  }

  @Test
  void stringsUntruncated() {
    assertEquals("""
        +------------------------------------------+
        |s                                         |
        +------------------------------------------+
        |line1\\nline2                              |
        |a\\tb                                      |
        |cr\\rlf                                    |
        |bs\\x                                      |
        |ff\\fx                                     |
        |bell\\ax                                   |
        |bsp\\bx                                    |
        |vt\\vx                                     |
        |nul\0x                                     |
        |  padded                                  |
        |                                          |
        |abcdefghijklmnopqrstuvwxyz                |
        |abcdefghijklmnopqrst                      |
        |abcdefghijklmnopqrstu                     |
        |日本語テキスト                            |
        |日本語テキストとても長い文字列です        |
        |😀 emoji                                  |
        |a😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀z|
        |한국어                                    |
        |ｱｲｳ half                                  |
        |ＡＢＣ full                               |
        |é combining                              |
        +------------------------------------------+
        """, show(STRING_SCHEMA, STRING_ROWS, 30, 0, false));
  }

  @Test
  void truncateBelowFourCutsWithoutEllipsis() {
    assertEquals("""
        +------+
        |     s|
        +------+
        |   lin|
        |   a\\t|
        |   cr\\|
        |   bs\\|
        |   ff\\|
        |   bel|
        |   bsp|
        |   vt\\|
        |   nul|
        |     p|
        |      |
        |   abc|
        |   abc|
        |   abc|
        |日本語|
        |日本語|
        |   😀 |
        |   a😀|
        |한국어|
        |   ｱｲｳ|
        |ＡＢＣ|
        |   é |
        +------+
        """, show(STRING_SCHEMA, STRING_ROWS, 30, 3, false));
    assertEquals("""
        +---+
        |  s|
        +---+
        |  l|
        |  a|
        |  c|
        |  b|
        |  f|
        |  b|
        |  b|
        |  v|
        |  n|
        |   |
        |   |
        |  a|
        |  a|
        |  a|
        | 日|
        | 日|
        |  \uD83D|
        |  a|
        | 한|
        |  ｱ|
        | Ａ|
        |  e|
        +---+
        """, show(STRING_SCHEMA, STRING_ROWS, 30, 1, false));
  }

  @Test
  void truncateOfFourKeepsOneUnitAndEllipsisEvenInsideASurrogatePair() {
    assertEquals("""
        +------+
        |     s|
        +------+
        |  l...|
        |  a\\tb|
        |  c...|
        |  bs\\x|
        |  f...|
        |  b...|
        |  b...|
        |  v...|
        |  n...|
        |   ...|
        |      |
        |  a...|
        |  a...|
        |  a...|
        | 日...|
        | 日...|
        |  \uD83D...|
        |  a...|
        |한국어|
        |  ｱ...|
        | Ａ...|
        |  e...|
        +------+
        """, show(STRING_SCHEMA, STRING_ROWS, 30, 4, false));
  }

  @Test
  void verticalStrings() {
    assertEquals("""
        -RECORD 0------
         s   | li...  \s
        -RECORD 1------
         s   | a\\tb   \s
        -RECORD 2------
         s   | cr...  \s
        -RECORD 3------
         s   | bs\\x   \s
        -RECORD 4------
         s   | ff\\fx  \s
        -RECORD 5------
         s   | be...  \s
        -RECORD 6------
         s   | bs...  \s
        -RECORD 7------
         s   | vt\\vx  \s
        -RECORD 8------
         s   | nul\0x  \s
        -RECORD 9------
         s   |   ...  \s
        -RECORD 10-----
         s   |        \s
        -RECORD 11-----
         s   | ab...  \s
        -RECORD 12-----
         s   | ab...  \s
        -RECORD 13-----
         s   | ab...  \s
        -RECORD 14-----
         s   | 日本...\s
        -RECORD 15-----
         s   | 日本...\s
        -RECORD 16-----
         s   | 😀...  \s
        -RECORD 17-----
         s   | a\uD83D...  \s
        -RECORD 18-----
         s   | 한국어 \s
        -RECORD 19-----
         s   | ｱｲ...  \s
        -RECORD 20-----
         s   | ＡＢ...\s
        -RECORD 21-----
         s   | é...  \s
        """, show(STRING_SCHEMA, STRING_ROWS, 30, 5, true));
    assertEquals("""
        -RECORD 0---------------------------------
         s   | line1\\nline2                      \s
        -RECORD 1---------------------------------
         s   | a\\tb                              \s
        -RECORD 2---------------------------------
         s   | cr\\rlf                            \s
        -RECORD 3---------------------------------
         s   | bs\\x                              \s
        -RECORD 4---------------------------------
         s   | ff\\fx                             \s
        -RECORD 5---------------------------------
         s   | bell\\ax                           \s
        -RECORD 6---------------------------------
         s   | bsp\\bx                            \s
        -RECORD 7---------------------------------
         s   | vt\\vx                             \s
        -RECORD 8---------------------------------
         s   | nul\0x                             \s
        -RECORD 9---------------------------------
         s   |   padded                          \s
        -RECORD 10--------------------------------
         s   |                                   \s
        -RECORD 11--------------------------------
         s   | abcdefghijklmnopq...              \s
        -RECORD 12--------------------------------
         s   | abcdefghijklmnopqrst              \s
        -RECORD 13--------------------------------
         s   | abcdefghijklmnopq...              \s
        -RECORD 14--------------------------------
         s   | 日本語テキスト                    \s
        -RECORD 15--------------------------------
         s   | 日本語テキストとても長い文字列です\s
        -RECORD 16--------------------------------
         s   | 😀 emoji                          \s
        -RECORD 17--------------------------------
         s   | a😀😀😀😀😀😀😀😀...              \s
        -RECORD 18--------------------------------
         s   | 한국어                            \s
        -RECORD 19--------------------------------
         s   | ｱｲｳ half                          \s
        -RECORD 20--------------------------------
         s   | ＡＢＣ full                       \s
        -RECORD 21--------------------------------
         s   | é combining                      \s
        """, show(STRING_SCHEMA, STRING_ROWS, 30, 20, true));
  }

  @Test
  void columnNamesAreNeverTruncated() {
    assertEquals("""
        +----------------------------+----+----+
        |a_very_long_column_name_here|   x|名前|
        +----------------------------+----+----+
        |                           1|   a|太郎|
        |                          22|NULL|   x|
        +----------------------------+----+----+
        """, show(HEADER_SCHEMA, HEADER_ROWS, 20, 20, false));
    assertEquals("""
        +----------------------------+----+----+
        |a_very_long_column_name_here|   x|名前|
        +----------------------------+----+----+
        |                           1|   a|太郎|
        |                          22|NULL|   x|
        +----------------------------+----+----+
        """, show(HEADER_SCHEMA, HEADER_ROWS, 20, 5, false));
    assertEquals("""
        +----------------------------+---+----+
        |a_very_long_column_name_here|  x|名前|
        +----------------------------+---+----+
        |                           1|  a|太郎|
        |                          22| NU|   x|
        +----------------------------+---+----+
        """, show(HEADER_SCHEMA, HEADER_ROWS, 20, 2, false));
    assertEquals("""
        +----------------------------+----+----+
        |a_very_long_column_name_here|x   |名前|
        +----------------------------+----+----+
        |1                           |a   |太郎|
        |22                          |NULL|x   |
        +----------------------------+----+----+
        """, show(HEADER_SCHEMA, HEADER_ROWS, 20, 0, false));
  }

  @Test
  void verticalColumnNamesPadByHalfWidthColumns() {
    assertEquals("""
        -RECORD 0----------------------------
         a_very_long_column_name_here | 1   \s
         x                            | a   \s
         名前                         | 太郎\s
        -RECORD 1----------------------------
         a_very_long_column_name_here | 22  \s
         x                            | NULL\s
         名前                         | x   \s
        """, show(HEADER_SCHEMA, HEADER_ROWS, 20, 5, true));
    assertEquals("""
        -RECORD 0----------------------------
         a_very_long_column_name_here | 1   \s
         x                            | a   \s
         名前                         | 太郎\s
        only showing top 1 row""", show(HEADER_SCHEMA, HEADER_ROWS, 1, 0, true));
  }

  @Test
  void columnsAreAtLeastThreeWide() {
    StructType schema = StructType.fromDDL("a int, bb string, c string");
    List<Row> rows = List.of(RowFactory.create(1, "x", ""));
    assertEquals("""
        +---+---+---+
        |  a| bb|  c|
        +---+---+---+
        |  1|  x|   |
        +---+---+---+
        """, show(schema, rows, 20, 20, false));
    assertEquals("""
        -RECORD 0--
         a   | 1  \s
         bb  | x  \s
         c   |    \s
        """, show(schema, rows, 20, 0, true));
  }

  @Test
  void blankColumnName() {
    StructType schema = new StructType().add("", dev.ember.sql.types.DataTypes.IntegerType);
    List<Row> rows = rowsOf(1);
    assertEquals("""
        +---+
        |   |
        +---+
        |  1|
        +---+
        """, show(schema, rows, 20, 20, false));
    assertEquals("""
        -RECORD 0--
             | 1  \s
        """, show(schema, rows, 20, 20, true));
  }

  @Test
  void columnNamesAreEscaped() {
    StructType schema = new StructType()
        .add("a\nb", dev.ember.sql.types.DataTypes.IntegerType)
        .add("日本", dev.ember.sql.types.DataTypes.IntegerType);
    assertEquals("""
        +----+----+
        |a\\nb|日本|
        +----+----+
        |   1|   2|
        +----+----+
        """, show(schema, List.of(RowFactory.create(1, 2)), 20, 20, false));
    StructType single = new StructType().add("a\nb", dev.ember.sql.types.DataTypes.IntegerType);
    assertEquals("""
        -RECORD 0---
         a\\nb | 1  \s
        """, show(single, rowsOf(1), 20, 20, true));
  }
}
