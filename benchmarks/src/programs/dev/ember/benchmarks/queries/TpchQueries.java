package dev.ember.benchmarks.queries;

import static dev.ember.sql.functions.avg;
import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.countDistinct;
import static dev.ember.sql.functions.lit;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.min;
import static dev.ember.sql.functions.not;
import static dev.ember.sql.functions.substring;
import static dev.ember.sql.functions.sum;
import static dev.ember.sql.functions.when;
import static dev.ember.sql.functions.year;

import dev.ember.sql.Column;
import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The benchmark queries, written once against Ember's API. The build copies this file with its
 * imports renamed to {@code org.apache.spark.sql} (package {@code ...queries.spark}), so Spark runs
 * exactly the same program. Every query ends in {@code collectAsList()}: both engines compute and
 * deliver the whole answer to the caller.
 *
 * <p>The 22 TPC-H queries use the substitution parameters of the specification's validation run and
 * are written as a DataFrame user writes them: {@code EXISTS} becomes a left semi join, {@code NOT
 * EXISTS} and {@code NOT IN} a left anti join, {@code IN (subquery)} a semi join and a scalar subquery
 * an aggregate joined back. Each takes {@code tables}, which maps a table name ({@code "lineitem"}) to
 * the path of its Parquet files.
 */
public final class TpchQueries {
  private TpchQueries() {}

  /** Runs TPC-H query {@code number} (1 to 22). */
  public static List<Row> tpch(int number, SparkSession spark, Function<String, String> tables) {
    return switch (number) {
      case 1 -> q1(spark, tables);
      case 2 -> q2(spark, tables);
      case 3 -> q3(spark, tables);
      case 4 -> q4(spark, tables);
      case 5 -> q5(spark, tables);
      case 6 -> q6(spark, tables);
      case 7 -> q7(spark, tables);
      case 8 -> q8(spark, tables);
      case 9 -> q9(spark, tables);
      case 10 -> q10(spark, tables);
      case 11 -> q11(spark, tables);
      case 12 -> q12(spark, tables);
      case 13 -> q13(spark, tables);
      case 14 -> q14(spark, tables);
      case 15 -> q15(spark, tables);
      case 16 -> q16(spark, tables);
      case 17 -> q17(spark, tables);
      case 18 -> q18(spark, tables);
      case 19 -> q19(spark, tables);
      case 20 -> q20(spark, tables);
      case 21 -> q21(spark, tables);
      case 22 -> q22(spark, tables);
      default -> throw new IllegalArgumentException("TPC-H has queries 1 to 22, not " + number);
    };
  }

  /** TPC-H Q1 (pricing summary report), DELTA = 90 days: ship date at most 1998-09-02. */
  public static List<Row> q1(SparkSession spark, Function<String, String> tables) {
    Column discounted = col("l_extendedprice").multiply(lit(1).minus(col("l_discount")));
    return table(spark, tables, "lineitem")
        .where(col("l_shipdate").leq(date("1998-09-02")))
        .groupBy("l_returnflag", "l_linestatus")
        .agg(sum("l_quantity").as("sum_qty"),
            sum("l_extendedprice").as("sum_base_price"),
            sum(discounted).as("sum_disc_price"),
            sum(discounted.multiply(lit(1).plus(col("l_tax")))).as("sum_charge"),
            avg("l_quantity").as("avg_qty"),
            avg("l_extendedprice").as("avg_price"),
            avg("l_discount").as("avg_disc"),
            count("*").as("count_order"))
        .orderBy("l_returnflag", "l_linestatus")
        .collectAsList();
  }

