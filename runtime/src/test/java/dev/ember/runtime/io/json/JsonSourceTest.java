package dev.ember.runtime.io.json;

import static dev.ember.runtime.io.json.JsonTestSupport.readAll;
import static dev.ember.runtime.io.json.JsonTestSupport.row;
import static dev.ember.runtime.io.json.JsonTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected rows are what Spark 4.2 reads from the same files. */
class JsonSourceTest {
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

  private List<List<Object>> read(Path file, String ddl, Map<String, String> options) {
    return read(file, StructType.fromDDL(ddl), options, 32L << 20);
  }

  private List<List<Object>> read(Path file, StructType schema, Map<String, String> options, long split) {
    int[] all = new int[schema.length()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    JsonSource source = new JsonSource(List.of(file), schema, JsonOptions.parse(options), all, split, ZoneId.of("UTC"));
    return readAll(source, allocator);
  }

  @Test
  void readsObjectsSkipsBlankLinesAndMissingFieldsAreNull() {
    Path file = write(directory, "basic.json", "{\"b\":1,\"a\":\"x\",\"c\":1.5}\n{\"b\":2,\"a\":null,\"c\":2}\n\n{\"b\":3,\"d\":true}\n");
    List<List<Object>> rows = read(file, "a STRING, b BIGINT, c DOUBLE, d BOOLEAN", Map.of());
    assertEquals(List.of(row("x", 1L, 1.5, null), row(null, 2L, 2.0, null), row(null, 3L, null, true)), rows);
  }

  @Test
  void byteRangesSplitLinesWithEveryTerminatorExactlyOnce() {
    StringBuilder text = new StringBuilder();
    String[] terminators = {"\n", "\r\n", "\r"};
    for (int i = 0; i < 200; i++) {
      text.append("{\"i\":").append(i).append(",\"s\":\"").append("v".repeat(i % 7)).append("\"}")
          .append(terminators[i % 3]);
    }
    Path file = write(directory, "lines.json", text.toString());
    StructType schema = StructType.fromDDL("i INT, s STRING");
    List<List<Object>> whole = read(file, schema, Map.of(), 1L << 20);
    assertEquals(200, whole.size());
    for (long split : new long[] {1, 2, 3, 7, 13, 64}) {
      assertEquals(whole, read(file, schema, Map.of(), split), "split " + split);
    }
  }

  @Test
  void conversionsFollowSpark() {
    Path file = write(directory, "conv.json",
        "{\"i\":\"1\",\"d\":\"NaN\",\"dc\":1.555,\"dt\":\"2020-1-2\",\"ts\":\"2020-01-02 03:04\",\"s\":{\"x\": [1, 2]}}\n"
            + "{\"i\":2147483648,\"d\":\"1.5\",\"dc\":\"2.5\",\"dt\":18000,\"ts\":1000,\"s\":[1,\"a\"]}\n"
            + "{\"i\":5,\"d\":2,\"dc\":3,\"dt\":\"2020-01-02T10:00\",\"ts\":\"2020-01-02\",\"s\":7}\n");
    List<List<Object>> rows = read(file, "i INT, d DOUBLE, dc DECIMAL(10,2), dt DATE, ts TIMESTAMP, s STRING", Map.of());
    assertEquals(row(null, Double.NaN, new BigDecimal("1.56"), (int) LocalDate.of(2020, 1, 2).toEpochDay(),
        micros(LocalDateTime.of(2020, 1, 2, 3, 4)), "{\"x\": [1, 2]}"), rowWithDays(rows.get(0)));
    assertEquals(row(null, null, new BigDecimal("2.50"), null, 1_000_000_000L, "[1,\"a\"]"), rowWithDays(rows.get(1)));
    assertEquals(row(5, 2.0, new BigDecimal("3.00"), (int) LocalDate.of(2020, 1, 2).toEpochDay(),
        micros(LocalDateTime.of(2020, 1, 2, 0, 0)), "7"), rowWithDays(rows.get(2)));
  }

  private static long micros(LocalDateTime time) {
    return time.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L;
  }

  /** Arrow returns dates as LocalDateTime and timestamps as micros; compare days and micros. */
  private static List<Object> rowWithDays(List<Object> row) {
    List<Object> copy = new java.util.ArrayList<>(row);
    if (copy.get(3) instanceof LocalDateTime date) {
      copy.set(3, (int) date.toLocalDate().toEpochDay());
    } else if (copy.get(3) instanceof Integer days) {
      copy.set(3, days);
    }
    return copy;
  }

  private static final String CORRUPT = "{\"a\":1}\nnot json\n{\"a\":2,\"b\":\"x\"}\n{\"a\":\"zz\"}\n[1,2]\n{\"a\":3} trailing\n";

  @Test
  void permissiveKeepsPartialRowsAndFillsTheCorruptRecordColumn() {
    Path file = write(directory, "corrupt.json", CORRUPT);
    assertEquals(List.of(
            row(1, null, null), row(null, null, "not json"), row(2, "x", null), row(null, null, "{\"a\":\"zz\"}"),
            row(null, null, "[1,2]"), row(3, null, null)),
        read(file, "a INT, b STRING, _corrupt_record STRING", Map.of()));
    assertEquals(List.of(row(1, null), row(null, null), row(2, "x"), row(null, null), row(null, null), row(3, null)),
        read(file, "a INT, b STRING", Map.of()));
  }

  @Test
  void dropMalformedLeavesOutBadRecordsOfTheRequiredColumns() {
    Path file = write(directory, "corrupt.json", CORRUPT);
    assertEquals(List.of(row(1, null), row(2, "x"), row(3, null)),
        read(file, "a INT, b STRING", Map.of("mode", "DROPMALFORMED")));
    // Only b is read: {"a":"zz"} is fine then, as in Spark.
    JsonSource onlyB = new JsonSource(List.of(file), StructType.fromDDL("a INT, b STRING"),
        JsonOptions.parse(Map.of("mode", "DROPMALFORMED")), new int[] {1}, 1L << 20, ZoneId.of("UTC"));
    assertEquals(List.of(row((Object) null), row("x"), row((Object) null), row((Object) null)), readAll(onlyB, allocator));
  }

  @Test
  void failFastNamesTheFileAndLine() {
    Path file = write(directory, "corrupt.json", CORRUPT);
    for (long split : new long[] {1L << 20, 10}) {
      SparkException error = assertThrows(SparkException.class,
          () -> read(file, StructType.fromDDL("a INT"), Map.of("mode", "FAILFAST"), split));
      assertEquals("FAILED_READ_FILE.NO_HINT", error.getCondition());
      assertTrue(error.getMessage().contains("corrupt.json, line 2."), error.getMessage());
      SparkException cause = assertInstanceOf(SparkException.class, error.getCause());
      assertEquals("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", cause.getCondition());
      assertTrue(cause.getMessage().startsWith("[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: [null]."),
          cause.getMessage());
    }
  }

  @Test
  void arraysOfObjectsAreRowsAndLargeOnesSpanBatches() {
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 5000; i++) {
      big.append(i == 0 ? "" : ",").append("{\"i\":").append(i).append('}');
    }
    Path file = write(directory, "arrays.json", "[{\"i\":-1},{\"i\":-2}]\n" + big + "]\n[]\n{\"i\":9}\n");
    List<List<Object>> rows = read(file, "i INT", Map.of());
    assertEquals(5003, rows.size());
    assertEquals(row(-2), rows.get(1));
    assertEquals(row(4999), rows.get(5001));
    assertEquals(row(9), rows.get(5002));
  }

