package dev.ember.examples.programs;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.expr;
import static dev.ember.sql.functions.grouping;
import static dev.ember.sql.functions.grouping_id;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.ntile;
import static dev.ember.sql.functions.rank;
import static dev.ember.sql.functions.row_number;
import static dev.ember.sql.functions.sum;

import dev.ember.sql.Column;
import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import dev.ember.sql.expressions.Window;

/**
 * Operations that fail, one per method; {@code ErrorsDifferentialTest} runs each on Spark and on
 * Ember and compares the errors. Each method must throw; its return value is never used.
 */
public final class FailingOperations {
  private FailingOperations() {}

  private static Dataset<Row> people(SparkSession spark, String dataDir) {
    return spark.read().option("header", "true").option("inferSchema", "true").csv(dataDir + "/people.csv");
  }

  public static Object unknownColumnInSelect(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("agee");
  }

  public static Object unknownColumnInFilter(SparkSession spark, String dataDir) {
    return people(spark, dataDir).filter(col("nme").equalTo("x"));
  }

  public static Object unknownColumnInGroupBy(SparkSession spark, String dataDir) {
    return people(spark, dataDir).groupBy("cty");
  }

  public static Object unknownColumnInOrderBy(SparkSession spark, String dataDir) {
    return people(spark, dataDir).orderBy("x");
  }

  public static Object unknownColumnInCol(SparkSession spark, String dataDir) {
    return people(spark, dataDir).col("scor");
  }

  public static Object unknownColumnCaseSensitive(SparkSession spark, String dataDir) {
    spark.conf().set("spark.sql.caseSensitive", "true");
    try {
      return people(spark, dataDir).select("NAME");
    } finally {
      spark.conf().set("spark.sql.caseSensitive", "false");
    }
  }

  public static Object unknownFunction(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(expr("foo(age)"));
  }

  public static Object parseError(SparkSession spark, String dataDir) {
    return people(spark, dataDir).filter("age >");
  }

  public static Object nonBooleanFilter(SparkSession spark, String dataDir) {
    return people(spark, dataDir).filter(col("age"));
  }

  public static Object missingAggregation(SparkSession spark, String dataDir) {
    return people(spark, dataDir).groupBy("city").agg(col("name"));
  }

  public static Object missingGroupBy(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(col("name"), sum("age"));
  }

  public static Object longOverflow(SparkSession spark, String dataDir) {
    return spark.range(1).select(lit(Long.MAX_VALUE).plus(col("id").plus(1))).collectAsList();
  }

  public static Object intOverflow(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(col("age").multiply(Integer.MAX_VALUE)).collectAsList();
  }

  public static Object divideByZero(SparkSession spark, String dataDir) {
    return spark.range(3).select(lit(1).divide(col("id"))).collectAsList();
  }

  public static Object remainderByZero(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(col("age").mod(lit(0))).collectAsList();
  }

  /** The malformed row ({@code two,...}) is on line 2 of malformed.csv. */
  public static Object failFastOnMalformedRow(SparkSession spark, String dataDir) {
    return spark.read().option("mode", "FAILFAST").schema("id INT, label STRING, amount DOUBLE")
        .csv(dataDir + "/malformed.csv").collectAsList();
  }

  public static Object globMatchesNothing(SparkSession spark, String dataDir) {
    return spark.read().json(dataDir + "/no-such-dir-*/part-?.json");
  }

  public static Object emptyPartitionValue(SparkSession spark, String dataDir) {
    writeFile(dataDir + "/empty-value/a=", "{\"id\":1}\n");
    return spark.read().json(dataDir + "/empty-value");
  }

  public static Object emptyPartitionName(SparkSession spark, String dataDir) {
    writeFile(dataDir + "/empty-name/=1", "{\"id\":1}\n");
    return spark.read().json(dataDir + "/empty-name");
  }

  public static Object partitionValueNotOfUserType(SparkSession spark, String dataDir) {
    writeFile(dataDir + "/bad-partition-value/month=12", "{\"id\":1}\n");
    return spark.read().schema("id INT, month DATE").json(dataDir + "/bad-partition-value");
  }

  public static Object mergeSchemaOfIncompatibleTypes(SparkSession spark, String dataDir) {
    writeFile(dataDir + "/merge-sources/ints", "{\"a\":1}\n");
    spark.read().schema("a INT").json(dataDir + "/merge-sources/ints").write().mode("overwrite")
        .parquet(dataDir + "/merge-incompatible/f1");
    spark.read().schema("a BIGINT").json(dataDir + "/merge-sources/ints").write().mode("overwrite")
        .parquet(dataDir + "/merge-incompatible/f2");
    return spark.read().option("mergeSchema", "true").parquet(dataDir + "/merge-incompatible/f1",
        dataDir + "/merge-incompatible/f2");
  }

  public static Object toDataFrameWithTooFewNames(SparkSession spark, String dataDir) {
    return people(spark, dataDir).toDF("a", "b");
  }