  /** TPC-H Q2 (minimum cost supplier): SIZE 15, TYPE BRASS, REGION EUROPE. */
  public static List<Row> q2(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> europeanSupply = table(spark, tables, "partsupp")
        .join(table(spark, tables, "supplier"), col("ps_suppkey").equalTo(col("s_suppkey")))
        .join(table(spark, tables, "nation"), col("s_nationkey").equalTo(col("n_nationkey")))
        .join(table(spark, tables, "region").where(col("r_name").equalTo("EUROPE")),
            col("n_regionkey").equalTo(col("r_regionkey")));
    // The correlated scalar subquery: the lowest European supply cost of each part.
    Dataset<Row> lowestCost = europeanSupply.groupBy("ps_partkey")
        .agg(min("ps_supplycost").as("min_supplycost"))
        .withColumnRenamed("ps_partkey", "min_partkey");
    return table(spark, tables, "part")
        .where(col("p_size").equalTo(15).and(col("p_type").like("%BRASS")))
        .join(europeanSupply, col("p_partkey").equalTo(col("ps_partkey")))
        .join(lowestCost, col("p_partkey").equalTo(col("min_partkey"))
            .and(col("ps_supplycost").equalTo(col("min_supplycost"))))
        .select("s_acctbal", "s_name", "n_name", "p_partkey", "p_mfgr", "s_address", "s_phone", "s_comment")
        .orderBy(col("s_acctbal").desc(), col("n_name"), col("s_name"), col("p_partkey"))
        .limit(100)
        .collectAsList();
  }

  /** TPC-H Q3 (shipping priority): SEGMENT BUILDING, DATE 1995-03-15. */
  public static List<Row> q3(SparkSession spark, Function<String, String> tables) {
    return table(spark, tables, "customer").where(col("c_mktsegment").equalTo("BUILDING"))
        .join(table(spark, tables, "orders").where(col("o_orderdate").lt(date("1995-03-15"))),
            col("c_custkey").equalTo(col("o_custkey")))
        .join(table(spark, tables, "lineitem").where(col("l_shipdate").gt(date("1995-03-15"))),
            col("l_orderkey").equalTo(col("o_orderkey")))
        .groupBy("l_orderkey", "o_orderdate", "o_shippriority")
        .agg(sum(discountedPrice()).as("revenue"))
        .select("l_orderkey", "revenue", "o_orderdate", "o_shippriority")
        .orderBy(col("revenue").desc(), col("o_orderdate"))
        .limit(10)
        .collectAsList();
  }

  /** TPC-H Q4 (order priority checking): DATE 1993-07-01. */
  public static List<Row> q4(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> lateLines = table(spark, tables, "lineitem").where(col("l_commitdate").lt(col("l_receiptdate")));
    return table(spark, tables, "orders")
        .where(col("o_orderdate").geq(date("1993-07-01")).and(col("o_orderdate").lt(date("1993-10-01"))))
        .join(lateLines, col("o_orderkey").equalTo(col("l_orderkey")), "left_semi")
        .groupBy("o_orderpriority")
        .agg(count("*").as("order_count"))
        .orderBy("o_orderpriority")
        .collectAsList();
  }

  /** TPC-H Q5 (local supplier volume): REGION ASIA, DATE 1994-01-01. */
  public static List<Row> q5(SparkSession spark, Function<String, String> tables) {
    return table(spark, tables, "customer")
        .join(table(spark, tables, "orders")
                .where(col("o_orderdate").geq(date("1994-01-01")).and(col("o_orderdate").lt(date("1995-01-01")))),
            col("c_custkey").equalTo(col("o_custkey")))
        .join(table(spark, tables, "lineitem"), col("l_orderkey").equalTo(col("o_orderkey")))
        .join(table(spark, tables, "supplier"),
            col("l_suppkey").equalTo(col("s_suppkey")).and(col("c_nationkey").equalTo(col("s_nationkey"))))
        .join(table(spark, tables, "nation"), col("s_nationkey").equalTo(col("n_nationkey")))
        .join(table(spark, tables, "region").where(col("r_name").equalTo("ASIA")),
            col("n_regionkey").equalTo(col("r_regionkey")))
        .groupBy("n_name")
        .agg(sum(discountedPrice()).as("revenue"))
        .orderBy(col("revenue").desc())
        .collectAsList();
  }

