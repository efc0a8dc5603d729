package dev.ember.examples.programs;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.expr;
import static dev.ember.sql.functions.lit;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/** union, unionAll and unionByName (types widened, names from the left), distinct and dropDuplicates. */
public final class SetOperations {
  private SetOperations() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv");
    Dataset<Row> young = people.filter("age < 32").select("name", "age");
    Dataset<Row> old = people.filter("age > 40").select("name", "age");

    // Left rows, then right rows, duplicates kept.
    young.union(old).show();
    young.unionAll(young).show();
    young.union(old).union(young).show();
    System.out.println(young.union(old).count());

    // Types are widened position by position; names and order come from the left side.
    Dataset<Row> ids = spark.range(3).select(expr("cast(id as int)").as("n"), lit("x").as("tag"));
    Dataset<Row> longs = spark.range(10, 12).select(col("id").as("m"), expr("cast(null as string)").as("label"));
    ids.union(longs).printSchema();
    ids.union(longs).show();
    Dataset<Row> doubles = spark.range(2).select(lit(1.5).as("d"), lit("y").as("t"));
    ids.union(doubles).printSchema();
    ids.union(doubles).show();
    ids.select("n").union(spark.range(1).select(lit(null).as("z"))).printSchema();
    spark.range(1).select(lit(null).as("z")).union(ids.select("n")).show();
    people.select("score").union(people.select("age")).orderBy("score").show();
    people.select("joined").union(people.select("last_login")).printSchema();

    // A union filtered, sorted and aggregated like any Dataset.
    Dataset<Row> both = young.union(old);
    both.filter(col("age").gt(30)).orderBy(col("age").desc()).show();
    both.groupBy("name").count().orderBy("name").show();

    // By name: the right side's columns are matched to the left's.
    young.unionByName(old.select("age", "name")).show();
    young.unionByName(old.select(col("AGE"), col("NAME"))).printSchema();
    young.unionByName(people.select("city", "age").filter("age > 40"), true).show();
    young.unionByName(people.select("city", "age").filter("age > 40"), true).printSchema();
    people.select("id", "city").filter("id < 3").unionByName(young, true).show();

    // distinct and dropDuplicates.
    people.select("city").distinct().orderBy("city").show();
    people.select("active", "city").distinct().orderBy("active", "city").show();
    young.union(young).distinct().orderBy("name").show();
    System.out.println(people.select("city").distinct().count());
    people.select("city", "name", "age").dropDuplicates("city").orderBy("city").show();
    people.select("city", "active", "name").dropDuplicates("city", "active").orderBy("city", "active").show();
    // Spark keeps whichever row its aggregation meets first, which for non-key columns need not be the
    // first in file order; only the keys are compared here.
    people.select("city", "active").dropDuplicates(new String[] {"ACTIVE"}).select("active").orderBy("active").show();
    people.select("city").dropDuplicates().orderBy("city").show();
    people.select("city", "name").dropDuplicates("city").printSchema();
    people.select("city", "name").distinct().printSchema();

    // intersect and except: distinct rows, nulls equal to nulls, types widened as for union.
    Dataset<Row> cities = people.select("city", "active");
    cities.intersect(people.filter("id > 3").select("city", "active")).orderBy("city", "active").show();
    cities.except(people.filter("id > 3").select("city", "active")).orderBy("city", "active").show();
    people.select("age").intersect(spark.range(20, 40).select(col("id").as("x"))).orderBy("age").show();
    people.select("age").except(spark.range(20, 40).select(col("id").as("x"))).orderBy("age").show();
  }
}
