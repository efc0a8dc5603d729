package dev.ember.examples.programs;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.grouping;
import static dev.ember.sql.functions.grouping_id;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.sum;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import dev.ember.storage.StorageLevel;
import java.util.Arrays;
import java.util.Iterator;

/**
 * offset, tail, toLocalIterator, seeded sample and randomSplit, repartition, rollup, cube, pivot, cache,
 * intersectAll, exceptAll and the full outer using join.
 */
public final class RelationalMethods {
  private RelationalMethods() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> people = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/people.csv");

    // offset skips rows in the input's order; tail returns the last rows.
    people.select("id", "name").offset(5).show();
    people.orderBy(col("age").desc()).select("name", "age").offset(2).limit(3).show();
    people.select("id").offset(100).show();
    System.out.println(Arrays.toString((Row[]) people.select("id", "name").tail(2)));
    System.out.println(((Row[]) people.tail(0)).length);
    System.out.println(people.filter("age > 100").isEmpty() + " " + people.isEmpty());

    Iterator<Row> rows = people.select("id", "city").filter("city IS NOT NULL").toLocalIterator();
    while (rows.hasNext()) {
      System.out.println(rows.next());
    }

    // A one-partition input samples the same rows as Spark for a seed.
    people.select("id", "name").sample(0.5, 42).show();
    people.select("id").sample(false, 0.3, 7).show();
    people.select("id").sample(1.0, 3).show();
    Dataset<Row>[] splits = people.select("id", "age").randomSplit(new double[] {2, 1, 1}, 11);
    for (Dataset<Row> split : splits) {
      split.show();
    }

    // Partitioning changes no result.
    people.repartition(3).select("id").orderBy("id").show();
    people.repartition(2, col("city")).groupBy("city").count().orderBy("city").show();
    people.coalesce(1).select("name").show();

    // Multiset intersection and difference, nulls comparing equal.
    Dataset<Row> cities = people.select("city");
    Dataset<Row> some = people.filter("id IN (1, 2, 3, 4, 9)").select("city");
    cities.intersectAll(some).orderBy("city").show();
    cities.exceptAll(some).orderBy("city").show();
    some.exceptAll(cities).show();
    cities.intersectAll(cities).count();
    System.out.println(cities.union(cities).intersectAll(cities).count() + " " + cities.exceptAll(cities).count());
    people.select("city", "active").exceptAll(people.filter("age > 30").select("city", "active"))
        .orderBy("city", "active").show();

    // A full outer using join keeps the key from whichever side has it.
    Dataset<Row> orders = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/orders.csv").select("customer_id", "order_id");
    Dataset<Row> customers = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/customers.csv").select("customer_id", "name");
    Dataset<Row> full = orders.join(customers, "customer_id", "full_outer");
    full.printSchema();
    full.orderBy("customer_id", "order_id", "name").show();

    // Subtotals per grouping set, with grouping() and grouping_id() telling rolled-up nulls apart.
    Dataset<Row> orderRows = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/orders.csv");
    Dataset<Row> rolled = orderRows.rollup("region", "code")
        .agg(sum("amount"), count("order_id"), grouping("region"), grouping_id());
    rolled.printSchema();
    rolled.orderBy("region", "code", "grouping_id()").show();
    orderRows.cube(col("region")).count().orderBy("region", "count").show();
    // Rolled-up nulls and null keys tie on region and code; the grouping id orders them.
    orderRows.cube("region", "code").agg(max("amount"), grouping_id("region", "code").as("gid"))
        .orderBy("region", "code", "gid").show(30);
    orderRows.rollup(col("customer_id").isNull().as("anonymous")).agg(avg("amount")).orderBy("anonymous").show();

    // Pivot: one column per value, named for the value, or value_aggregate for several aggregates.
    orderRows.groupBy("region").pivot("code").sum("amount").orderBy("region").show();
    orderRows.groupBy("region").pivot("code").agg(sum("amount"), count("order_id")).orderBy("region").show();
    orderRows.groupBy("code").pivot("region", Arrays.asList("north", "south", "nowhere")).agg(max("order_id"))
        .orderBy("code").show();
    orderRows.groupBy().pivot("region").count().show();
    orderRows.groupBy("region").pivot("code").sum("amount").printSchema();

    // A cached Dataset gives the same results and reports its storage level until unpersisted.
    Dataset<Row> cached = orderRows.filter("amount > 5").cache();
    System.out.println(cached.storageLevel());
    cached.groupBy("region").count().orderBy("region").show();
    cached.orderBy("order_id").show();
    cached.unpersist();
    System.out.println(cached.storageLevel());
    Dataset<Row> persisted = orderRows.select("order_id").persist(StorageLevel.MEMORY_ONLY());
    System.out.println(persisted.storageLevel() + " " + persisted.count());
    persisted.unpersist();
  }
}
