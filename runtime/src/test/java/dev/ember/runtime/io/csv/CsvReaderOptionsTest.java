package dev.ember.runtime.io.csv;

import static dev.ember.runtime.io.csv.CsvTestSupport.readAll;
import static dev.ember.runtime.io.csv.CsvTestSupport.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compression, multiLine, the corrupt-record column and enforceSchema (behaviour checked against Spark 4.2). */
class CsvReaderOptionsTest {
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

  private List<List<Object>> read(List<Path> files, String ddl, Map<String, String> options, long split) {
    StructType schema = StructType.fromDDL(ddl);
    int[] all = new int[schema.length()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    CsvSource source = new CsvSource(files, schema, CsvOptions.parse(options), all, split, ZoneId.of("UTC"));
    return readAll(source, allocator);
  }

  private Path compressed(String name, String content) throws IOException {
    Path file = directory.resolve(name);
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try (OutputStream raw = Files.newOutputStream(file)) {
      if (name.endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(raw)) {
          out.write(bytes);
        }
      } else if (name.endsWith(".deflate")) {
        try (OutputStream out = new DeflaterOutputStream(raw)) {
          out.write(bytes);
        }
      } else {
        BZip2Codec codec = new BZip2Codec();
        codec.setConf(new Configuration(false));
        try (OutputStream out = codec.createOutputStream(raw)) {
          out.write(bytes);
        }
      }
    }
    return file;
  }

  @Test
  void compressedFilesAreDecompressedByExtensionAndReadWhole() throws IOException {
    StringBuilder content = new StringBuilder("id,name\n");
    for (int i = 0; i < 5000; i++) {
      content.append(i).append(",name").append(i).append('\n');
    }
    for (String name : List.of("data.csv.gz", "data.csv.bz2", "data.deflate")) {
      Path file = compressed(name, content.toString());
      CsvSource source = new CsvSource(List.of(file), StructType.fromDDL("id INT, name STRING"),
          CsvOptions.parse(Map.of("header", "true")), new int[] {0, 1}, 64, ZoneId.of("UTC"));
      assertEquals(1, source.morsels().size(), name + " is one morsel");
      List<List<Object>> rows = readAll(source, allocator);
      assertEquals(5000, rows.size(), name);
      assertEquals(row(4999, "name4999"), rows.get(4999), name);
    }
  }

  @Test
  void schemaInferenceReadsCompressedFiles() throws IOException {
    Path file = compressed("typed.gz", "a,b\n1,x\n2,y\n");
    StructType schema = CsvSchemaInference.infer(List.of(file), CsvOptions.parse(Map.of("header", "true", "inferSchema", "true")));
    assertEquals("struct<a:int,b:string>", schema.simpleString());
  }

  private static final String MULTI_LINE =
      "id,text,n\n1,\"hello\nworld\",5\n2,\"a,b\",x\n3,plain,7\n4,\"unterminated\n5,z,9\n";

  @Test
  void multiLineRecordsKeepLineBreaksInsideQuotesAndAreNotSplit() {
    Path file = CsvTestSupport.write(directory, "multi.csv", MULTI_LINE);
    CsvSource source = new CsvSource(List.of(file), StructType.fromDDL("id INT, text STRING, n INT"),
        CsvOptions.parse(Map.of("header", "true", "multiLine", "true")), new int[] {0, 1, 2}, 8, ZoneId.of("UTC"));
    assertEquals(1, source.morsels().size());
    // Checked against Spark 4.2: an unclosed quote runs to the end of the file, final line break included.
    assertEquals(List.of(row(1, "hello\nworld", 5), row(2, "a,b", null), row(3, "plain", 7),
        row(4, "unterminated\n5,z,9\n", null)), readAll(source, allocator));
  }

