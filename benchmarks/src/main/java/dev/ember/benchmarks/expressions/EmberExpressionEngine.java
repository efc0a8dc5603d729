package dev.ember.benchmarks.expressions;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ember with its generated kernels ({@code spark.sql.codegen.wholeStage=true}, compiled before the
 * first batch so that no measured batch runs interpreted while the compiler works) or with its
 * interpreted kernels only ({@code wholeStage=false}).
 */
public final class EmberExpressionEngine implements ExpressionEngine {
  private final SparkSession session;
  private final Dataset<Row> table;
  private final boolean generated;
  private final boolean ownsSession;
  private Optional<String> lastFallback = Optional.empty();

  private EmberExpressionEngine(SparkSession session, Dataset<Row> table, boolean generated, boolean ownsSession) {
    this.session = Objects.requireNonNull(session, "session is null");
    this.table = Objects.requireNonNull(table, "table is null");
    this.generated = generated;
    this.ownsSession = ownsSession;
  }

  static EmberExpressionEngine start(int cores, Path data, boolean generated) {
    SparkSession session = SparkSession.builder().master("local[" + cores + "]").appName("expression-benchmark")
        .config("spark.ember.codegen.compileInBackground", "false")
        .getOrCreate();
    return new EmberExpressionEngine(session, load(session, data), generated, true);
  }

  /** The other mode over the same session and cached table; closing it leaves the session running. */
  EmberExpressionEngine withGenerated(boolean otherGenerated) {
    return new EmberExpressionEngine(session, table, otherGenerated, false);
  }

  private static Dataset<Row> load(SparkSession session, Path data) {
    Dataset<Row> table = session.read().parquet(data.toString()).cache();
    table.count();
    return table;
  }

  @Override
  public long checksum(BenchmarkExpression expression) {
    // The session is shared by both modes in the answer check, so the mode is set for every query.
    session.conf().set("spark.sql.codegen.wholeStage", generated);
    Dataset<Row> query = table.selectExpr(expression.checksumSql());
    List<Row> rows = query.collectAsList();
    lastFallback = generated && !query.queryExecution().compiled().fallbacks().isEmpty()
        ? Optional.of(String.join("; ", query.queryExecution().compiled().fallbacks().values()))
        : Optional.empty();
    return rows.get(0).getLong(0);
  }

  @Override
  public Optional<String> codegenFallback() {
    return lastFallback;
  }

  @Override
  public void close() {
    if (ownsSession) {
      session.stop();
    }
  }
}
