package dev.ember.benchmarks.expressions;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Apache Spark with its defaults (whole-stage code generation on), the table cached in memory. */
public final class SparkExpressionEngine implements ExpressionEngine {
  private final SparkSession session;
  private final Dataset<Row> table;

  private SparkExpressionEngine(SparkSession session, Dataset<Row> table) {
    this.session = Objects.requireNonNull(session, "session is null");
    this.table = Objects.requireNonNull(table, "table is null");
  }

  static SparkExpressionEngine start(int cores, Path data) {
    SparkSession session = SparkSession.builder().master("local[" + cores + "]").appName("expression-benchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", cores)
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    session.sparkContext().setLogLevel("ERROR");
    Dataset<Row> table = session.read().parquet(data.toString()).cache();
    table.count();
    return new SparkExpressionEngine(session, table);
  }

  @Override
  public long checksum(BenchmarkExpression expression) {
    return table.selectExpr(expression.checksumSql()).collectAsList().get(0).getLong(0);
  }

  @Override
  public Optional<String> codegenFallback() {
    return Optional.empty();
  }

  /** The running Spark's version, e.g. {@code 4.2.0}. */
  public String version() {
    return session.version();
  }

  @Override
  public void close() {
    session.stop();
  }
}