  @Test
  void multiLineFailFastNamesTheLineWhereTheRecordStarts() {
    Path file = CsvTestSupport.write(directory, "multi.csv", MULTI_LINE);
    dev.ember.SparkException error = org.junit.jupiter.api.Assertions.assertThrows(dev.ember.SparkException.class,
        () -> read(List.of(file), "id INT, text STRING, n INT",
            Map.of("header", "true", "multiLine", "true", "mode", "FAILFAST"), 1 << 20));
    org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().endsWith("The malformed record is at line 4."),
        error.getMessage());
    org.junit.jupiter.api.Assertions.assertTrue(error.getCause().getMessage().contains("[2,a,b,null]"),
        error.getCause().getMessage());
  }

  @Test
  void multiLineSchemaInferenceSeesWholeRecords() {
    Path file = CsvTestSupport.write(directory, "multi.csv", MULTI_LINE);
    StructType schema = CsvSchemaInference.infer(List.of(file),
        CsvOptions.parse(Map.of("header", "true", "inferSchema", "true", "multiLine", "true")));
    assertEquals("struct<id:int,text:string,n:string>", schema.simpleString());
  }

  @Test
  void multiLineRecordsLongerThanTheReadBufferStayWhole() {
    String longValue = "x".repeat(100_000) + "\n" + "y".repeat(100_000);
    Path file = CsvTestSupport.write(directory, "long.csv", "1,\"" + longValue + "\"\n2,short\n");
    List<List<Object>> rows = read(List.of(file), "id INT, text STRING", Map.of("multiLine", "true"), 1 << 20);
    assertEquals(List.of(row(1, longValue), row(2, "short")), rows);
  }

  private static final String BAD_RECORDS = "id,n,s\n1,2,a\nx,3,b\n4,5\n6,7,c,extra\n8,,\"q\"\n";

  @Test
  void permissiveKeepsMalformedRecordsTextInTheCorruptRecordColumn() {
    Path file = CsvTestSupport.write(directory, "bad.csv", BAD_RECORDS);
    assertEquals(List.of(row(1, 2, "a", null), row(null, 3, "b", "x,3,b"), row(4, 5, null, "4,5"),
            row(6, 7, "c", "6,7,c,extra"), row(8, null, "q", null)),
        read(List.of(file), "id INT, n INT, s STRING, _corrupt_record STRING", Map.of("header", "true"), 1 << 20));
    assertEquals(List.of(row(1, null, 2, "a"), row(null, "x,3,b", 3, "b"), row(4, "4,5", 5, null),
            row(6, "6,7,c,extra", 7, "c"), row(8, null, null, "q")),
        read(List.of(file), "id INT, bad STRING, n INT, s STRING",
            Map.of("header", "true", "columnNameOfCorruptRecord", "bad"), 1 << 20));
  }

  @Test
  void dropMalformedDropsRecordsEvenWithACorruptRecordColumn() {
    Path file = CsvTestSupport.write(directory, "bad.csv", BAD_RECORDS);
    assertEquals(List.of(row(1, 2, "a", null), row(8, null, "q", null)),
        read(List.of(file), "id INT, n INT, s STRING, _corrupt_record STRING",
            Map.of("header", "true", "mode", "DROPMALFORMED"), 1 << 20));
  }

  @Test
  void corruptRecordColumnThatIsNotAStringIsAnAnalysisError() {
    dev.ember.sql.AnalysisException error = org.junit.jupiter.api.Assertions.assertThrows(
        dev.ember.sql.AnalysisException.class,
        () -> CsvCorruptRecordColumn.indexIn(StructType.fromDDL("id INT, _corrupt_record INT"), CsvOptions.defaults()));
    assertEquals("[INVALID_CORRUPT_RECORD_TYPE] The column `_corrupt_record` for corrupt records must have the"
        + " nullable STRING type, but got \"INT\". SQLSTATE: 42804", error.getMessage());
  }

  private dev.ember.SparkException headerFailure(Path file, String ddl, int[] required) {
    CsvSource source = new CsvSource(List.of(file), StructType.fromDDL(ddl),
        CsvOptions.parse(Map.of("header", "true", "enforceSchema", "false")), required, 1 << 20, ZoneId.of("UTC"));
    return org.junit.jupiter.api.Assertions.assertThrows(dev.ember.SparkException.class, () -> readAll(source, allocator));
  }

  @Test
  void withoutEnforceSchemaHeaderNamesMustMatchTheRequiredColumns() {
    Path file = CsvTestSupport.write(directory, "hdr.csv", "a,b\n1,2\n");
    String uri = file.toUri().toString();
    dev.ember.SparkException error = headerFailure(file, "a INT, y INT", new int[] {0, 1});
    assertEquals("CSV header does not conform to the schema.\n Header: a, b\n Schema: a, y\nExpected: y but found: b"
        + "\nCSV file: " + uri, error.getCause().getMessage());
    org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().startsWith(
        "[FAILED_READ_FILE.NO_HINT] Encountered error while reading file " + uri + ".  SQLSTATE: KD001"), error.getMessage());
    // Spark checks only the columns the scan reads.
    assertEquals("CSV header does not conform to the schema.\n Header: a\n Schema: x\nExpected: x but found: a"
        + "\nCSV file: " + uri, headerFailure(file, "x INT, b INT", new int[] {0}).getCause().getMessage());
    CsvSource pruned = new CsvSource(List.of(file), StructType.fromDDL("x INT, B INT"),
        CsvOptions.parse(Map.of("header", "true", "enforceSchema", "false")), new int[] {1}, 1 << 20, ZoneId.of("UTC"));
    assertEquals(List.of(row(2)), readAll(pruned, allocator));
  }

  @Test
  void withoutEnforceSchemaTheHeaderMustHaveOneNamePerFileColumn() {
    Path file = CsvTestSupport.write(directory, "hdr.csv", "a,b\n1,2\n");
    assertEquals("Number of column in CSV header is not equal to number of fields in the schema:\n Header length: 2,"
        + " schema size: 1\nCSV file: " + file.toUri(), headerFailure(file, "a INT", new int[] {0}).getCause().getMessage());
    // The corrupt-record column is not a file column.
    assertEquals(List.of(row(1, 2, null)), read(List.of(file), "a INT, b INT, _corrupt_record STRING",
        Map.of("header", "true", "enforceSchema", "false"), 1 << 20));
  }

  @Test
  void onlySparksCharsetsAreAccepted() {
    IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> CsvOptions.parse(Map.of("charset", "windows-1252")));
    assertEquals("[INVALID_PARAMETER_VALUE.CHARSET] The value of parameter(s) `charset` in `CSVOptions` is invalid:"
        + " expects one of the iso-8859-1, us-ascii, utf-16, utf-16be, utf-16le, utf-32, utf-8, but got windows-1252."
        + " SQLSTATE: 22023", error.getMessage());
    assertEquals(StandardCharsets.UTF_16LE, CsvOptions.parse(Map.of("encoding", "UTF-16LE")).charset());
  }
}
