package dev.ember.examples.programs;

import static dev.ember.sql.functions.col;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Tables on disk in Hive-style partition directories: discovery and type inference of partition
 * columns, pruning by filters on them, basePath, recursiveFileLookup, pathGlobFilter, glob patterns,
 * user schemas naming partition columns, Parquet's mergeSchema, and partitioned writes read back.
 */
public final class PartitionedTables {
  private PartitionedTables() {}

  public static void run(SparkSession spark, String dataDir) {
    Path root = Path.of(dataDir, "partitioned");
    discovery(spark, root.resolve("sales"));
    typeInference(spark, root.resolve("inference"));
    layouts(spark, root.resolve("layouts"));
    globs(spark, root.resolve("globs"));
    mergeSchema(spark, root.resolve("merge"));
    partitionedWrite(spark, root.resolve("written"));
  }

  private static void discovery(SparkSession spark, Path table) {
    write(table.resolve("year=2023/month=12"), "a.json", "{\"id\":1,\"amount\":10.5,\"city\":\"Oslo\"}\n");
    write(table.resolve("year=2024/month=1"), "a.json", "{\"id\":2,\"amount\":20.0,\"city\":\"Rome\"}\n"
        + "{\"id\":3,\"amount\":5.25,\"city\":\"Oslo\"}\n");
    write(table.resolve("year=2024/month=2"), "b.json", "{\"id\":4,\"amount\":7.0,\"city\":\"Lima\"}\n");
    write(table, "_SUCCESS", "");
    write(table.resolve("year=2024/month=2"), ".b.json.crc", "not json");
    String path = table.toString();

    Dataset<Row> sales = spark.read().json(path);
    sales.printSchema();
    sales.orderBy("id").show();
    System.out.println(sales.count());
    sales.filter("year = 2024 AND month > 1").show();
    sales.filter(col("year").equalTo(2024).and(col("amount").gt(6))).orderBy("id").show();
    sales.filter("year = 2023 OR id = 4").orderBy("id").show();
    sales.filter("year + 1 = 2025").orderBy("id").select("id", "month").show();
    sales.filter("month = 7").show();
    sales.select("month").orderBy("month").show();
    sales.groupBy("year").count().orderBy("year").show();
    sales.groupBy().count().show();
    sales.filter("year = 2024").groupBy("month").count().orderBy("month").show();
    sales.select("year", "id").filter("month < 2").orderBy("id").show();

    spark.read().option("basePath", path).json(path + "/year=2024").orderBy("id").show();
    spark.read().json(path + "/year=2024").orderBy("id").show();
    spark.read().option("basePath", path).json(path + "/year=2024/month=1/a.json").show();
    spark.read().json(path + "/year=2024/month=1/a.json").show();
    spark.read().json(path + "/year=2024/month=1", path + "/year=2023/month=12").orderBy("id").show();
    spark.read().option("recursiveFileLookup", "true").json(path).orderBy("id").show();
    spark.read().option("pathGlobFilter", "b*").json(path).show();

    spark.read().schema("id LONG, year STRING, city STRING").json(path).orderBy("id").show();
    spark.read().schema("city STRING, month LONG").json(path).printSchema();
    spark.read().schema("id INT, amount DOUBLE").json(path).filter("month = 1").orderBy("id").show();

    spark.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
    try {
      spark.read().json(path).printSchema();
    } finally {
      spark.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "true");
    }

