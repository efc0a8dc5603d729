package dev.ember.benchmarks.engines;

import dev.ember.benchmarks.queries.TpchQueries;
import dev.ember.benchmarks.tpch.TpchFiles;
import dev.ember.benchmarks.tpch.TpchSchema;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Ember on {@code local[cores]}, running the shared query program. */
public final class EmberEngine implements QueryEngine {
  private final SparkSession session;
  private final TpchFiles files;

  EmberEngine(int cores, TpchFiles files) {
    this.files = Objects.requireNonNull(files, "files is null");
    this.session = SparkSession.builder().master("local[" + cores + "]").appName("ember-benchmarks").getOrCreate();
  }

  /** Sets a session setting for the queries that follow (to compare Ember's own switches). */
  public void setConf(String key, String value) {
    session.conf().set(key, value);
  }

  @Override
  public List<Row> run(Workload workload) {
    String lineitem = files.sparkParquet("lineitem").toString();
    if (workload.isTpchQuery()) {
      return TpchQueries.tpch(workload.tpchNumber(), session, table -> files.sparkParquet(table).toString());
    }
    return switch (workload) {
      case CSV_SCAN -> {
        TpchSchema schema = TpchSchema.of("lineitem");
        yield TpchQueries.csvScan(session, files.csv("lineitem").toString(), schema.sparkDdl(), schema.columnNames());
      }
      case PARQUET_SCAN -> TpchQueries.parquetScan(session, lineitem, TpchSchema.of("lineitem").columnNames());
      case FILTER_PROJECT -> TpchQueries.filterProject(session, lineitem);
      case AGGREGATE_FEW_GROUPS -> TpchQueries.aggregateFewGroups(session, lineitem);
      case AGGREGATE_MANY_GROUPS -> TpchQueries.aggregateManyGroups(session, lineitem);
      case SORT -> TpchQueries.sort(session, files.sparkParquet("orders").toString());
      default -> throw new IllegalStateException("no program for " + workload);
    };
  }

  @Override
  public List<List<Object>> answer(Workload workload) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : run(workload)) {
      List<Object> values = new ArrayList<>(row.size());
      for (int i = 0; i < row.size(); i++) {
        values.add(row.get(i));
      }
      rows.add(values);
    }
    return rows;
  }

  @Override
  public String version() {
    String version = EmberEngine.class.getPackage().getImplementationVersion();
    return "Ember " + (version == null ? "(development build)" : version);
  }

  @Override
  public void close() {
    session.stop();
  }
}
