package dev.ember.api.rows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ember.api.format.ShowFormatter;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchRowsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final StructType ALL_TYPES = StructType.fromDDL(
      "b boolean, y tinyint, s smallint, i int, l bigint, f float, d double, dec decimal(10,2), str string,"
          + " bin binary, dt date, ts timestamp, n void");

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** The rows of Spark's probe: one of values, one of edge values, one of NULLs. */
  private ColumnBatch allTypesBatch() {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(ALL_TYPES, allocator, 3);
    ((BitVector) vectors.get(0)).setSafe(0, 1);
    ((BitVector) vectors.get(0)).setSafe(1, 0);
    ((TinyIntVector) vectors.get(1)).setSafe(0, -1);
    ((TinyIntVector) vectors.get(1)).setSafe(1, 127);
    ((SmallIntVector) vectors.get(2)).setSafe(0, 300);
    ((SmallIntVector) vectors.get(2)).setSafe(1, -5);
    ((IntVector) vectors.get(3)).setSafe(0, 7);
    ((IntVector) vectors.get(3)).setSafe(1, -7);
    ((BigIntVector) vectors.get(4)).setSafe(0, 9000000000L);
    ((BigIntVector) vectors.get(4)).setSafe(1, -1L);
    ((Float4Vector) vectors.get(5)).setSafe(0, 1.1f);
    ((Float4Vector) vectors.get(5)).setSafe(1, -0.0f);
    ((Float8Vector) vectors.get(6)).setSafe(0, 0.1);
    ((Float8Vector) vectors.get(6)).setSafe(1, -0.0);
    ((DecimalVector) vectors.get(7)).setSafe(0, new BigDecimal("12.50"));
    ((DecimalVector) vectors.get(7)).setSafe(1, new BigDecimal("-0.05"));
    ((VarCharVector) vectors.get(8)).setSafe(0, "x".getBytes(StandardCharsets.UTF_8));
    ((VarCharVector) vectors.get(8)).setSafe(1, new byte[0]);
    ((VarBinaryVector) vectors.get(9)).setSafe(0, new byte[] {0x4a, 0x6f, (byte) 0xff, 0});
    ((VarBinaryVector) vectors.get(9)).setSafe(1, new byte[0]);
    ((DateDayVector) vectors.get(10)).setSafe(0, (int) LocalDate.of(2024, 1, 15).toEpochDay());
    ((DateDayVector) vectors.get(10)).setSafe(1, 0);
    ((TimeStampMicroTZVector) vectors.get(11)).setSafe(0, micros("2024-01-15T18:30:00Z"));
    ((TimeStampMicroTZVector) vectors.get(11)).setSafe(1, micros("2024-07-01T00:00:00.123456Z"));
    for (int column = 0; column < 12; column++) {
      vectors.get(column).setNull(2);
    }
    vectors.forEach(vector -> vector.setValueCount(3));
    return new ColumnBatch(ALL_TYPES, vectors, 3);
  }

  private static long micros(String instant) {
    Instant parsed = Instant.parse(instant);
    return parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1_000;
  }

  @Test
  void convertsArrowValuesToSparksJavaTypes() {
    try (ColumnBatch batch = allTypesBatch()) {
      List<Row> rows = BatchRows.toRows(batch, UTC);
      assertEquals(3, rows.size());
      Row row = rows.get(0);
      assertEquals(ALL_TYPES, row.schema());
      assertEquals(Boolean.TRUE, row.get(0));
      assertEquals(Byte.valueOf((byte) -1), row.get(1));
      assertEquals(Short.valueOf((short) 300), row.get(2));
      assertEquals(Integer.valueOf(7), row.get(3));
      assertEquals(Long.valueOf(9000000000L), row.get(4));
      assertEquals(Float.valueOf(1.1f), row.get(5));
      assertEquals(Double.valueOf(0.1), row.get(6));
      assertEquals(new BigDecimal("12.50"), row.getDecimal(7));
      assertEquals(2, row.getDecimal(7).scale());
      assertEquals("x", row.getString(8));
      assertArrayEquals(new byte[] {0x4a, 0x6f, (byte) 0xff, 0}, (byte[]) row.get(9));
      assertEquals(Date.valueOf(LocalDate.of(2024, 1, 15)), row.getDate(10));
      assertEquals(Timestamp.from(Instant.parse("2024-01-15T18:30:00Z")), row.getTimestamp(11));
      assertNull(row.get(12));
      assertEquals(123456000, rows.get(1).getTimestamp(11).getNanos());
      assertEquals("", rows.get(1).getString(8));
      for (int column = 0; column < ALL_TYPES.length(); column++) {
        assertNull(rows.get(2).get(column), "column " + column);
      }
    }
  }

  @Test
  void decimalsBeyondALongKeepEveryDigitAndTheirScale() {
    StructType schema = StructType.fromDDL("d decimal(38,6)");
    BigDecimal[] values = {new BigDecimal("9223372036854.775807"), new BigDecimal("-9223372036854.775808"),
        new BigDecimal("9223372036854.775808"), new BigDecimal("-99999999999999999999999999999999.999999"),
        new BigDecimal("0.000000")};
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, values.length);
    for (int row = 0; row < values.length; row++) {
      ((DecimalVector) vectors.get(0)).setSafe(row, values[row]);
    }
    vectors.get(0).setValueCount(values.length);
    try (ColumnBatch batch = new ColumnBatch(schema, vectors, values.length)) {
      List<Row> rows = BatchRows.toRows(batch, UTC);
      for (int row = 0; row < values.length; row++) {
        assertEquals(values[row], rows.get(row).getDecimal(0), "row " + row);
        assertEquals(6, rows.get(row).getDecimal(0).scale(), "row " + row);
      }
    }
  }

  @Test
  void rowsRenderAsSparkShowsThem() {
    try (ColumnBatch batch = allTypesBatch()) {
      List<Row> rows = BatchRows.toRows(batch, UTC);
      assertEquals(EXPECTED_SHOW, ShowFormatter.showString(ALL_TYPES, rows, 20, 20, false, UTC));
    }
  }

  @Test
  void appendsFromSeveralBatchesUpToALimit() {
    try (ColumnBatch first = allTypesBatch(); ColumnBatch second = allTypesBatch()) {
      List<Row> rows = new ArrayList<>();
      assertEquals(2, BatchRows.appendRows(first, UTC, rows, 2));
      assertEquals(3, BatchRows.appendRows(second, UTC, rows, 5));
      assertEquals(5, rows.size());
      assertEquals(rows.get(0), rows.get(2));
      assertEquals(6, BatchRows.toRows(List.of(first, second), UTC).size());
    }
  }

  @Test
  void emptyBatchGivesNoRows() {
    try (ColumnBatch batch = ColumnBatch.empty(ALL_TYPES, allocator)) {
      assertEquals(List.of(), BatchRows.toRows(batch, UTC));
    }
  }

  @Test
  void datesAndTimestampsBeforeTheGregorianSwitchKeepTheirFields() {
    // Spark collects timestamp'1500-06-15 12:00:00' (UTC) and date'1500-06-15' as java.sql values whose
    // fields read the same in the JVM zone; rendering them again gives back the original text.
    Date date = SqlDateTimes.toSqlDate((int) LocalDate.of(1500, 6, 15).toEpochDay());
    assertEquals(LocalDate.of(1500, 6, 15), SqlDateTimes.toLocalDate(date));
    Timestamp timestamp = SqlDateTimes.toSqlTimestamp(micros("1500-06-15T12:00:00Z"));
    assertEquals(Instant.parse("1500-06-15T12:00:00Z"), SqlDateTimes.toInstant(timestamp));
    assertEquals(LocalDate.of(-44, 3, 15),
        SqlDateTimes.toLocalDate(SqlDateTimes.toSqlDate((int) LocalDate.of(-44, 3, 15).toEpochDay())));
  }

  private static final String EXPECTED_SHOW = """
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        |    b|   y|   s|   i|         l|   f|   d|  dec| str|          bin|        dt|                  ts|   n|
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        | true|  -1| 300|   7|9000000000| 1.1| 0.1|12.50|   x|[4A 6F FF 00]|2024-01-15| 2024-01-15 18:30:00|NULL|
        |false| 127|  -5|  -7|        -1|-0.0|-0.0|-0.05|    |           []|1970-01-01|2024-07-01 00:00:...|NULL|
        | NULL|NULL|NULL|NULL|      NULL|NULL|NULL| NULL|NULL|         NULL|      NULL|                NULL|NULL|
        +-----+----+----+----+----------+----+----+-----+----+-------------+----------+--------------------+----+
        """;
}
