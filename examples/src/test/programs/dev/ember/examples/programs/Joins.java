package dev.ember.examples.programs;

import static dev.ember.sql.functions.broadcast;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.expr;
import static dev.ember.sql.functions.sum;

import dev.ember.sql.Column;
import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/**
 * Every join type over keys that are null, repeated or on one side only; using columns, multi-column
 * and non-equi conditions, self-joins through aliases, cross joins, and joins under aggregates.
 * Results are ordered by every column, since a join's row order is not defined.
 */
public final class Joins {
  private Joins() {}

  public static void run(SparkSession spark, String dataDir) {
    Dataset<Row> orders = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/orders.csv");
    Dataset<Row> customers = spark.read().option("header", "true").option("inferSchema", "true")
        .csv(dataDir + "/customers.csv");
    Column sameCustomer = orders.col("customer_id").equalTo(customers.col("customer_id"));
    Column[] byAll = {orders.col("order_id"), customers.col("name")};

    for (String joinType : new String[] {"inner", "left", "right_outer", "full", "cross"}) {
      System.out.println(joinType);
      orders.join(customers, sameCustomer, joinType).orderBy(byAll).show();
    }
    for (String joinType : new String[] {"semi", "left_anti"}) {
      System.out.println(joinType);
      orders.join(customers, sameCustomer, joinType).orderBy("order_id").show();
    }

    orders.join(customers, "customer_id").orderBy("order_id", "name").show();
    orders.join(customers, new String[] {"customer_id", "region"}, "left").orderBy("order_id", "name").show();
    Dataset<Row> rightUsing = orders.join(customers, new String[] {"customer_id", "region"}, "right");
    rightUsing.printSchema();
    rightUsing.orderBy("customer_id", "region", "name", "order_id").show();
    orders.join(customers, new String[] {"customer_id"}, "semi").orderBy("order_id").show();
    orders.join(customers, new String[] {"customer_id"}, "anti").orderBy("order_id").show();

    // Two keys and a residual condition; a non-equi outer join; a null-safe key.
    orders.join(customers, sameCustomer.and(orders.col("region").equalTo(customers.col("region")))
        .and(orders.col("amount").gt(10)), "left").orderBy(byAll).show();
    orders.join(customers, orders.col("amount").lt(customers.col("tier").multiply(10)), "left")
        .orderBy(byAll).show();
    orders.join(customers, orders.col("customer_id").eqNullSafe(customers.col("customer_id")))
        .orderBy(byAll).show();
    orders.join(customers, orders.col("region").equalTo(customers.col("region")), "full")
        .select(orders.col("order_id"), customers.col("name"), orders.col("region")).orderBy("order_id", "name")
        .show();

    // Self-joins: aliases, and the trivially true condition of df.join(df, df.col(x) === df.col(x)).
    Dataset<Row> pairs = orders.as("a").join(orders.as("b"),
        col("a.customer_id").equalTo(col("b.customer_id")).and(col("a.order_id").lt(col("b.order_id"))));
    pairs.select("a.order_id", "b.order_id", "a.customer_id").orderBy("a.order_id", "b.order_id").show();
    orders.as("a").join(orders.as("b"), col("a.code").equalTo(col("b.code"))).select("a.*")
        .orderBy("order_id").show();
    System.out.println(orders.join(orders, orders.col("order_id").equalTo(orders.col("order_id"))).count());

    // Cross joins, decimal and string keys, a broadcast hint, and a join under a grouping.
    System.out.println(orders.crossJoin(customers).count());
    orders.select("order_id").crossJoin(customers.select("name")).where("order_id < 3")
        .orderBy("order_id", "name").show(30);
    Dataset<Row> priced = orders.select(col("order_id"), expr("cast(amount as decimal(10,2))").as("price"));
    Dataset<Row> limits = customers.select(col("name"), expr("cast(tier * 15 as decimal(10,2))").as("price"));
    priced.join(limits, "price").orderBy("order_id", "name").show();
    orders.join(broadcast(customers), sameCustomer).select(orders.col("order_id"), col("name"))
        .orderBy("order_id", "name").show();
    orders.join(customers, sameCustomer).groupBy(customers.col("name")).agg(count("*"), sum("amount"))
        .orderBy("name").show();
    orders.join(customers, "region").groupBy("region").count().orderBy("region").show();
  }
}