  public static Object withColumnsOfTheSameName(SparkSession spark, String dataDir) {
    java.util.Map<String, Column> columns = new java.util.LinkedHashMap<>();
    columns.put("total", lit(1));
    columns.put("Total", lit(2));
    return people(spark, dataDir).withColumns(columns);
  }

  public static Object withColumnOfUnknownColumn(SparkSession spark, String dataDir) {
    return people(spark, dataDir).withColumn("x", col("nope").plus(1));
  }

  public static Object selectExprParseError(SparkSession spark, String dataDir) {
    return people(spark, dataDir).selectExpr("id", "age +");
  }

  public static Object selectExprUnknownColumn(SparkSession spark, String dataDir) {
    return people(spark, dataDir).selectExpr("nope");
  }

  public static Object unionColumnCountMismatch(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("name", "age").union(people(spark, dataDir).select("name"));
  }

  public static Object unionIncompatibleTypes(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("name", "age").union(people(spark, dataDir).select("name", "active"));
  }

  public static Object unionAllIncompatibleFirstColumn(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("joined").unionAll(people(spark, dataDir).select("active"));
  }

  public static Object unionByNameMissingColumn(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("name", "age").unionByName(people(spark, dataDir).select("name"));
  }

  public static Object unionByNameExtraColumn(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("name").unionByName(people(spark, dataDir).select("age", "name"));
  }

  public static Object unionByNameDuplicateColumn(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(col("name"), col("age").as("NAME"))
        .unionByName(people(spark, dataDir).select("name", "age"));
  }

  public static Object intersectColumnCountMismatch(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("name", "age").intersect(people(spark, dataDir).select("name"));
  }

  public static Object exceptIncompatibleTypes(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("age").except(people(spark, dataDir).select("active"));
  }

  public static Object dropDuplicatesUnknownColumn(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("name", "city").dropDuplicates("cty");
  }

  /** One JSON file, {@code data.json}, in {@code directory}. */
  private static void writeFile(String directory, String content) {
    try {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of(directory));
      java.nio.file.Files.writeString(java.nio.file.Path.of(directory, "data.json"), content);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Object unknownJoinType(SparkSession spark, String dataDir) {
    Dataset<Row> people = people(spark, dataDir);
    return people.join(people.select("id"), people.col("id").equalTo(lit(1)), "sideways");
  }

  public static Object usingColumnMissingOnTheRight(SparkSession spark, String dataDir) {
    Dataset<Row> people = people(spark, dataDir);
    return people.join(people.select("id"), "name");
  }

  public static Object ambiguousColumnAfterJoin(SparkSession spark, String dataDir) {
    Dataset<Row> people = people(spark, dataDir);
    Dataset<Row> ids = people.select("id", "age");
    return people.join(ids, people.col("id").equalTo(ids.col("id"))).select("age");
  }

  public static Object ambiguousColumnOfAliasedSides(SparkSession spark, String dataDir) {
    Dataset<Row> people = people(spark, dataDir);
    return people.as("a").join(people.as("b"), col("a.id").equalTo(col("b.id"))).select(col("name"));
  }

  public static Object windowRankWithoutOrder(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(rank()
        .over(Window.partitionBy("city")));
  }

  public static Object windowRowNumberWithoutOrder(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(row_number()
        .over(Window.partitionBy("city")));
  }

  public static Object windowRangeFrameOverStringKey(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(sum("age")
        .over(Window.orderBy("city").rangeBetween(-1, 1)));
  }

  public static Object windowRangeFrameWithoutOrder(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(sum("age")
        .over(Window.partitionBy("city").rangeBetween(-1, 1)));
  }

  public static Object windowFrameBoundsReversed(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(sum("age")
        .over(Window.orderBy("age").rowsBetween(1, -1)));
  }

  public static Object windowNtileOfZeroBuckets(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select(ntile(0)
        .over(Window.orderBy("age")));
  }

  public static Object windowFunctionInFilter(SparkSession spark, String dataDir) {
    return people(spark, dataDir).filter(row_number()
        .over(Window.orderBy("age")).equalTo(1));
  }

  public static Object negativeOffset(SparkSession spark, String dataDir) {
    return people(spark, dataDir).offset(-1);
  }

  public static Object groupingOutsideRollup(SparkSession spark, String dataDir) {
    return people(spark, dataDir).groupBy("city").agg(grouping("city"));
  }

  public static Object groupingIdOutsideCube(SparkSession spark, String dataDir) {
    return people(spark, dataDir).groupBy("city").agg(grouping_id());
  }

  public static Object intersectAllColumnCountMismatch(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("id").intersectAll(people(spark, dataDir).select("id", "name"));
  }

  public static Object exceptAllIncompatibleTypes(SparkSession spark, String dataDir) {
    return people(spark, dataDir).select("age").exceptAll(people(spark, dataDir).select("active"));
  }
}