  @Test
  void multiLineReadsWholeFilesAndLenientOptions() {
    Path file = write(directory, "multi.json", "[\n  {'a': 1, b: \"x\"}, // first\n  {\"a\": 2}\n]\n");
    assertEquals(List.of(row(1L, "x"), row(2L, null)),
        read(file, "a BIGINT, b STRING",
            Map.of("multiLine", "true", "allowComments", "true", "allowUnquotedFieldNames", "true")));
    assertEquals(List.of(row(null, null, "[\n  {'a': 1, b: \"x\"}, // first\n  {\"a\": 2}\n]\n")),
        read(file, "a BIGINT, b STRING, _corrupt_record STRING", Map.of("multiLine", "true")));
  }

  @Test
  void explicitFormatsParseStrictly() {
    Path file = write(directory, "dates.json", "{\"t\":\"2020-01-02T03:04:05.123Z\",\"d\":\"02/01/2020\",\"t2\":\"2020-01-02 03:04:05\"}\n");
    List<List<Object>> rows = read(file, "t2 TIMESTAMP, d DATE, t TIMESTAMP",
        Map.of("timestampFormat", "yyyy-MM-dd HH:mm:ss", "dateFormat", "dd/MM/yyyy"));
    assertEquals(micros(LocalDateTime.of(2020, 1, 2, 3, 4, 5)), rows.get(0).get(0));
    assertEquals((int) LocalDate.of(2020, 1, 2).toEpochDay(), rows.get(0).get(1));
    assertEquals(null, rows.get(0).get(2));
  }

  @Test
  void readsGzipCompressedFiles() throws IOException {
    Path file = directory.resolve("part.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("{\"a\":1}\n{\"a\":2}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(List.of(row(1L), row(2L)), read(file, "a BIGINT", Map.of()));
  }
}