  /** TPC-H Q6 (forecasting revenue change): DATE 1994-01-01, DISCOUNT 0.06, QUANTITY 24. */
  public static List<Row> q6(SparkSession spark, Function<String, String> tables) {
    return table(spark, tables, "lineitem")
        .where(col("l_shipdate").geq(date("1994-01-01"))
            .and(col("l_shipdate").lt(date("1995-01-01")))
            .and(col("l_discount").geq(lit(new BigDecimal("0.05"))))
            .and(col("l_discount").leq(lit(new BigDecimal("0.07"))))
            .and(col("l_quantity").lt(lit(24))))
        .agg(sum(col("l_extendedprice").multiply(col("l_discount"))).as("revenue"))
        .collectAsList();
  }

  /** TPC-H Q7 (volume shipping): NATION1 FRANCE, NATION2 GERMANY. */
  public static List<Row> q7(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> supplierNation = table(spark, tables, "nation")
        .select(col("n_nationkey").as("supp_nationkey"), col("n_name").as("supp_nation"));
    Dataset<Row> customerNation = table(spark, tables, "nation")
        .select(col("n_nationkey").as("cust_nationkey"), col("n_name").as("cust_nation"));
    return table(spark, tables, "supplier")
        .join(table(spark, tables, "lineitem")
                .where(col("l_shipdate").between(date("1995-01-01"), date("1996-12-31"))),
            col("s_suppkey").equalTo(col("l_suppkey")))
        .join(table(spark, tables, "orders"), col("o_orderkey").equalTo(col("l_orderkey")))
        .join(table(spark, tables, "customer"), col("c_custkey").equalTo(col("o_custkey")))
        .join(supplierNation, col("s_nationkey").equalTo(col("supp_nationkey")))
        .join(customerNation, col("c_nationkey").equalTo(col("cust_nationkey")))
        .where(col("supp_nation").equalTo("FRANCE").and(col("cust_nation").equalTo("GERMANY"))
            .or(col("supp_nation").equalTo("GERMANY").and(col("cust_nation").equalTo("FRANCE"))))
        .select(col("supp_nation"), col("cust_nation"), year(col("l_shipdate")).as("l_year"),
            discountedPrice().as("volume"))
        .groupBy("supp_nation", "cust_nation", "l_year")
        .agg(sum("volume").as("revenue"))
        .orderBy("supp_nation", "cust_nation", "l_year")
        .collectAsList();
  }

  /** TPC-H Q8 (national market share): NATION BRAZIL, REGION AMERICA, TYPE ECONOMY ANODIZED STEEL. */
  public static List<Row> q8(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> customerNation = table(spark, tables, "nation")
        .select(col("n_nationkey").as("cust_nationkey"), col("n_regionkey").as("cust_regionkey"));
    Dataset<Row> supplierNation = table(spark, tables, "nation")
        .select(col("n_nationkey").as("supp_nationkey"), col("n_name").as("supp_nation"));
    return table(spark, tables, "part").where(col("p_type").equalTo("ECONOMY ANODIZED STEEL"))
        .join(table(spark, tables, "lineitem"), col("p_partkey").equalTo(col("l_partkey")))
        .join(table(spark, tables, "supplier"), col("s_suppkey").equalTo(col("l_suppkey")))
        .join(table(spark, tables, "orders")
                .where(col("o_orderdate").between(date("1995-01-01"), date("1996-12-31"))),
            col("l_orderkey").equalTo(col("o_orderkey")))
        .join(table(spark, tables, "customer"), col("o_custkey").equalTo(col("c_custkey")))
        .join(customerNation, col("c_nationkey").equalTo(col("cust_nationkey")))
        .join(table(spark, tables, "region").where(col("r_name").equalTo("AMERICA")),
            col("cust_regionkey").equalTo(col("r_regionkey")))
        .join(supplierNation, col("s_nationkey").equalTo(col("supp_nationkey")))
        .select(year(col("o_orderdate")).as("o_year"), discountedPrice().as("volume"), col("supp_nation").as("nation"))
        .groupBy("o_year")
        .agg(sum(when(col("nation").equalTo("BRAZIL"), col("volume")).otherwise(lit(0)))
            .divide(sum("volume")).as("mkt_share"))
        .orderBy("o_year")
        .collectAsList();
  }