    Path csv = table.resolveSibling("csv");
    write(csv.resolve("k=1"), "a.csv", "x,y\n1,2\n");
    write(csv.resolve("k=2"), "a.csv", "x,y\n3,4\n5,6\n");
    Dataset<Row> csvTable = spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString());
    csvTable.printSchema();
    csvTable.orderBy("x").show();
    csvTable.filter("k = 2").groupBy().count().show();
    spark.read().schema("x INT, k STRING, y INT").option("header", "true").csv(csv.toString()).orderBy("x").show();

    Path overlap = table.resolveSibling("overlap");
    write(overlap.resolve("k=1"), "a.json", "{\"x\":1}\n{\"x\":2}\n");
    write(overlap.resolve("k=2"), "a.json", "{\"x\":3,\"k\":9}\n");
    Dataset<Row> overlapping = spark.read().json(overlap.toString());
    overlapping.printSchema();
    overlapping.orderBy("x").show();
  }

  private static void typeInference(SparkSession spark, Path base) {
    String[] values = {"7", "-0", "+5", "01", "3000000000", "12345678901234567890", "1e3", "1.5", "NaN",
        "2024-01-15", "2024-02-30", "2024-01-15 10%3A00%3A00", "2024-01-15 10%3A00%3A00.5",
        "2024-01-15 10%3A00%3A00.123", "2024-01-15T10:00:00", "true", "a%20b%2Fc", "x=y", "__HIVE_DEFAULT_PARTITION__"};
    for (int i = 0; i < values.length; i++) {
      Path table = base.resolve("single" + i);
      write(table.resolve("v=" + values[i]), "a.json", "{\"id\":" + i + "}\n");
      Dataset<Row> read = spark.read().json(table.toString());
      System.out.println(values[i] + " -> " + read.schema().simpleString());
      read.show(false);
    }
    String[][] pairs = {{"1", "3000000000"}, {"1", "1.5"}, {"3000000000", "1.5"}, {"1", "abc"}, {"01", "abc"},
        {"1", "12345678901234567890"}, {"1", "1e3"}, {"1.5", "12345678901234567890"}, {"2024-01-15", "abc"},
        {"2024-01-15", "2024-01-15 10%3A00%3A00"}, {"2024-01-15", "1"}, {"1", "__HIVE_DEFAULT_PARTITION__"}};
    for (int i = 0; i < pairs.length; i++) {
      Path table = base.resolve("pair" + i);
      write(table.resolve("v=" + pairs[i][0]), "a.json", "{\"id\":0}\n");
      write(table.resolve("v=" + pairs[i][1]), "a.json", "{\"id\":1}\n");
      Dataset<Row> read = spark.read().json(table.toString());
      System.out.println(pairs[i][0] + ", " + pairs[i][1] + " -> " + read.schema().simpleString());
      read.orderBy("id").show(false);
    }
  }

  private static void layouts(SparkSession spark, Path base) {
    write(base.resolve("rootfile"), "a.json", "{\"id\":1}\n");
    write(base.resolve("rootfile/p=1"), "a.json", "{\"id\":2}\n");
    spark.read().json(base.resolve("rootfile").toString()).show();

    write(base.resolve("nested"), "a.json", "{\"id\":1}\n");
    write(base.resolve("nested/sub"), "a.json", "{\"id\":2}\n");
    spark.read().json(base.resolve("nested").toString()).show();

    write(base.resolve("inner/p=1/extra"), "a.json", "{\"id\":1}\n");
    write(base.resolve("inner/p=2/_temporary"), "a.json", "{\"id\":2}\n");
    write(base.resolve("inner/p=3"), "a.json", "{\"id\":3}\n");
    spark.read().json(base.resolve("inner").toString()).orderBy("id").show();

    write(base.resolve("names/A=1"), "a.json", "{\"id\":1}\n");
    write(base.resolve("names/a=2"), "a.json", "{\"id\":2}\n");
    write(base.resolve("names/_c=3/b=x%3Dy"), "a.json", "{\"id\":3}\n");
    spark.read().json(base.resolve("names/_c=3").toString()).show();
    spark.read().json(base.resolve("names").toString() + "/{A=1,a=2}").orderBy("id").show();
  }

  private static void globs(SparkSession spark, Path base) {
    for (String day : new String[] {"2024-01-01", "2024-01-02", "2024-02-01", "2023-12-31"}) {
      write(base.resolve(day), "part-0.json", "{\"day\":\"" + day + "\",\"n\":1}\n");
      write(base.resolve(day), "part-1.json", "{\"day\":\"" + day + "\",\"n\":2}\n");
      write(base.resolve(day), "other.json", "{\"day\":\"" + day + "\",\"n\":3}\n");
    }
    String path = base.toString();
    spark.read().json(path + "/2024-*/part-*.json").orderBy("day", "n").show();
    spark.read().json(path + "/2024-01-0?").orderBy("day", "n").show();
    spark.read().json(path + "/{2023-12-31,2024-02-01}/part-[01].json").orderBy("day", "n").show();
    spark.read().json(path + "/202[3]-*/*-1.json").orderBy("day", "n").show();
    spark.read().json(path + "/*/part-[^0].json").orderBy("day", "n").show();
    spark.read().json(path + "/2024-01-01/*", path + "/2023-*").groupBy("day").count().orderBy("day").show();
  }

  private static void mergeSchema(SparkSession spark, Path base) {
    String first = base.resolve("first").toString();
    String second = base.resolve("second").toString();
    String third = base.resolve("third").toString();
    json(spark, base, "a", "{\"a\":1,\"b\":\"x\"}\n", "a INT, b STRING").write().mode("overwrite").parquet(first);
    json(spark, base, "b", "{\"a\":2,\"c\":2.5,\"b\":\"y\"}\n", "a INT, c DOUBLE, b STRING").write().mode("overwrite")
        .parquet(second);
    json(spark, base, "c", "{\"z\":3,\"d\":1.25}\n", "z INT, d DECIMAL(10,2)").write().mode("overwrite").parquet(third);
    Dataset<Row> merged = spark.read().option("mergeSchema", "true").parquet(first, second, third);
    merged.printSchema();
    merged.orderBy("a", "z").show();
    spark.read().parquet(first, second, third).printSchema();
    spark.conf().set("spark.sql.parquet.mergeSchema", "true");
    try {
      spark.read().parquet(second, first).printSchema();
      spark.read().option("mergeSchema", "false").parquet(second, first).printSchema();
    } finally {
      spark.conf().set("spark.sql.parquet.mergeSchema", "false");
    }
    String decimals = base.resolve("decimals").toString();
    json(spark, base, "d", "{\"d\":1.5}\n", "d DECIMAL(5,2)").write().mode("overwrite").parquet(decimals + "/p=1");
    json(spark, base, "e", "{\"d\":2.25,\"e\":1}\n", "d DECIMAL(12,2), e INT").write().mode("overwrite")
        .parquet(decimals + "/p=2");
    Dataset<Row> widened = spark.read().option("mergeSchema", "true").parquet(decimals);
    widened.printSchema();
    widened.orderBy("p").show();
  }

  private static void partitionedWrite(SparkSession spark, Path base) {
    String rows = Stream.of("{\"id\":1,\"k\":\"a/b\",\"n\":10}", "{\"id\":2,\"k\":\"a b\",\"n\":20}",
        "{\"id\":3,\"k\":\"a=b\",\"n\":30}", "{\"id\":4,\"k\":\"x%y\",\"n\":40}", "{\"id\":5,\"k\":null,\"n\":50}",
        "{\"id\":6,\"k\":\"007\",\"n\":60}", "{\"id\":7,\"k\":\"é#?\",\"n\":70}", "{\"id\":8,\"k\":\"a:b{c}[d]^*\",\"n\":80}",
        "{\"id\":9,\"k\":\".hid\",\"n\":90}", "{\"id\":10,\"k\":\"_und\",\"n\":100}", "{\"id\":11,\"k\":\"a\\\\b\",\"n\":110}",
        "{\"id\":12,\"k\":\"~!@$&()+,;<>|`\",\"n\":120}", "{\"id\":13,\"k\":\"007\",\"n\":130}")
        .reduce((left, right) -> left + "\n" + right).orElseThrow() + "\n";
    Dataset<Row> input = json(spark, base, "input", rows, "id INT, k STRING, n INT");
    Path out = base.resolve("strings");
    input.write().mode("overwrite").partitionBy("k").parquet(out.toString());
    printDirectories(out);
    Dataset<Row> back = spark.read().parquet(out.toString());
    back.printSchema();
    back.orderBy("id").show(false);
    back.filter("k = '007'").orderBy("id").show();

    Dataset<Row> typed = json(spark, base, "typed",
        "{\"id\":1,\"y\":2024,\"d\":\"2024-01-02\",\"b\":true,\"l\":10,\"s\":\"q\"}\n"
            + "{\"id\":2,\"y\":2023,\"d\":\"2023-05-06\",\"b\":false,\"l\":20,\"s\":\"r\"}\n"
            + "{\"id\":3,\"y\":null,\"d\":null,\"b\":null,\"l\":null,\"s\":\"t\"}\n",
        "id INT, y INT, d DATE, b BOOLEAN, l LONG, s STRING");
    Path typedOut = base.resolve("typed-out");
    typed.write().mode("overwrite").partitionBy("y", "d", "b", "l").json(typedOut.toString());
    printDirectories(typedOut);
    Dataset<Row> typedBack = spark.read().json(typedOut.toString());
    typedBack.printSchema();
    typedBack.orderBy("id").show();
    typedBack.filter("y = 2024 OR y IS NULL").orderBy("id").show();

    Path csvOut = base.resolve("csv-out");
    typed.write().mode("overwrite").partitionBy("s").option("header", "true").csv(csvOut.toString());
    Dataset<Row> csvBack = spark.read().option("header", "true").option("inferSchema", "true").csv(csvOut.toString());
    csvBack.printSchema();
    csvBack.orderBy("id").show();
  }

  private static Dataset<Row> json(SparkSession spark, Path base, String name, String content, String schema) {
    write(base.resolve("sources"), name + ".json", content);
    return spark.read().schema(schema).json(base.resolve("sources").resolve(name + ".json").toString());
  }

  /** Partition directories, relative to the table, sorted. */
  private static void printDirectories(Path table) {
    try (Stream<Path> paths = Files.walk(table)) {
      paths.filter(Files::isDirectory).filter(path -> !path.equals(table))
          .map(path -> table.relativize(path).toString()).sorted().forEach(System.out::println);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
