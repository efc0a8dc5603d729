package dev.ember.examples.programs;

import static dev.ember.sql.functions.aggregate;
import static dev.ember.sql.functions.array;
import static dev.ember.sql.functions.array_compact;
import static dev.ember.sql.functions.array_size;
import static dev.ember.sql.functions.array_sort;
import static dev.ember.sql.functions.coalesce;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.exists;
import static dev.ember.sql.functions.expr;
import static dev.ember.sql.functions.filter;
import static dev.ember.sql.functions.forall;
import static dev.ember.sql.functions.get;
import static dev.ember.sql.functions.length;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.map_filter;
import static dev.ember.sql.functions.reduce;
import static dev.ember.sql.functions.split;
import static dev.ember.sql.functions.split_part;
import static dev.ember.sql.functions.transform;
import static dev.ember.sql.functions.transform_keys;
import static dev.ember.sql.functions.transform_values;
import static dev.ember.sql.functions.upper;
import static dev.ember.sql.functions.when;
import static dev.ember.sql.functions.zip_with;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/**
 * Higher-order functions through the Java API (Java lambdas where Spark takes Scala functions) and
 * in SQL text. Spark 4.2 names every lambda variable {@code namedlambdavariable()} in column names,
 * so Java lambdas give the same names as SQL text.
 */
public final class HigherOrderFunctions {
  private HigherOrderFunctions() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv").select("id", "name", "age", "city", "note");
    Dataset<Row> words = people.select(col("id"), col("age"), split(col("note"), " ").as("words"),
        array(col("id"), col("age"), lit(7)).as("numbers"));

    Dataset<Row> java = words.select(col("id"),
        transform(col("words"), word -> upper(word)).as("upper"),
        transform(col("numbers"), (n, i) -> n.multiply(i)).as("scaled"),
        filter(col("words"), word -> length(word).gt(3)).as("long_words"),
        filter(col("numbers"), (n, i) -> i.geq(1)).as("tail"),
        exists(col("numbers"), n -> n.isNull()).as("has_null"),
        forall(col("numbers"), n -> n.gt(col("id"))).as("all_above_id"),
        aggregate(col("numbers"), lit(0L), (sum, n) -> sum.plus(n)).as("sum"),
        reduce(col("numbers"), lit(0), (acc, n) -> acc.plus(when(n.isNull(), 0).otherwise(n)),
            acc -> acc.multiply(10)).as("total_times_ten"),
        zip_with(col("words"), col("numbers"), (w, n) -> expr("1").plus(n)).as("zipped"),
        array_sort(col("numbers"), (left, right) -> coalesce(right, lit(0)).minus(coalesce(left, lit(0))))
            .as("descending"));
    java.printSchema();
    java.orderBy("id").show(false);
    words.select(transform(col("numbers"), n -> n.plus(1)), exists(col("words"), w -> w.equalTo("short")))
        .printSchema();

    words.selectExpr("id", "transform(numbers, x -> x + age)", "filter(words, w -> w <> 'with')",
        "aggregate(numbers, 0L, (acc, x) -> acc + x, acc -> acc * 2)", "exists(words, w -> w LIKE 'q%')",
        "transform(words, (w, i) -> concat(i, ':', w))").orderBy("id").show(false);
    words.filter("exists(numbers, x -> x IS NULL)").select("id").orderBy("id").show();
    words.where(forall(col("words"), w -> length(w).leq(5))).select("id", "words").orderBy("id").show(false);

    Dataset<Row> maps = people.selectExpr("id", "map('name', name, 'city', city) AS m");
    maps.select(col("id"),
        map_filter(col("m"), (k, v) -> v.isNotNull()).as("known"),
        transform_values(col("m"), (k, v) -> upper(v)).as("upper"),
        transform_keys(col("m"), (k, v) -> upper(k)).as("keys")).orderBy("id").show(false);

    words.select(col("id"), get(col("numbers"), lit(1)).as("second"), array_size(col("words")).as("n"),
        array_compact(col("numbers")).as("compact"), split_part(col("words").getItem(0), lit("o"), lit(1)).as("part"))
        .orderBy("id").show(false);
    words.selectExpr("id", "concat(numbers, array(100))", "get(words, 5)", "array_size(numbers)",
        "split_part('a-b-c', '-', -1)").orderBy("id").show(false);
  }
}