  /** TPC-H Q9 (product type profit measure): COLOR green. */
  public static List<Row> q9(SparkSession spark, Function<String, String> tables) {
    return table(spark, tables, "part").where(col("p_name").like("%green%"))
        .join(table(spark, tables, "lineitem"), col("p_partkey").equalTo(col("l_partkey")))
        .join(table(spark, tables, "supplier"), col("s_suppkey").equalTo(col("l_suppkey")))
        .join(table(spark, tables, "partsupp"),
            col("ps_suppkey").equalTo(col("l_suppkey")).and(col("ps_partkey").equalTo(col("l_partkey"))))
        .join(table(spark, tables, "orders"), col("o_orderkey").equalTo(col("l_orderkey")))
        .join(table(spark, tables, "nation"), col("s_nationkey").equalTo(col("n_nationkey")))
        .select(col("n_name").as("nation"), year(col("o_orderdate")).as("o_year"),
            discountedPrice().minus(col("ps_supplycost").multiply(col("l_quantity"))).as("amount"))
        .groupBy("nation", "o_year")
        .agg(sum("amount").as("sum_profit"))
        .orderBy(col("nation"), col("o_year").desc())
        .collectAsList();
  }

  /** TPC-H Q10 (returned item reporting): DATE 1993-10-01. */
  public static List<Row> q10(SparkSession spark, Function<String, String> tables) {
    return table(spark, tables, "customer")
        .join(table(spark, tables, "orders")
                .where(col("o_orderdate").geq(date("1993-10-01")).and(col("o_orderdate").lt(date("1994-01-01")))),
            col("c_custkey").equalTo(col("o_custkey")))
        .join(table(spark, tables, "lineitem").where(col("l_returnflag").equalTo("R")),
            col("l_orderkey").equalTo(col("o_orderkey")))
        .join(table(spark, tables, "nation"), col("c_nationkey").equalTo(col("n_nationkey")))
        .groupBy("c_custkey", "c_name", "c_acctbal", "c_phone", "n_name", "c_address", "c_comment")
        .agg(sum(discountedPrice()).as("revenue"))
        .select("c_custkey", "c_name", "revenue", "c_acctbal", "n_name", "c_address", "c_phone", "c_comment")
        .orderBy(col("revenue").desc())
        .limit(20)
        .collectAsList();
  }

  /** TPC-H Q11 (important stock identification): NATION GERMANY, FRACTION 0.0001. */
  public static List<Row> q11(SparkSession spark, Function<String, String> tables) {
    Column stockValue = col("ps_supplycost").multiply(col("ps_availqty"));
    Dataset<Row> germanStock = table(spark, tables, "partsupp")
        .join(table(spark, tables, "supplier"), col("ps_suppkey").equalTo(col("s_suppkey")))
        .join(table(spark, tables, "nation").where(col("n_name").equalTo("GERMANY")),
            col("s_nationkey").equalTo(col("n_nationkey")));
    Dataset<Row> threshold = germanStock
        .agg(sum(stockValue).multiply(lit(new BigDecimal("0.0001000000"))).as("threshold"));
    return germanStock.groupBy("ps_partkey")
        .agg(sum(stockValue).as("value"))
        .crossJoin(threshold)
        .where(col("value").gt(col("threshold")))
        .select("ps_partkey", "value")
        .orderBy(col("value").desc())
        .collectAsList();
  }

