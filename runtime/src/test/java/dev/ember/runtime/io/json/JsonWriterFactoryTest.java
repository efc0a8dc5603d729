package dev.ember.runtime.io.json;

import static dev.ember.runtime.io.json.JsonTestSupport.readAll;
import static dev.ember.runtime.io.json.JsonTestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.io.BatchFileWriter;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
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
import org.junit.jupiter.api.io.TempDir;

class JsonWriterFactoryTest {
  private static final String SCHEMA = "i INT, l BIGINT, n STRING, s STRING, b BOOLEAN, d DOUBLE, nan DOUBLE,"
      + " inf DOUBLE, ninf FLOAT, f FLOAT, big DOUBLE, small DOUBLE, dec DECIMAL(10,2), dec2 DECIMAL(20,10),"
      + " dt DATE, ts TIMESTAMP, ts0 TIMESTAMP, by TINYINT, sh SMALLINT, nz DOUBLE, bin BINARY, olddate DATE,"
      + " oldts TIMESTAMP";
  /** What Spark 4.2 writes for the same row (df.write().json(...), session zone UTC). */
  private static final String SPARK_LINE = "{\"i\":1,\"l\":2,\"s\":\"q\\\"\\\\\\n\\u0001é\",\"b\":true,\"d\":1.5,"
      + "\"nan\":\"NaN\",\"inf\":\"Infinity\",\"ninf\":\"-Infinity\",\"f\":1.5,\"big\":1.0E20,\"small\":1.0E-5,"
      + "\"dec\":12.30,\"dec2\":1.000E-7,\"dt\":\"2020-01-02\",\"ts\":\"2020-01-02T03:04:05.123Z\","
      + "\"ts0\":\"2020-01-02T03:04:05.000Z\",\"by\":1,\"sh\":2,\"nz\":-0.0,\"bin\":\"AQI=\","
      + "\"olddate\":\"0001-01-01\",\"oldts\":\"1500-01-01T00:00:00.000Z\"}";

  @TempDir Path directory;
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private ColumnBatch sparkRow(StructType schema) {
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, 1);
    ((IntVector) vectors.get(0)).setSafe(0, 1);
    ((BigIntVector) vectors.get(1)).setSafe(0, 2);
    ((VarCharVector) vectors.get(2)).setNull(0);
    ((VarCharVector) vectors.get(3)).setSafe(0, "q\"\\\n\u0001é".getBytes(StandardCharsets.UTF_8));
    ((BitVector) vectors.get(4)).setSafe(0, 1);
    ((Float8Vector) vectors.get(5)).setSafe(0, 1.5);
    ((Float8Vector) vectors.get(6)).setSafe(0, Double.NaN);
    ((Float8Vector) vectors.get(7)).setSafe(0, Double.POSITIVE_INFINITY);
    ((Float4Vector) vectors.get(8)).setSafe(0, Float.NEGATIVE_INFINITY);
    ((Float4Vector) vectors.get(9)).setSafe(0, 1.5f);
    ((Float8Vector) vectors.get(10)).setSafe(0, 1e20);
    ((Float8Vector) vectors.get(11)).setSafe(0, 1e-5);
    ((DecimalVector) vectors.get(12)).setSafe(0, new BigDecimal("12.30"));
    ((DecimalVector) vectors.get(13)).setSafe(0, new BigDecimal("0.0000001000"));
    ((DateDayVector) vectors.get(14)).setSafe(0, (int) LocalDate.of(2020, 1, 2).toEpochDay());
    ((TimeStampMicroTZVector) vectors.get(15)).setSafe(0, micros(LocalDateTime.of(2020, 1, 2, 3, 4, 5)) + 123_456);
    ((TimeStampMicroTZVector) vectors.get(16)).setSafe(0, micros(LocalDateTime.of(2020, 1, 2, 3, 4, 5)));
    ((TinyIntVector) vectors.get(17)).setSafe(0, 1);
    ((SmallIntVector) vectors.get(18)).setSafe(0, 2);
    ((Float8Vector) vectors.get(19)).setSafe(0, -0.0);
    ((VarBinaryVector) vectors.get(20)).setSafe(0, new byte[] {1, 2});
    ((DateDayVector) vectors.get(21)).setSafe(0, (int) LocalDate.of(1, 1, 1).toEpochDay());
    ((TimeStampMicroTZVector) vectors.get(22)).setSafe(0, micros(LocalDateTime.of(1500, 1, 1, 0, 0)));
    vectors.forEach(vector -> vector.setValueCount(1));
    return new ColumnBatch(schema, vectors, 1);
  }

  private static long micros(LocalDateTime time) {
    return time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
  }

  private Path writeRow(Map<String, String> options, String name) {
    StructType schema = StructType.fromDDL(SCHEMA);
    JsonWriterFactory factory = new JsonWriterFactory(JsonOptions.parse(options), ZoneId.of("UTC"));
    Path file = directory.resolve(name + factory.extension());
    try (ColumnBatch batch = sparkRow(schema)) {
      BatchFileWriter writer = factory.open(file, schema, allocator);
      writer.write(batch);
      writer.write(batch);
      writer.close();
    }
    return file;
  }

  @Test
  void writesEachTypeAsSparkDoes() throws IOException {
    Path file = writeRow(Map.of(), "part");
    assertEquals("part.json", file.getFileName().toString());
    assertEquals(SPARK_LINE + "\n" + SPARK_LINE + "\n", Files.readString(file));
  }

  @Test
  void writesNullFieldsWhenAskedAndCompressesWithGzip() throws IOException {
    Path file = writeRow(Map.of("ignoreNullFields", "false", "compression", "gzip"), "part");
    assertEquals("part.json.gz", file.getFileName().toString());
    String expected = SPARK_LINE.replace("\"l\":2,", "\"l\":2,\"n\":null,");
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      assertEquals(expected + "\n" + expected + "\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void timestampsUseTheTimeZoneOption() throws IOException {
    Path file = writeRow(Map.of("timeZone", "America/Los_Angeles"), "zoned");
    String text = Files.readString(file);
    assertEquals(true, text.contains("\"ts0\":\"2020-01-01T19:04:05.000-08:00\""), text);
  }

  @Test
  void whatTheWriterWritesTheReaderReadsBack() {
    Path file = writeRow(Map.of(), "roundtrip");
    StructType schema = StructType.fromDDL(SCHEMA);
    int[] all = new int[schema.length()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    List<List<Object>> rows = readAll(
        new JsonSource(List.of(file), schema, JsonOptions.defaults(), all, 1L << 20, ZoneId.of("UTC")), allocator);
    assertEquals(2, rows.size());
    List<Object> first = rows.get(0);
    assertEquals(row(1, 2L, null, "q\"\\\n\u0001é", true, 1.5), first.subList(0, 6));
    assertEquals(Double.NaN, first.get(6));
    assertEquals(new BigDecimal("0.0000001000"), first.get(13));
    assertEquals(micros(LocalDateTime.of(2020, 1, 2, 3, 4, 5)) + 123_000, first.get(15));
    assertEquals("[1, 2]", first.get(20));
  }
}
