package dev.ember.benchmarks.engines;

import dev.ember.benchmarks.tpch.TpchData;
import dev.ember.benchmarks.tpch.TpchFiles;
import dev.ember.benchmarks.tpch.TpchSchema;
import java.nio.file.Path;

/**
 * One benchmarked piece of work over the TPC-H tables. Ember and Spark run it through
 * {@code TpchQueries} (one source, two compilations); DuckDB runs the equivalent SQL text given here.
 * All three read the same files: the Parquet files Spark wrote, or the CSV file.
 */
public enum Workload {
  Q1("Q1", "TPC-H Q1", true),
  Q2("Q2", "TPC-H Q2", true),
  Q3("Q3", "TPC-H Q3", true),
  Q4("Q4", "TPC-H Q4", true),
  Q5("Q5", "TPC-H Q5", true),
  Q6("Q6", "TPC-H Q6", false),
  Q7("Q7", "TPC-H Q7", true),
  Q8("Q8", "TPC-H Q8", true),
  Q9("Q9", "TPC-H Q9", true),
  Q10("Q10", "TPC-H Q10", true),
  Q11("Q11", "TPC-H Q11", true),
  Q12("Q12", "TPC-H Q12", true),
  Q13("Q13", "TPC-H Q13", true),
  Q14("Q14", "TPC-H Q14", false),
  Q15("Q15", "TPC-H Q15", true),
  Q16("Q16", "TPC-H Q16", true),
  Q17("Q17", "TPC-H Q17", false),
  Q18("Q18", "TPC-H Q18", true),
  Q19("Q19", "TPC-H Q19", false),
  Q20("Q20", "TPC-H Q20", true),
  Q21("Q21", "TPC-H Q21", true),
  Q22("Q22", "TPC-H Q22", true),
  CSV_SCAN("CSV scan", "CSV scan: lineitem, all 16 columns (max of each)", false),
  PARQUET_SCAN("Parquet scan", "Parquet scan: lineitem, all 16 columns (max of each)", false),
  FILTER_PROJECT("Filter+project", "Filter + project: one month of lineitem (1.3 %), 3 computed columns, collected", false),
  AGGREGATE_FEW_GROUPS("Agg, 7 groups", "Hash aggregate: lineitem by ship mode (7 groups)", false),
  AGGREGATE_MANY_GROUPS("Agg, per order", "Hash aggregate: lineitem by order key (1.5 M groups at SF 1)", false),
  SORT("Sort", "Sort: orders (1.5 M rows at SF 1) on 4 keys, 5 columns collected", true);

  private final String label;
  private final String title;
  private final boolean ordered;

  Workload(String label, String title, boolean ordered) {
    this.label = label;
    this.title = title;
    this.ordered = ordered;
  }

  /** A short name for chart axes. */
  public String label() {
    return label;
  }

  public String title() {
    return title;
  }

  /** The name of the JMH method that times this workload: {@code CSV_SCAN} → {@code csvScan}. */
  public String benchmarkMethod() {
    StringBuilder name = new StringBuilder();
    for (String word : name().toLowerCase(java.util.Locale.ROOT).split("_")) {
      name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return name.toString();
  }

  /** The workload whose {@link #benchmarkMethod()} is {@code method}. */
  public static Workload forBenchmarkMethod(String method) {
    for (Workload workload : values()) {
      if (workload.benchmarkMethod().equals(method)) {
        return workload;
      }
    }
    throw new IllegalArgumentException("no workload is timed by a method named " + method);
  }

  /** Whether the answer's row order is part of the answer (the query ends in an ORDER BY). */
  public boolean ordered() {
    return ordered;
  }

  /** Whether this is one of the 22 TPC-H queries. */
  public boolean isTpchQuery() {
    return ordinal() <= Q22.ordinal();
  }

  /** The TPC-H query number (1 to 22) of a TPC-H query workload. */
  public int tpchNumber() {
    if (!isTpchQuery()) {
      throw new IllegalStateException(this + " is not a TPC-H query");
    }
    return ordinal() + 1;
  }

  /** The table whose files this workload reads (its input size for throughput figures). */
  public String table() {
    return this == SORT ? "orders" : "lineitem";
  }

  /** DuckDB's SQL text for this workload over {@code files}. */
  public String duckDbSql(TpchFiles files) {
    String lineitem = parquet(files.sparkParquet("lineitem"));
    return switch (this) {
      case Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9, Q10, Q11, Q12, Q13, Q14, Q15, Q16, Q17, Q18, Q19, Q20, Q21, Q22 ->
          TpchSql.query(tpchNumber(), files);
      case CSV_SCAN -> {
        TpchSchema schema = TpchSchema.of("lineitem");
        yield "SELECT count(*) AS row_count, " + maxOfEach(schema) + " FROM read_csv("
            + TpchData.sqlString(files.csv("lineitem"))
            + ", header = true, delim = ',', quote = '\"', escape = '\\', auto_detect = false, columns = "
            + schema.duckDbColumns() + ")";
      }
      case PARQUET_SCAN -> "SELECT count(*) AS row_count, " + maxOfEach(TpchSchema.of("lineitem")) + " FROM " + lineitem;
      case FILTER_PROJECT -> """
          SELECT l_orderkey, l_linenumber, l_extendedprice * (1 - l_discount) AS disc_price,
            l_quantity + 1 AS quantity_plus_one, l_shipmode
          FROM %s
          WHERE l_shipdate >= DATE '1994-03-01' AND l_shipdate < DATE '1994-04-01'""".formatted(lineitem);
      case AGGREGATE_FEW_GROUPS -> """
          SELECT l_shipmode, sum(l_extendedprice) AS sum_price, max(l_discount) AS max_discount, count(*) AS lines
          FROM %s GROUP BY l_shipmode""".formatted(lineitem);
      case AGGREGATE_MANY_GROUPS -> """
          SELECT count(*) AS orders, sum(quantity) AS total_quantity, max(quantity) AS max_quantity
          FROM (SELECT l_orderkey, sum(l_quantity) AS quantity FROM %s GROUP BY l_orderkey)""".formatted(lineitem);
      case SORT -> """
          SELECT o_orderkey, o_custkey, o_orderdate, o_orderpriority, o_totalprice
          FROM %s
          ORDER BY o_orderdate, o_orderpriority, o_totalprice DESC, o_orderkey""".formatted(parquet(files.sparkParquet("orders")));
    };
  }

  private static String parquet(Path directory) {
    return "read_parquet(" + TpchData.sqlString(directory.resolve("*.parquet")) + ")";
  }

  private static String maxOfEach(TpchSchema schema) {
    return String.join(", ", java.util.Arrays.stream(schema.columnNames())
        .map(column -> "max(" + column + ") AS max_" + column).toList());
  }
}