  /** TPC-H Q12 (shipping modes and order priority): SHIPMODE1 MAIL, SHIPMODE2 SHIP, DATE 1994-01-01. */
  public static List<Row> q12(SparkSession spark, Function<String, String> tables) {
    Column urgent = col("o_orderpriority").equalTo("1-URGENT").or(col("o_orderpriority").equalTo("2-HIGH"));
    return table(spark, tables, "orders")
        .join(table(spark, tables, "lineitem")
                .where(col("l_shipmode").isin("MAIL", "SHIP")
                    .and(col("l_commitdate").lt(col("l_receiptdate")))
                    .and(col("l_shipdate").lt(col("l_commitdate")))
                    .and(col("l_receiptdate").geq(date("1994-01-01")))
                    .and(col("l_receiptdate").lt(date("1995-01-01")))),
            col("o_orderkey").equalTo(col("l_orderkey")))
        .groupBy("l_shipmode")
        .agg(sum(when(urgent, lit(1)).otherwise(lit(0))).as("high_line_count"),
            sum(when(urgent, lit(0)).otherwise(lit(1))).as("low_line_count"))
        .orderBy("l_shipmode")
        .collectAsList();
  }

  /** TPC-H Q13 (customer distribution): WORD1 special, WORD2 requests. */
  public static List<Row> q13(SparkSession spark, Function<String, String> tables) {
    return table(spark, tables, "customer")
        .join(table(spark, tables, "orders").where(not(col("o_comment").like("%special%requests%"))),
            col("c_custkey").equalTo(col("o_custkey")), "left_outer")
        .groupBy("c_custkey")
        .agg(count("o_orderkey").as("c_count"))
        .groupBy("c_count")
        .agg(count("*").as("custdist"))
        .orderBy(col("custdist").desc(), col("c_count").desc())
        .collectAsList();
  }

  /** TPC-H Q14 (promotion effect): DATE 1995-09-01. */
  public static List<Row> q14(SparkSession spark, Function<String, String> tables) {
    return table(spark, tables, "lineitem")
        .where(col("l_shipdate").geq(date("1995-09-01")).and(col("l_shipdate").lt(date("1995-10-01"))))
        .join(table(spark, tables, "part"), col("l_partkey").equalTo(col("p_partkey")))
        .agg(lit(new BigDecimal("100.00"))
            .multiply(sum(when(col("p_type").like("PROMO%"), discountedPrice()).otherwise(lit(0))))
            .divide(sum(discountedPrice())).as("promo_revenue"))
        .collectAsList();
  }

  /** TPC-H Q15 (top supplier): DATE 1996-01-01; the view {@code revenue0} is a shared data frame. */
  public static List<Row> q15(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> revenue = table(spark, tables, "lineitem")
        .where(col("l_shipdate").geq(date("1996-01-01")).and(col("l_shipdate").lt(date("1996-04-01"))))
        .groupBy("l_suppkey")
        .agg(sum(discountedPrice()).as("total_revenue"))
        .withColumnRenamed("l_suppkey", "supplier_no");
    Dataset<Row> highest = revenue.agg(max("total_revenue").as("max_revenue"));
    return table(spark, tables, "supplier")
        .join(revenue, col("s_suppkey").equalTo(col("supplier_no")))
        .join(highest, col("total_revenue").equalTo(col("max_revenue")))
        .select("s_suppkey", "s_name", "s_address", "s_phone", "total_revenue")
        .orderBy("s_suppkey")
        .collectAsList();
  }

