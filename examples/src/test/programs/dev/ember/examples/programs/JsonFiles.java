package dev.ember.examples.programs;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON files: inference, explicit schemas, parse modes and the corrupt-record column, multiLine, options. */
public final class JsonFiles {
  private JsonFiles() {}

  public static void run(SparkSession spark, String dataDir) {
    Path directory = Path.of(dataDir, "json");
    write(directory, "basic.json", "{\"b\":1,\"a\":\"x\",\"c\":1.5}\n{\"b\":2,\"a\":null,\"c\":2}\n\n{\"b\":3,\"d\":true,\"e\":null}\n");
    write(directory, "widen.json",
        "{\"a\":1}\n{\"a\":\"s\"}\n{\"a\":true,\"b\":1}\n{\"b\":1.0}\n{\"c\":12345678901234567890}\n{\"d\":1e400}\n");
    write(directory, "corrupt.json", "{\"a\":1}\nnot json\n{\"a\":2,\"b\":\"x\"}\n{\"a\":\"zz\"}\n[1,2]\n{\"a\":3} trailing\n");
    write(directory, "multi.json", "[\n  {\"a\": 1, \"b\": \"x\"},\n  {\"a\": 2}\n]\n");
    write(directory, "decimals.json", "{\"a\":1.25,\"b\":10}\n{\"a\":0.5,\"b\":-3}\n");
    write(directory, "dates.json", "{\"t\":\"2020-01-02T03:04:05.123Z\",\"d\":\"2020-01-02\",\"t2\":\"2020-01-02 03:04:05\"}\n");
    write(directory, "nan.json", "{\"a\":NaN,\"b\":\"NaN\",\"c\":Infinity,\"d\":-Infinity,\"e\":1}\n");
    write(directory, "lenient.json", "// comment\n{a:1, 'b':'q'}\n");
    write(directory, "nested.json", "{\"id\":1,\"s\":{\"x\": [1, 2]}}\n{\"id\":2,\"s\":[1,\"a\"]}\n[{\"id\":3},{\"id\":4,\"s\":\"ok\"}]\n");
    write(directory, "conversions.json",
        "{\"i\":\"1\",\"d\":\"1.5\",\"dc\":1.555,\"dt\":\"2020-1-2\",\"ts\":\"2020-01-02 03:04\"}\n"
            + "{\"i\":2147483648,\"d\":\"NaN\",\"dc\":\"2.5\",\"dt\":18000,\"ts\":1000}\n"
            + "{\"i\":5,\"d\":2,\"dc\":3,\"dt\":\"2020-01-02T10:00\",\"ts\":\"2020-01-02\"}\n");

    Dataset<Row> basic = spark.read().format("json").load(directory + "/basic.json");
    basic.printSchema();
    basic.show();
    basic.filter("b >= 2").select("b", "c").show();

    Dataset<Row> widen = spark.read().format("json").load(directory + "/widen.json");
    widen.printSchema();
    widen.show(false);

    String corrupt = directory + "/corrupt.json";
    Dataset<Row> inferredCorrupt = spark.read().format("json").load(corrupt);
    inferredCorrupt.printSchema();
    inferredCorrupt.show();
    spark.read().format("json").option("mode", "DROPMALFORMED").load(corrupt).show();
    spark.read().format("json").option("columnNameOfCorruptRecord", "bad").load(corrupt).printSchema();
    spark.read().format("json").schema("a INT, b STRING").load(corrupt).show();
    spark.read().format("json").schema("a INT, b STRING, _corrupt_record STRING").load(corrupt).show(false);
    spark.read().format("json").schema("a INT, b STRING").option("mode", "DROPMALFORMED").load(corrupt).show();

    Dataset<Row> multi = spark.read().format("json").option("multiLine", "true").load(directory + "/multi.json");
    multi.printSchema();
    multi.show();

    spark.read().format("json").option("prefersDecimal", "true").load(directory + "/decimals.json").printSchema();
    spark.read().format("json").option("prefersDecimal", "true").load(directory + "/decimals.json").show();
    spark.read().format("json").option("primitivesAsString", "true").load(directory + "/decimals.json").show();

    spark.read().format("json").load(directory + "/dates.json").printSchema();
    spark.read().format("json").schema("t TIMESTAMP, d DATE, t2 TIMESTAMP").load(directory + "/dates.json")
        .show(false);
    spark.read().format("json").option("timestampFormat", "yyyy-MM-dd HH:mm:ss")
        .schema("t2 TIMESTAMP, d DATE, t TIMESTAMP").load(directory + "/dates.json").show(false);

    Dataset<Row> nan = spark.read().format("json").load(directory + "/nan.json");
    nan.printSchema();
    nan.show();
    spark.read().format("json").schema("a DOUBLE, b DOUBLE, c FLOAT, d DOUBLE, e DOUBLE")
        .load(directory + "/nan.json").show();

    spark.read().format("json").option("allowComments", "true").option("allowUnquotedFieldNames", "true")
        .load(directory + "/lenient.json").show();

    spark.read().format("json").schema("id BIGINT, s STRING").load(directory + "/nested.json").show(false);
    spark.read().format("json").schema("i INT, d DOUBLE, dc DECIMAL(10,2), dt DATE, ts TIMESTAMP")
        .load(directory + "/conversions.json").show();

    Dataset<Row> all = spark.read().format("json").load(directory + "/basic.json", directory + "/decimals.json");
    all.printSchema();
    System.out.println(all.count());
  }

  private static void write(Path directory, String name, String content) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
