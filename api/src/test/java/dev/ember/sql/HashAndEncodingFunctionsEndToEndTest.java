package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hash, encoding and formatting functions through the Java API, generated and interpreted: mixed-type
 * variadic arguments reach the implementation with their types. Expected values were computed by
 * Spark 4.2.0 over the same CSV; the full comparison is the conformance test in {@code examples}.
 */
class HashAndEncodingFunctionsEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @TempDir
  Path directory;

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  private Dataset<Row> people(String codegen) throws Exception {
    SparkSession spark = sessions.start("local[1]", Map.of("spark.sql.codegen.wholeStage", codegen));
    return SessionsUnderTest.readPeople(spark, SessionsUnderTest.writePeople(directory)).orderBy("name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void hashesOfMixedTypesSkipNulls(String codegen) throws Exception {
    Dataset<Row> result = people(codegen).select(functions.hash(col("age"), col("name")),
        functions.xxhash64(col("name"), col("score")), functions.hash(col("score")), functions.md5(col("name")),
        functions.sha2(col("city"), 256), functions.crc32(col("name")));
    assertEquals(List.of("hash(age, name)", "xxhash64(name, score)", "hash(score)", "md5(name)", "sha2(city, 256)",
        "crc32(name)"), List.of(result.columns()));
    assertEquals(List.of(false, false, false, true, true, true),
        java.util.Arrays.stream(result.schema().fields()).map(dev.ember.sql.types.StructField::nullable).toList());
    List<Row> rows = result.collectAsList();
    assertEquals("[373541247,-1998662496866335108,-54288250,64489c85dc2fe0787b85cd87214b3810,"
        + "815eca977c7d75f72bd23bccc91bc6f9931a42fbf03451eb0d7db8d2a704d94f,3863974723]", rows.get(0).toString());
    // Carol has no score, Eve no age: the null is skipped.
    assertEquals(8124531592956463619L, rows.get(2).get(1));
    assertEquals(42, rows.get(2).get(2));
    assertEquals(-1915804868, rows.get(4).get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false"})
  void encodingAndFormatting(String codegen) throws Exception {
    Dataset<Row> result = people(codegen).select(functions.base64(col("name")), functions.chr(col("age")),
        functions.soundex(col("name")), functions.levenshtein(col("name"), col("city")),
        functions.levenshtein(col("name"), col("city"), 5), functions.format_number(col("score"), 1),
        functions.format_string("%s is %d", col("name"), col("age")),
        functions.printf(functions.lit("%.1f"), col("score")),
        functions.decode(functions.unbase64(functions.base64(col("name"))), "utf-8"),
        functions.hex(functions.encode(col("name"), "utf-16")), functions.ascii(col("city")));
    assertEquals(List.of("base64(name)", "chr(age)", "soundex(name)", "levenshtein(name, city)",
        "levenshtein(name, city, 5)", "format_number(score, 1)", "format_string(%s is %d, name, age)",
        "printf(%.1f, score)", "decode(unbase64(base64(name)), utf-8)", "hex(encode(name, utf-16))", "ascii(city)"),
        List.of(result.columns()));
    List<Row> rows = result.collectAsList();
    assertEquals("[Qm9i,\u001c,B100,13,-1,72.2,Bob is 28,72.3,Bob,FEFF0042006F0062,83]", rows.get(1).toString());
    assertEquals("[Q2Fyb2w=,-,C640,5,5,null,Carol is 45,n,Carol,FEFF004300610072006F006C,67]",
        rows.get(2).toString());
    assertEquals("Eve is null", rows.get(4).get(6));
  }
}