  /**
   * TPC-H Q16 (parts/supplier relationship): BRAND Brand#45, TYPE MEDIUM POLISHED, SIZES 49, 14, 23,
   * 45, 19, 3, 36, 9. {@code NOT IN} becomes an anti join: the supplier keys are never null.
   */
  public static List<Row> q16(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> complainedAbout = table(spark, tables, "supplier")
        .where(col("s_comment").like("%Customer%Complaints%"));
    return table(spark, tables, "partsupp")
        .join(table(spark, tables, "part")
                .where(col("p_brand").notEqual("Brand#45")
                    .and(not(col("p_type").like("MEDIUM POLISHED%")))
                    .and(col("p_size").isin(49, 14, 23, 45, 19, 3, 36, 9))),
            col("p_partkey").equalTo(col("ps_partkey")))
        .join(complainedAbout, col("ps_suppkey").equalTo(col("s_suppkey")), "left_anti")
        .groupBy("p_brand", "p_type", "p_size")
        .agg(countDistinct(col("ps_suppkey")).as("supplier_cnt"))
        .orderBy(col("supplier_cnt").desc(), col("p_brand"), col("p_type"), col("p_size"))
        .collectAsList();
  }

  /** TPC-H Q17 (small-quantity-order revenue): BRAND Brand#23, CONTAINER MED BOX. */
  public static List<Row> q17(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> smallQuantity = table(spark, tables, "lineitem")
        .groupBy("l_partkey")
        .agg(lit(new BigDecimal("0.2")).multiply(avg("l_quantity")).as("small_quantity"))
        .withColumnRenamed("l_partkey", "small_partkey");
    return table(spark, tables, "lineitem")
        .join(table(spark, tables, "part")
                .where(col("p_brand").equalTo("Brand#23").and(col("p_container").equalTo("MED BOX"))),
            col("p_partkey").equalTo(col("l_partkey")))
        .join(smallQuantity, col("p_partkey").equalTo(col("small_partkey")))
        .where(col("l_quantity").lt(col("small_quantity")))
        .agg(sum("l_extendedprice").divide(lit(new BigDecimal("7.0"))).as("avg_yearly"))
        .collectAsList();
  }

  /** TPC-H Q18 (large volume customer): QUANTITY 300. */
  public static List<Row> q18(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> largeOrders = table(spark, tables, "lineitem")
        .groupBy("l_orderkey")
        .agg(sum("l_quantity").as("order_quantity"))
        .where(col("order_quantity").gt(300))
        .select(col("l_orderkey").as("large_orderkey"));
    return table(spark, tables, "customer")
        .join(table(spark, tables, "orders"), col("c_custkey").equalTo(col("o_custkey")))
        .join(largeOrders, col("o_orderkey").equalTo(col("large_orderkey")), "left_semi")
        .join(table(spark, tables, "lineitem"), col("o_orderkey").equalTo(col("l_orderkey")))
        .groupBy("c_name", "c_custkey", "o_orderkey", "o_orderdate", "o_totalprice")
        .agg(sum("l_quantity").as("sum_quantity"))
        .orderBy(col("o_totalprice").desc(), col("o_orderdate"))
        .limit(100)
        .collectAsList();
  }

  /** TPC-H Q19 (discounted revenue): QUANTITY 1, 10, 20; BRAND Brand#12, Brand#23, Brand#34. */
  public static List<Row> q19(SparkSession spark, Function<String, String> tables) {
    Column byAir = col("l_shipmode").isin("AIR", "AIR REG").and(col("l_shipinstruct").equalTo("DELIVER IN PERSON"));
    Column small = col("p_brand").equalTo("Brand#12")
        .and(col("p_container").isin("SM CASE", "SM BOX", "SM PACK", "SM PKG"))
        .and(col("l_quantity").geq(1)).and(col("l_quantity").leq(1 + 10))
        .and(col("p_size").between(1, 5));
    Column medium = col("p_brand").equalTo("Brand#23")
        .and(col("p_container").isin("MED BAG", "MED BOX", "MED PKG", "MED PACK"))
        .and(col("l_quantity").geq(10)).and(col("l_quantity").leq(10 + 10))
        .and(col("p_size").between(1, 10));
    Column large = col("p_brand").equalTo("Brand#34")
        .and(col("p_container").isin("LG CASE", "LG BOX", "LG PACK", "LG PKG"))
        .and(col("l_quantity").geq(20)).and(col("l_quantity").leq(20 + 10))
        .and(col("p_size").between(1, 15));
    return table(spark, tables, "lineitem")
        .join(table(spark, tables, "part"), col("p_partkey").equalTo(col("l_partkey")))
        .where(byAir.and(small.or(medium).or(large)))
        .agg(sum(discountedPrice()).as("revenue"))
        .collectAsList();
  }

