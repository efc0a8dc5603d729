package dev.ember.runtime.io.csv;

import static dev.ember.runtime.io.csv.CsvTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected schemas are what Spark 4.2 infers for the same files. */
class CsvSchemaInferenceTest {
  @TempDir Path directory;

  private StructType infer(String content, Map<String, String> options) {
    return CsvSchemaInference.infer(List.of(write(directory, "data.csv", content)), CsvOptions.parse(options));
  }

  private static final Map<String, String> HEADER_AND_INFER = Map.of("header", "true", "inferSchema", "true");

  @Test
  void infersNumbersBooleansDatesAndTimestamps() {
    StructType schema = infer(
        "i,l,mixed,big,huge,b,d,ts,empty,quoted,nan,dt_ts,bool_int,tsT,f1,plus,e\n"
            + "1,1,1,12345678901234567890123,123456789012345678901234567890123456789012,true,2024-01-15,"
            + "2024-01-15 10:20:30,,\"5\",NaN,2024-01-15,true,2024-01-15T10:20:30,1d,+5,1e3\n"
            + "2,12345678901,2.5,1,1,True,2024-01-16,2024-01-15 10:20:30.123456,,\"6\",Infinity,"
            + "2024-01-15 10:20:30,1,2024-01-15T10:20:30Z,2f,-6,2E-3\n"
            + "3,,,,,FALSE,,,,,-Infinity,,,2024-01-15T10:20:30+02:00,3,7,3\n",
        HEADER_AND_INFER);
    assertEquals(StructType.fromDDL(
        "i INT, l BIGINT, mixed DOUBLE, big DECIMAL(23,0), huge DOUBLE, b BOOLEAN, d DATE, ts TIMESTAMP, "
            + "empty STRING, quoted INT, nan DOUBLE, dt_ts TIMESTAMP, bool_int STRING, tsT TIMESTAMP, f1 DOUBLE, "
            + "plus INT, e DOUBLE"), schema);
  }

  @Test
  void followsSparkOnSpacesLenientDatesAndLeadingZeros() {
    StructType schema = infer(
        "a,b,c,d,e,f,g,h,i,j\n"
            + " 5,5 ,1.0,2024-1-5,0x10,1.5f,123.45,01,2024-01-15T10:20,9223372036854775808\n"
            + "6,6,2,2024-01-05,1,1,12.3,007,2024-01-15 10:20,1\n",
        HEADER_AND_INFER);
    assertEquals(StructType.fromDDL(
        "a DOUBLE, b DOUBLE, c DOUBLE, d TIMESTAMP, e STRING, f DOUBLE, g DOUBLE, h INT, i TIMESTAMP, "
            + "j DECIMAL(19,0)"), schema);
  }

  @Test
  void widensAcrossRows() {
    StructType schema = infer(
        "a,b,c,d,e,f,g\n1.5,1,2147483648,true,2024-01-15,1e3,\"1,000\"\n"
            + "1,1.5,1,false,x,-0,2024\n100000000000000000000,2147483648,1.5,1,2024-01-15 00:00:00,0.0,2024-01\n",
        HEADER_AND_INFER);
    assertEquals(StructType.fromDDL("a DOUBLE, b DOUBLE, c DOUBLE, d STRING, e STRING, f DOUBLE, g STRING"), schema);
  }

  @Test
  void nullValueDoesNotVoteAndAllNullColumnsAreStrings() {
    StructType schema = infer("a,b,c,d\nNA,1,x,1\nNA,NA,y,2024-01-01\n",
        Map.of("header", "true", "inferSchema", "true", "nullValue", "NA"));
    assertEquals(StructType.fromDDL("a STRING, b INT, c STRING, d STRING"), schema);
  }

  @Test
  void raggedRowsBlankLinesAndRepeatedHeadersAreIgnored() {
    assertEquals(StructType.fromDDL("a INT, b INT, c INT"),
        infer("a,b,c\n1,2\n1,2,3,4\n\n   \na,b,c\n5,6,7\n", HEADER_AND_INFER));
    assertEquals(StructType.fromDDL("_c0 STRING, _c1 STRING, _c2 STRING"),
        infer("a,b,c\n1,2\n", Map.of("inferSchema", "true")));
  }

  @Test
  void headerNamesFollowSpark() {
    assertEquals(StructType.fromDDL(
            "a0 STRING, _c1 STRING, a2 STRING, A3 STRING, b STRING, _c5 STRING, c STRING, `NA` STRING"),
        infer("a,,a,A,b,\"\",c,NA\n1,2,3,4,5,6,7,8\n", Map.of("header", "true")));
    assertEquals("_c7", infer("a,,a,A,b,\"\",c,NA\n", Map.of("header", "true", "nullValue", "NA")).apply(7).name());
    assertEquals(" a ", infer(" a , b \n", Map.of("header", "true")).apply(0).name());
  }

  @Test
  void withoutInferSchemaEveryColumnIsAString() {
    assertEquals(StructType.fromDDL("x STRING, y STRING"), infer("x,y\n1,2\n", Map.of("header", "true")));
  }

  @Test
  void emptyFilesGiveAnEmptySchemaAndCommentsAreSkipped() {
    assertEquals(new StructType(), infer("", HEADER_AND_INFER));
    assertEquals(StructType.fromDDL("`1` STRING, `2` STRING"),
        infer("a,b\n1,2\n", Map.of("header", "true", "comment", "a")));
  }

  @Test
  void explicitDateFormatDecidesDates() {
    assertEquals(StructType.fromDDL("d DATE"),
        infer("d\n2024/01/15\n", Map.of("header", "true", "inferSchema", "true", "dateFormat", "yyyy/MM/dd")));
  }

  @Test
  void readsEveryFileAndTakesTheHeaderFromTheFirst() {
    Path first = write(directory, "1.csv", "a,b\n1,2\n");
    Path second = write(directory, "2.csv", "a,b\n3,x\n");
    assertEquals(StructType.fromDDL("a INT, b STRING"),
        CsvSchemaInference.infer(List.of(first, second), CsvOptions.parse(HEADER_AND_INFER)));
  }
}
