package dev.ember.runtime.io.json;

import static dev.ember.runtime.io.json.JsonTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected schemas are what Spark 4.2 infers for the same files. */
class JsonSchemaInferenceTest {
  @TempDir Path directory;

  private String infer(String content, Map<String, String> options) {
    Path file = write(directory, "data.json", content);
    return JsonSchemaInference.infer(List.of(file), JsonOptions.parse(options)).simpleString();
  }

  @Test
  void infersPrimitiveTypesAndSortsFields() {
    assertEquals("struct<a:string,b:bigint,c:double,d:boolean,e:string>",
        infer("{\"b\":1,\"a\":\"x\",\"c\":1.5}\n{\"b\":2,\"a\":null,\"c\":2}\n\n{\"b\":3,\"d\":true,\"e\":null}\n", Map.of()));
  }

  @Test
  void widensConflictingTypesAsSparkDoes() {
    assertEquals("struct<a:string,b:double,c:decimal(20,0),d:double>",
        infer("{\"a\":1}\n{\"a\":\"s\"}\n{\"a\":true,\"b\":1}\n{\"b\":1.0}\n{\"c\":12345678901234567890}\n{\"d\":1e400}\n",
            Map.of()));
  }

  @Test
  void prefersDecimalAndPrimitivesAsString() {
    String data = "{\"a\":1.25,\"b\":10}\n{\"a\":0.5,\"b\":-3}\n";
    assertEquals("struct<a:decimal(3,2),b:bigint>", infer(data, Map.of("prefersDecimal", "true")));
    assertEquals("struct<a:string,b:string>", infer(data, Map.of("primitivesAsString", "true")));
    AnalysisException negativeScale = assertThrows(AnalysisException.class,
        () -> infer("{\"a\":3.5e2}\n", Map.of("prefersDecimal", "true")));
    assertEquals("NEGATIVE_SCALE_DISALLOWED", negativeScale.getCondition());
  }

  @Test
  void corruptRecordsAddTheCorruptColumnOnlyInPermissiveMode() {
    String data = "{\"a\":1}\nnot json\n{\"a\":2,\"b\":\"x\"}\n[1,2]\n";
    assertEquals("struct<_corrupt_record:string,a:bigint,b:string>", infer(data, Map.of()));
    assertEquals("struct<a:bigint,b:string,bad:string>", infer(data, Map.of("columnNameOfCorruptRecord", "bad")));
    assertEquals("struct<a:bigint,b:string>", infer(data, Map.of("mode", "DROPMALFORMED")));
    SparkException failed = assertThrows(SparkException.class, () -> infer(data, Map.of("mode", "FAILFAST")));
    assertEquals("MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", failed.getCondition());
    assertTrue(failed.getMessage().contains("data.json, line 2."), failed.getMessage());
  }

  @Test
  void nullOnlyFieldsAreStringsAndArraysOfObjectsAreRecords() {
    assertEquals("struct<a:string,b:bigint>", infer("{}\n{\"a\":null}\n[{\"b\":1},{\"b\":2}]\n", Map.of()));
  }

  @Test
  void lenientSyntaxNeedsItsOptions() {
    String data = "// comment\n{a:1, 'b':'q'}\n";
    assertEquals("struct<_corrupt_record:string>", infer(data, Map.of()));
    assertEquals("struct<a:bigint,b:string>",
        infer(data, Map.of("allowComments", "true", "allowUnquotedFieldNames", "true")));
  }

  @Test
  void multiLineReadsTheWholeFileAsOneValue() {
    assertEquals("struct<a:bigint,b:string>",
        infer("[\n  {\"a\": 1, \"b\": \"x\"},\n  {\"a\": 2}\n]\n", Map.of("multiLine", "true")));
  }

  /** Expected schemas are what Spark 4.2 infers for the same records. */
  @Test
  void nestedValuesInferAsSparkDoes() {
    assertEquals("struct<a:bigint,point:struct<x:bigint,y:string>>",
        infer("{\"a\":1}\n{\"a\":2,\"point\":{\"y\":\"s\",\"x\":1}}\n", Map.of()));
    assertEquals("struct<c:array<string>,d:array<string>,k:array<double>,l:array<string>,n:array<array<bigint>>,"
        + "o:array<string>,s:struct<p:string,q:bigint>,z:struct<z:string>>",
        infer("{\"a\":{},\"c\":[1,\"a\"],\"d\":[1,[2]],\"k\":[1.5,10],\"l\":[true,1],\"n\":[[],[1]],"
            + "\"o\":[],\"s\":{\"q\":1},\"z\":{\"z\":null}}\n{\"s\":{\"p\":\"x\"},\"o\":[null]}\n", Map.of()));
    assertEquals("struct<m:string>", infer("{\"m\":{\"a\":1}}\n{\"m\":[1]}\n", Map.of()));
  }

  @Test
  void widenKeepsDecimalsWhenTheyFit() {
    assertEquals("decimal(22,2)", JsonSchemaInference.widen(
        new dev.ember.sql.types.DecimalType(3, 2), dev.ember.sql.types.DataTypes.LongType).simpleString());
    assertEquals(StructType.fromDDL("a DOUBLE").apply(0).dataType(), JsonSchemaInference.widen(
        new dev.ember.sql.types.DecimalType(3, 2), dev.ember.sql.types.DataTypes.DoubleType));
  }
}
