package dev.ember.runtime.io.csv;

import dev.ember.runtime.io.FileListing;
import static dev.ember.runtime.io.csv.CsvTestSupport.readAll;
import static dev.ember.runtime.io.csv.CsvTestSupport.row;
import static dev.ember.runtime.io.csv.CsvTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
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
    StructType schema = StructType.fromDDL(ddl);
    int[] all = new int[schema.length()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return read(file, schema, options, all, CsvSource.DEFAULT_SPLIT_BYTES);
  }

  private List<List<Object>> read(Path file, StructType schema, Map<String, String> options, int[] required, long split) {
    CsvSource source = new CsvSource(List.of(file), schema, CsvOptions.parse(options), required, split, ZoneId.of("UTC"));
    return readAll(source, allocator);
  }

  private static final String MODES_DATA =
      "1,a,2024-01-15\nx,b,2024-01-16\n3,c\n4,d,2024-01-17,extra\n5,e,notadate\n6,f,2024-01-18\n";

  @Test
  void permissiveTurnsBadValuesIntoNullsAndPadsOrCutsRows() {
    Path file = write(directory, "modes.csv", MODES_DATA);
    List<List<Object>> rows = read(file, "i INT, s STRING, d DATE", Map.of());
    assertEquals(6, rows.size());
    assertEquals(row(null, "b", java.time.LocalDate.parse("2024-01-16").toEpochDay()), longDates(rows.get(1)));
    assertEquals(row(3, "c", null), rows.get(2));
    assertEquals(row(4, "d", java.time.LocalDate.parse("2024-01-17").toEpochDay()), longDates(rows.get(3)));
    assertEquals(row(5, "e", null), rows.get(4));
  }

  private static List<Object> longDates(List<Object> row) {
    List<Object> copy = new ArrayList<>(row);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) instanceof Integer days && i == 2) {
        copy.set(i, (long) days);
      }
    }
    return copy;
  }

  @Test
  void dropMalformedDropsBadValuesAndWrongFieldCounts() {
    Path file = write(directory, "modes.csv", MODES_DATA);
    List<List<Object>> rows = read(file, "i INT, s STRING, d DATE", Map.of("mode", "dropMalformed"));
    assertEquals(List.of(1, 6), rows.stream().map(r -> r.get(0)).toList());
    assertEquals(List.of("a", "f"), rows.stream().map(r -> r.get(1)).toList());
  }

  @Test
  void dropMalformedChecksOnlyRequiredColumnsWhenPruned() {
    Path file = write(directory, "modes.csv", MODES_DATA);
    StructType schema = StructType.fromDDL("i INT, s STRING, d DATE");
    List<List<Object>> rows = read(file, schema, Map.of("mode", "DROPMALFORMED"), new int[] {1}, 1 << 20);
    assertEquals(List.of("a", "b", "c", "d", "e", "f"), rows.stream().map(r -> r.get(0)).toList());
  }

  @Test
  void failFastNamesSparkConditionRecordFileAndLine() {
    Path file = write(directory, "modes.csv", "h1,h2,h3\n" + MODES_DATA);
    SparkException failure = assertThrows(SparkException.class,
        () -> read(file, "i INT, s STRING, d DATE", Map.of("mode", "FAILFAST", "header", "true")));
    // Spark reports the file read failing, caused by the malformed record.
    assertEquals("FAILED_READ_FILE.NO_HINT", failure.getCondition());
    assertTrue(failure.getMessage().startsWith("[FAILED_READ_FILE.NO_HINT] Encountered error while reading file "
        + file.toUri() + ".  SQLSTATE: KD001\n"), failure.getMessage());
    assertTrue(failure.getMessage().contains("line 3"), failure.getMessage());
    SparkException error = assertInstanceOf(SparkException.class, failure.getCause());
    assertEquals("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", error.getCondition());
    assertEquals("[null,b,19738]", error.getMessageParameters().get("badRecord"));
    assertTrue(error.getMessage().startsWith(
        "[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: "
            + "[null,b,19738].\nParse Mode: FAILFAST."), error.getMessage());
    assertTrue(error.getMessage().contains(FileListing.displayName(file) + ", line 3"), error.getMessage());
  }

  @Test
  void failFastLineNumberIsRightInALaterMorsel() {
    StringBuilder data = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      data.append(i == 150 ? "oops" : Integer.toString(i)).append(",x\r\n");
    }
    Path file = write(directory, "long.csv", data.toString());
    StructType schema = StructType.fromDDL("a INT, b STRING");
    SparkException error = assertThrows(SparkException.class,
        () -> read(file, schema, Map.of("mode", "failfast"), new int[] {0, 1}, 64));
    assertTrue(error.getMessage().contains("line 150."), error.getMessage());
    assertTrue(error.getCause().getMessage().contains("long.csv, line 150."), error.getCause().getMessage());
  }

  @Test
  void manySmallMorselsGiveTheSameRowsAsOne() {
    StringBuilder data = new StringBuilder("id,name,amount\n");
    for (int i = 0; i < 5000; i++) {
      data.append(i).append(",\"name, ").append(i).append("\",").append(i * 1.5).append(i % 3 == 0 ? "\r\n" : "\n");
      if (i % 97 == 0) {
        data.append("\n");
      }
    }
    Path file = write(directory, "big.csv", data.toString());
    StructType schema = StructType.fromDDL("id INT, name STRING, amount DOUBLE");
    Map<String, String> options = Map.of("header", "true");
    List<List<Object>> whole = read(file, schema, options, new int[] {0, 1, 2}, Long.MAX_VALUE / 2);
    List<List<Object>> split = read(file, schema, options, new int[] {0, 1, 2}, 64);
    assertEquals(5000, whole.size());
    assertEquals(whole, split);
    assertEquals(row(4999, "name, 4999", 7498.5), whole.get(4999));
  }

  @Test
  void projectsRequiredColumnsInTheGivenOrder() {
    Path file = write(directory, "p.csv", "1,a,true\n2,b,false\n");
    StructType schema = StructType.fromDDL("i INT, s STRING, b BOOLEAN");
    CsvSource source = new CsvSource(List.of(file), schema, CsvOptions.defaults(), new int[] {2, 0}, 1024);
    assertEquals(StructType.fromDDL("b BOOLEAN, i INT"), source.schema());
    assertEquals(List.of(row(true, 1), row(false, 2)), readAll(source, allocator));
  }

  @Test
  void noRequiredColumnsStillCountsRows() {
    Path file = write(directory, "c.csv", "1,a\n\n2,b\n3\n");
    List<List<Object>> rows = read(file, StructType.fromDDL("i INT, s STRING"), Map.of(), new int[0], 1024);
    assertEquals(3, rows.size());
  }

  @Test
  void splitsLargeInputIntoBatchesOfAtMostBatchRows() {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      data.append(i).append('\n');
    }
    Path file = write(directory, "n.csv", data.toString());
    List<List<Object>> rows = read(file, "n BIGINT", Map.of());
    assertEquals(10_000, rows.size());
    assertEquals(9_999L, rows.get(9_999).get(0));
  }

  @Test
  void quotesEscapesAndSeparatorsFollowSpark() {
    Path file = write(directory, "q.csv",
        "\"a,b\",\"a\\\"b\",C:\\new,a\"b,\"abc\"def,\"x\" \n"
            + "\"\",,\"unclosed\n");
    List<List<Object>> rows = read(file, "a STRING, b STRING, c STRING, d STRING, e STRING, f STRING", Map.of());
    assertEquals(row("a,b", "a\"b", "C:\\new", "a\"b", "\"abc\"def", "x"), rows.get(0));
    assertEquals(row(null, null, "unclosed", null, null, null), rows.get(1));

    Path semicolons = write(directory, "s.csv", "'1;2';3\n");
    assertEquals(List.of(row("1;2", "3")),
        read(semicolons, "a STRING, b STRING", Map.of("sep", ";", "quote", "'")));
    Path multi = write(directory, "m.csv", "a||b||\n");
    assertEquals(List.of(row("a", "b", null)), read(multi, "a STRING, b STRING, c STRING", Map.of("sep", "||")));
    Path doubled = write(directory, "d.csv", "\"a\"\"b\",c\n");
    assertEquals(List.of(row("a\"b", "c")), read(doubled, "a STRING, b STRING", Map.of("escape", "\"")));
  }

  @Test
  void nullValueCommentsAndEmptyStrings() {
    Path file = write(directory, "n.csv", "# skipped\n\"\",,NA,na\n   \n#x,1\n");
    assertEquals(List.of(row(null, null, "NA", "na")),
        read(file, "a STRING, b STRING, c STRING, d STRING", Map.of("comment", "#")));
    assertEquals(List.of(row("", null, null, "na")),
        read(file, "a STRING, b STRING, c STRING, d STRING", Map.of("comment", "#", "nullValue", "NA")));
  }

  @Test
  void whiteSpaceIsKeptUnlessAskedToTrim() {
    Path file = write(directory, "w.csv", " 5,5 , x \n");
    assertEquals(List.of(row(null, null, " x ")), read(file, "a INT, b INT, c STRING", Map.of()));
    assertEquals(List.of(row(5, 5, "x")), read(file, "a INT, b INT, c STRING",
        Map.of("ignoreLeadingWhiteSpace", "true", "ignoreTrailingWhiteSpace", "true")));
  }

  @Test
  void convertsEveryTypeLikeSpark() {
    Path file = write(directory, "t.csv",
        "1,1,1,1.5,1.5,1.234,2024-01-15,2024-01-15 10:20:30,abc,TRUE,9223372036854775807\n"
            + "128,40000,1.0,Inf,-Infinity,1.235,2024-1-5,2024-01-15T10:20:30Z,x,yes,9223372036854775808\n"
            + "-128,-32768,+7,1e3,NaN,12345.678,2024-01-15T10:00,2024-01-15 10:20:30.1234567,y,false,-1\n"
            + "1,1,1,1,1d,-1.2E1, 2024-01-15,2024-01-15T10:20:30+02:00,z,False,0\n");
    List<List<Object>> rows = read(file,
        "b TINYINT, s SMALLINT, i INT, f FLOAT, d DOUBLE, dec DECIMAL(6,2), dt DATE, ts TIMESTAMP, bin BINARY, "
            + "bool BOOLEAN, l BIGINT", Map.of());
    long ts = 1705314030L * 1_000_000;
    assertEquals(row((byte) 1, (short) 1, 1, 1.5f, 1.5, new BigDecimal("1.23"), 19737, ts, "[97, 98, 99]", true,
        Long.MAX_VALUE), rows.get(0));
    assertEquals(row(null, null, null, Float.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, new BigDecimal("1.24"),
        19727, ts, "[120]", null, null), rows.get(1));
    assertEquals(row((byte) -128, (short) -32768, 7, 1000f, Double.NaN, null, 19737, ts + 123456, "[121]", false,
        -1L), rows.get(2));
    assertEquals(row((byte) 1, (short) 1, 1, 1f, 1.0, new BigDecimal("-12.00"), 19737, ts - 7200L * 1_000_000,
        "[122]", false, 0L), rows.get(3));
  }

  @Test
  void timestampsWithoutZoneAreInTheSessionZone() {
    Path file = write(directory, "z.csv", "2024-01-15 10:20:30\n2024-01-15 10:20:30 UTC\n");
    CsvSource source = new CsvSource(List.of(file), StructType.fromDDL("ts TIMESTAMP"), CsvOptions.defaults(),
        new int[] {0}, 1024, ZoneId.of("America/Los_Angeles"));
    assertEquals(List.of(row(1705342830000000L), row(1705314030000000L)), readAll(source, allocator));
  }

  @Test
  void explicitDateAndTimestampFormatsAreStrict() {
    Path file = write(directory, "f.csv", "2024/01/15,2024/01/15 10:20\n2024-01-15,2024-01-15 10:20:30\n");
    Map<String, String> options = new HashMap<>();
    options.put("dateFormat", "yyyy/MM/dd");
    options.put("timestampFormat", "yyyy/MM/dd HH:mm");
    assertEquals(List.of(row(19737, 1705314000000000L), row(null, null)),
        read(file, "d DATE, ts TIMESTAMP", options));
  }

  @Test
  void headerIsSkippedOnlyAtFileStartAndByteOrderMarkIsIgnored() {
    Path file = write(directory, "h.csv", "\uFEFFa,b\na,b\n1,2\n");
    assertEquals(List.of(row("a", "b"), row("1", "2")),
        read(file, "a STRING, b STRING", Map.of("header", "true")));
  }

  @Test
  void readsOtherCharsets() throws Exception {
    Path latin = directory.resolve("latin.csv");
    java.nio.file.Files.write(latin, "caf\u00e9,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertEquals(List.of(row("caf\u00e9", 1)), read(latin, "a STRING, b INT", Map.of("encoding", "ISO-8859-1")));
    Path utf16 = directory.resolve("utf16.csv");
    java.nio.file.Files.write(utf16, "x,y\ncaf\u00e9,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));
    assertEquals(List.of(row("caf\u00e9", 2)),
        read(utf16, "a STRING, b INT", Map.of("charset", "UTF-16", "header", "true")));
  }

  @Test
  void unreadableFileFailsNamingThePath() {
    Path missing = directory.resolve("gone.csv");
    CsvSource source = new CsvSource(List.of(missing), StructType.fromDDL("a STRING"), CsvOptions.defaults(),
        new int[] {0}, 1024);
    SparkException error = assertThrows(SparkException.class, source::morsels);
    assertEquals("FAILED_READ_FILE.NO_HINT", error.getCondition());
    assertTrue(error.getMessage().contains("gone.csv"), error.getMessage());
    SparkException onOpen = assertThrows(SparkException.class,
        () -> source.open(new CsvMorsel(missing, 0, 10), allocator));
    assertTrue(onOpen.getMessage().contains("gone.csv"), onOpen.getMessage());
  }
}