  /** TPC-H Q20 (potential part promotion): COLOR forest, DATE 1994-01-01, NATION CANADA. */
  public static List<Row> q20(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> shipped = table(spark, tables, "lineitem")
        .where(col("l_shipdate").geq(date("1994-01-01")).and(col("l_shipdate").lt(date("1995-01-01"))))
        .groupBy("l_partkey", "l_suppkey")
        .agg(lit(new BigDecimal("0.5")).multiply(sum("l_quantity")).as("half_shipped"));
    Dataset<Row> forestParts = table(spark, tables, "part").where(col("p_name").like("forest%"));
    Dataset<Row> excessSuppliers = table(spark, tables, "partsupp")
        .join(forestParts, col("ps_partkey").equalTo(col("p_partkey")), "left_semi")
        .join(shipped, col("l_partkey").equalTo(col("ps_partkey")).and(col("l_suppkey").equalTo(col("ps_suppkey"))))
        .where(col("ps_availqty").gt(col("half_shipped")));
    return table(spark, tables, "supplier")
        .join(excessSuppliers, col("s_suppkey").equalTo(col("ps_suppkey")), "left_semi")
        .join(table(spark, tables, "nation").where(col("n_name").equalTo("CANADA")),
            col("s_nationkey").equalTo(col("n_nationkey")))
        .select("s_name", "s_address")
        .orderBy("s_name")
        .collectAsList();
  }

  /** TPC-H Q21 (suppliers who kept orders waiting): NATION SAUDI ARABIA. */
  public static List<Row> q21(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> otherLines = table(spark, tables, "lineitem")
        .select(col("l_orderkey").as("other_orderkey"), col("l_suppkey").as("other_suppkey"));
    Dataset<Row> otherLateLines = table(spark, tables, "lineitem")
        .where(col("l_receiptdate").gt(col("l_commitdate")))
        .select(col("l_orderkey").as("late_orderkey"), col("l_suppkey").as("late_suppkey"));
    return table(spark, tables, "supplier")
        .join(table(spark, tables, "lineitem").where(col("l_receiptdate").gt(col("l_commitdate"))),
            col("s_suppkey").equalTo(col("l_suppkey")))
        .join(table(spark, tables, "orders").where(col("o_orderstatus").equalTo("F")),
            col("o_orderkey").equalTo(col("l_orderkey")))
        .join(table(spark, tables, "nation").where(col("n_name").equalTo("SAUDI ARABIA")),
            col("s_nationkey").equalTo(col("n_nationkey")))
        .join(otherLines, col("other_orderkey").equalTo(col("l_orderkey"))
            .and(col("other_suppkey").notEqual(col("l_suppkey"))), "left_semi")
        .join(otherLateLines, col("late_orderkey").equalTo(col("l_orderkey"))
            .and(col("late_suppkey").notEqual(col("l_suppkey"))), "left_anti")
        .groupBy("s_name")
        .agg(count("*").as("numwait"))
        .orderBy(col("numwait").desc(), col("s_name"))
        .limit(100)
        .collectAsList();
  }

  /** TPC-H Q22 (global sales opportunity): I1..I7 = 13, 31, 23, 29, 30, 18, 17. */
  public static List<Row> q22(SparkSession spark, Function<String, String> tables) {
    Dataset<Row> customers = table(spark, tables, "customer")
        .select(substring(col("c_phone"), 1, 2).as("cntrycode"), col("c_acctbal"), col("c_custkey"))
        .where(col("cntrycode").isin("13", "31", "23", "29", "30", "18", "17"));
    Dataset<Row> averageBalance = customers.where(col("c_acctbal").gt(lit(new BigDecimal("0.00"))))
        .agg(avg("c_acctbal").as("avg_acctbal"));
    return customers
        .crossJoin(averageBalance)
        .where(col("c_acctbal").gt(col("avg_acctbal")))
        .join(table(spark, tables, "orders"), col("o_custkey").equalTo(col("c_custkey")), "left_anti")
        .groupBy("cntrycode")
        .agg(count("*").as("numcust"), sum("c_acctbal").as("totacctbal"))
        .orderBy("cntrycode")
        .collectAsList();
  }

