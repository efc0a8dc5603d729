package dev.ember.runtime.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.memory.Allocators;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expected texts are what Spark 4.2.0 wrote for the same values (df.write().csv with each option
 * set, local[1], one part file read back byte for byte).
 */
class CsvWriterTest {
  /** Values whose quoting differs: separators, quotes, line breaks, white space, comment, escape. */
  private static final String[] TRICKY = {"plain", "a,b", "he said \"hi\"", "line\nbreak", " lead", "trail ", "", null,
      "back\\slash\"q", "cr\rx", "tab\tx", "#hash", "\"", "a\\b", "mid#hash", "   ", "ends\n"};

  @TempDir
  Path directory;

  private BufferAllocator allocator;

  @BeforeEach
  void open() {
    allocator = Allocators.newRoot();
  }

  @AfterEach
  void close() {
    allocator.close();
  }

  private ColumnBatch strings(String... values) {
    StructType schema = new StructType(new StructField[] {new StructField("s", DataTypes.StringType, true)});
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, values.length);
    VarCharVector vector = (VarCharVector) vectors.get(0);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        vector.setNull(i);
      } else {
        vector.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    vector.setValueCount(values.length);
    return new ColumnBatch(schema, vectors, values.length);
  }

  private String write(ColumnBatch batch, Map<String, String> options) throws IOException {
    CsvWriterOptions parsed = CsvWriterOptions.parse(options, ZoneId.of("UTC"));
    CsvWriterFactory factory = new CsvWriterFactory(parsed);
    Path file = directory.resolve("part" + factory.extension());
    Files.deleteIfExists(file);
    try (batch) {
      var writer = factory.open(file, batch.schema(), allocator);
      writer.write(batch);
      writer.close();
    }
    if (parsed.compression() == CsvWriterOptions.Compression.GZIP) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
    return Files.readString(file);
  }

  private static List<String> lines(String... lines) {
    return Arrays.asList(lines);
  }

  private static String joined(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  @Test
  void quotesLikeSparkByDefault() throws IOException {
    assertEquals(joined(lines("plain", "\"a,b\"", "\"he said \\\"hi\\\"\"", "\"line\nbreak\"", "lead", "trail", "\"\"", "",
        "\"back\\\\slash\\\"q\"", "\"cr\rx\"", "tab\tx", "\"#hash\"", "\"\\\"\"", "a\\b", "mid#hash", "\"\"", "\"ends\"")),
        write(strings(TRICKY), Map.of()));
  }

  @Test
  void quoteAllQuotesEveryValueIncludingNulls() throws IOException {
    assertEquals(joined(lines("\"plain\"", "\"a,b\"", "\"he said \\\"hi\\\"\"", "\"line\nbreak\"", "\"lead\"", "\"trail\"",
        "\"\"", "\"\"", "\"back\\\\slash\\\"q\"", "\"cr\rx\"", "\"tab\tx\"", "\"#hash\"", "\"\\\"\"", "\"a\\\\b\"",
        "\"mid#hash\"", "\"\"", "\"ends\"")),
        write(strings(TRICKY), Map.of("quoteAll", "true")));
  }

  @Test
  void otherSeparatorQuoteAndEscape() throws IOException {
    assertEquals(joined(lines("plain", "a,b", "he said \"hi\"", "'line\nbreak'", "lead", "trail", "\"\"", "",
        "back\\slash\"q", "'cr\rx'", "tab\tx", "'#hash'", "\"", "a\\b", "mid#hash", "\"\"", "'ends'")),
        write(strings(TRICKY), Map.of("sep", ";", "quote", "'", "escape", "\\")));
  }

  @Test
  void escapeEqualToQuoteDoublesQuotes() throws IOException {
    assertEquals(joined(lines("\"he said \"\"hi\"\"\"", "\"back\\slash\"\"q\"", "\"\"\"\"")),
        write(strings("he said \"hi\"", "back\\slash\"q", "\""), Map.of("escape", "\"")));
  }

  @Test
  void nullAndEmptyValuesAreWrittenVerbatim() throws IOException {
    assertEquals(joined(lines("EMPTY", "NULL", "\"a,b\"")),
        write(strings("", null, "a,b"), Map.of("nullValue", "NULL", "emptyValue", "EMPTY")));
  }

  @Test
  void headerAndSeveralTypesWithFormats() throws IOException {
    StructType schema = new StructType(new StructField[] {
        new StructField("i", DataTypes.IntegerType, true), new StructField("d", DataTypes.DoubleType, true),
        new StructField("day", DataTypes.DateType, true), new StructField("ts", DataTypes.TimestampType, true)});
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, 2);
    ((IntVector) vectors.get(0)).setSafe(0, 1);
    ((IntVector) vectors.get(0)).setNull(1);
    ((Float8Vector) vectors.get(1)).setSafe(0, 1e10);
    ((Float8Vector) vectors.get(1)).setSafe(1, Double.NaN);
    ((DateDayVector) vectors.get(2)).setSafe(0, 19724); // 2024-01-02
    ((DateDayVector) vectors.get(2)).setNull(1);
    ((TimeStampMicroTZVector) vectors.get(3)).setSafe(0, 1_704_164_645_123_456L); // 2024-01-02T03:04:05.123456Z
    ((TimeStampMicroTZVector) vectors.get(3)).setNull(1);
    vectors.forEach(vector -> vector.setValueCount(2));
    Map<String, String> options = new HashMap<>(Map.of("header", "true", "timeZone", "America/Los_Angeles"));
    assertEquals("i,d,day,ts\n1,1.0E10,2024-01-02,2024-01-01T19:04:05.123-08:00\n,NaN,,\n",
        write(new ColumnBatch(schema, vectors, 2), options));

    List<FieldVector> again = ColumnBatch.allocateVectors(schema, allocator, 1);
    ((IntVector) again.get(0)).setSafe(0, 7);
    ((Float8Vector) again.get(1)).setSafe(0, -0.0);
    ((DateDayVector) again.get(2)).setSafe(0, 19724);
    ((TimeStampMicroTZVector) again.get(3)).setSafe(0, 1_704_164_645_000_000L);
    again.forEach(vector -> vector.setValueCount(1));
    options.put("dateFormat", "dd/MM/yyyy");
    options.put("timestampFormat", "yyyy-MM-dd HH:mm:ss");
    options.put("compression", "gzip");
    assertEquals("i,d,day,ts\n7,-0.0,02/01/2024,2024-01-01 19:04:05\n", write(new ColumnBatch(schema, again, 1), options));
  }

  @Test
  void gzipExtensionAndUnknownCodec() {
    assertEquals(".csv.gz", new CsvWriterFactory(CsvWriterOptions.parse(Map.of("compression", "GZIP"), ZoneId.of("UTC")))
        .extension());
    assertEquals(".csv", new CsvWriterFactory(CsvWriterOptions.parse(Map.of(), ZoneId.of("UTC"))).extension());
    SparkException unknown = assertThrows(SparkException.class,
        () -> CsvWriterOptions.parse(Map.of("compression", "zzz"), ZoneId.of("UTC")));
    assertEquals("CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION", unknown.getCondition());
    assertEquals("[CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION] The codec zzz is not available. Available codecs"
        + " are bzip2, deflate, uncompressed, snappy, none, lz4, gzip. SQLSTATE: 56038", unknown.getMessage());
  }

  @Test
  void binaryColumnsAreRefusedBeforeTheFileExists() {
    StructType schema = new StructType(new StructField[] {new StructField("b", DataTypes.BinaryType, true)});
    Path file = directory.resolve("binary.csv");
    SparkException error = assertThrows(SparkException.class,
        () -> CsvWriter.open(file, schema, CsvWriterOptions.parse(Map.of(), ZoneId.of("UTC"))));
    assertEquals("UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE", error.getCondition());
    assertEquals(false, Files.exists(file));
  }
}
