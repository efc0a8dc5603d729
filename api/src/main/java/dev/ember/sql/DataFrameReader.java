package dev.ember.sql;

import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.sources.DataSourceFormats;
import dev.ember.planner.sources.TableSource;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code spark.read()}: describes a data source; {@code load}/{@code csv} return a Dataset over it. */
public class DataFrameReader {
  private final SparkSession session;
  private final Map<String, String> options = new LinkedHashMap<>();
  private String format = "parquet";
  private StructType userSchema;

  DataFrameReader(SparkSession session) {
    this.session = session;
  }

  public DataFrameReader format(String source) {
    this.format = source.toLowerCase(Locale.ROOT);
    return this;
  }

  public DataFrameReader option(String key, String value) {
    options.put(key, value);
    return this;
  }

  public DataFrameReader option(String key, boolean value) {
    return option(key, Boolean.toString(value));
  }

  public DataFrameReader option(String key, long value) {
    return option(key, Long.toString(value));
  }

  public DataFrameReader option(String key, double value) {
    return option(key, Double.toString(value));
  }

  public DataFrameReader options(Map<String, String> values) {
    options.putAll(values);
    return this;
  }

  public DataFrameReader schema(StructType schema) {
    this.userSchema = schema;
    return this;
  }

  /** A DDL schema string such as {@code "name STRING, age INT"}. */
  public DataFrameReader schema(String ddl) {
    return schema(DataTypes.fromDdlSchema(ddl));
  }

  public Dataset<Row> csv(String... paths) {
    return format("csv").load(paths);
  }

  public Dataset<Row> parquet(String... paths) {
    return format("parquet").load(paths);
  }

  public Dataset<Row> json(String... paths) {
    return format("json").load(paths);
  }

  public Dataset<Row> load(String path) {
    return load(new String[] {path});
  }

  public Dataset<Row> load(String... paths) {
    session.checkRunning();
    List<String> all = new ArrayList<>(Arrays.asList(paths));
    if (all.isEmpty() && options.containsKey("path")) {
      all.add(options.get("path"));
    }
    TableSource source = DataSourceFormats.lookup(format)
        .read(all, Map.copyOf(options), userSchema, session.settings().readSettings());
    return new Dataset<>(session, ScanRelation.of(source));
  }

  public Dataset<Row> load() {
    return load(new String[0]);
  }
}