  /** Reads every column of a CSV file: the maximum of each column and the row count. */
  public static List<Row> csvScan(SparkSession spark, String file, String schema, String[] columns) {
    Dataset<Row> table = spark.read().option("header", "true").schema(schema).csv(file);
    return table.agg(count("*").as("row_count"), maxOfEach(columns)).collectAsList();
  }

  /** Reads every column of a Parquet table: the maximum of each column and the row count. */
  public static List<Row> parquetScan(SparkSession spark, String directory, String[] columns) {
    return spark.read().parquet(directory).agg(count("*").as("row_count"), maxOfEach(columns)).collectAsList();
  }

  /** A selective filter (one month of ship dates, about 1.3 % of rows) and computed columns. */
  public static List<Row> filterProject(SparkSession spark, String lineitem) {
    return spark.read().parquet(lineitem)
        .where(col("l_shipdate").geq(lit(Date.valueOf("1994-03-01")))
            .and(col("l_shipdate").lt(lit(Date.valueOf("1994-04-01")))))
        .select(col("l_orderkey"), col("l_linenumber"),
            col("l_extendedprice").multiply(lit(1).minus(col("l_discount"))).as("disc_price"),
            col("l_quantity").plus(lit(1)).as("quantity_plus_one"),
            col("l_shipmode"))
        .collectAsList();
  }

  /** Hash aggregation into 7 groups (ship modes). */
  public static List<Row> aggregateFewGroups(SparkSession spark, String lineitem) {
    return spark.read().parquet(lineitem)
        .groupBy("l_shipmode")
        .agg(sum("l_extendedprice").as("sum_price"), max("l_discount").as("max_discount"), count("*").as("lines"))
        .collectAsList();
  }

  /**
   * Hash aggregation into one group per order (1.5 million at scale factor 1); a second, global
   * aggregation keeps the answer small without letting either engine skip the first.
   */
  public static List<Row> aggregateManyGroups(SparkSession spark, String lineitem) {
    return spark.read().parquet(lineitem)
        .groupBy("l_orderkey")
        .agg(sum("l_quantity").as("quantity"))
        .agg(count("*").as("orders"), sum("quantity").as("total_quantity"), max("quantity").as("max_quantity"))
        .collectAsList();
  }

  /** Sorts all orders (1.5 million at scale factor 1) on four keys and collects them in order. */
  public static List<Row> sort(SparkSession spark, String orders) {
    return spark.read().parquet(orders)
        .select("o_orderkey", "o_custkey", "o_orderdate", "o_orderpriority", "o_totalprice")
        .orderBy(col("o_orderdate"), col("o_orderpriority"), col("o_totalprice").desc(), col("o_orderkey"))
        .collectAsList();
  }

  private static Dataset<Row> table(SparkSession spark, Function<String, String> tables, String name) {
    return spark.read().parquet(tables.apply(name));
  }

  private static Column date(String day) {
    return lit(Date.valueOf(day));
  }

  /** {@code l_extendedprice * (1 - l_discount)}: a line's price after its discount. */
  private static Column discountedPrice() {
    return col("l_extendedprice").multiply(lit(1).minus(col("l_discount")));
  }

  private static Column[] maxOfEach(String[] columns) {
    List<Column> maxima = new ArrayList<>();
    for (String column : columns) {
      maxima.add(max(column).as("max_" + column));
    }
    return maxima.toArray(new Column[0]);
  }
}
