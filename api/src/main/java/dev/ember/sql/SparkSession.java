package dev.ember.sql;

import dev.ember.api.execution.EngineContext;
import dev.ember.api.sources.JavaBeanRows;
import dev.ember.api.sources.LocalRowsTableSource;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.sql.types.StructType;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.RangeRelation;
import dev.ember.sql.types.DataTypes;
import java.io.Closeable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entry point, as in Spark: {@code SparkSession.builder().master("local[*]").getOrCreate()}. A
 * session runs queries in this process on the cores its master URL gives it; there is no cluster.
 */
public class SparkSession implements Closeable {
  /** The Spark release whose behaviour Ember reproduces, reported by {@link #version()}. */
  public static final String SPARK_VERSION = "4.2.0";

  private static final Object LOCK = new Object();
  private static SparkSession defaultSession;

  private final String appName;
  private final String master;
  private final RuntimeConfig conf;
  private final EngineContext engine;
  private volatile boolean stopped;
  /** Built-ins plus this session's registered UDFs; replaced, never changed, on registration. */
  private volatile dev.ember.planner.analysis.FunctionRegistry functions =
      dev.ember.planner.analysis.FunctionRegistry.builtin();

  private SparkSession(String appName, String master, Map<String, String> settings) {
    this.appName = appName;
    this.master = master;
    this.conf = new RuntimeConfig(settings);
    this.engine = new EngineContext(parallelism(master), memoryLimit(settings));
  }

  /**
   * Off-heap bytes the session's queries may hold at once: {@code spark.ember.memory.limit}, or
   * three quarters of the machine's memory. A query that needs more fails with a clear error.
   */
  static long memoryLimit(Map<String, String> settings) {
    String configured = settings.get("spark.ember.memory.limit");
    if (configured != null) {
      return Long.parseLong(configured.trim());
    }
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sunOs) {
      return sunOs.getTotalMemorySize() / 4 * 3;
    }
    return Long.MAX_VALUE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The session {@code getOrCreate()} would return, if one is running. */
  public static java.util.Optional<SparkSession> getActiveSession() {
    synchronized (LOCK) {
      return java.util.Optional.ofNullable(defaultSession);
    }
  }

  public static java.util.Optional<SparkSession> getDefaultSession() {
    return getActiveSession();
  }

  private static final Pattern LOCAL_N = Pattern.compile("local\\[(\\d+|\\*)(?:,\\s*\\d+)?\\]");

  /**
   * Worker threads for a master URL: {@code local} is 1, {@code local[N]} is N, {@code local[*]} every core.
   * A URL Ember cannot run fails with a {@link dev.ember.SparkException}, as in Spark.
   */
  static int parallelism(String master) {
    String url = master.trim().toLowerCase(Locale.ROOT);
    if (url.equals("local")) {
      return 1;
    }
    Matcher matcher = LOCAL_N.matcher(url);
    if (matcher.matches()) {
      String threads = matcher.group(1);
      int cores = Runtime.getRuntime().availableProcessors();
      int count = threads.equals("*") ? cores : Integer.parseInt(threads);
      if (count < 1) {
        throw new dev.ember.SparkException("Asked to run locally with " + count + " threads");
      }
      return count;
    }
    throw new dev.ember.SparkException("Could not parse Master URL: '" + master
        + "'. Ember runs in-process: use local, local[N] or local[*].");
  }

  public DataFrameReader read() {
    checkRunning();
    return new DataFrameReader(this);
  }

  /** Registers user-defined functions for this session only. */
  public UDFRegistration udf() {
    return new UDFRegistration(this);
  }

  /** The functions queries of this session resolve names with. */
  dev.ember.planner.analysis.FunctionRegistry functionRegistry() {
    return functions;
  }

  synchronized void registerFunction(String name, dev.ember.planner.analysis.FunctionBuilder builder) {
    functions = functions.with(name, builder);
  }

  public RuntimeConfig conf() {
    return conf;
  }

  /** The Spark version whose API and behaviour this session follows. */
  public String version() {
    return SPARK_VERSION;
  }

  public String appName() {
    return appName;
  }

  public String master() {
    return master;
  }

  public Dataset<Row> range(long end) {
    return range(0, end);
  }

  public Dataset<Row> range(long start, long end) {
    return range(start, end, 1);
  }

  public Dataset<Row> range(long start, long end, long step) {
    return range(start, end, step, engine.parallelism());
  }

  public Dataset<Row> range(long start, long end, long step, int numPartitions) {
    checkRunning();
    AttributeReference id = AttributeReference.create("id", DataTypes.LongType, false);
    return new Dataset<>(this, new RangeRelation(start, end, step, numPartitions, id));
  }

  /**
   * A DataFrame of the given rows, whose values are Spark's external Java types for the schema's
   * fields (Integer for {@code int}, {@code java.sql.Date} or {@code LocalDate} for {@code date},
   * a {@code List} or array for an array, a {@code Map} for a map, a {@link Row} for a struct, ...).
   * As in Spark, the values are checked when an action first reads them: a value of another type fails
   * that action naming the value, its class, the type, the row and the column.
   */
  public Dataset<Row> createDataFrame(java.util.List<Row> rows, StructType schema) {
    checkRunning();
    java.util.Objects.requireNonNull(rows, "rows is null");
    java.util.Objects.requireNonNull(schema, "schema is null");
    return new Dataset<>(this, ScanRelation.of(new LocalRowsTableSource(schema, rows, engine.localData())));
  }

  /**
   * A DataFrame of JavaBeans: a column per readable property, sorted by name as Spark sorts them;
   * primitive properties are non-nullable. The getters are called now.
   */
  public Dataset<Row> createDataFrame(java.util.List<?> data, Class<?> beanClass) {
    checkRunning();
    java.util.Objects.requireNonNull(data, "data is null");
    JavaBeanRows beans = JavaBeanRows.of(beanClass);
    return new Dataset<>(this, ScanRelation.of(
        new LocalRowsTableSource(beans.schema(), beans.rows(data), engine.localData())));
  }

  /** A DataFrame with no columns and no rows. */
  public Dataset<Row> emptyDataFrame() {
    return createDataFrame(java.util.List.of(), new StructType(new dev.ember.sql.types.StructField[0]));
  }

  /** Stops the session and frees its memory. A leaked buffer makes this throw. */
  public void stop() {
    synchronized (LOCK) {
      if (stopped) {
        return;
      }
      stopped = true;
      if (defaultSession == this) {
        defaultSession = null;
      }
    }
    engine.close();
  }

  @Override
  public void close() {
    stop();
  }

  boolean isStopped() {
    return stopped;
  }

  void checkRunning() {
    if (stopped) {
      throw new IllegalStateException("Cannot call methods on a stopped SparkSession.");
    }
  }

  EngineContext engine() {
    return engine;
  }

  SessionSettings settings() {
    return new SessionSettings(conf);
  }

  /** Builds or returns the process's session, as Spark's builder does. */
  public static final class Builder {
    private final Map<String, String> options = new HashMap<>();

    Builder() {}

    public Builder appName(String name) {
      return config("spark.app.name", name);
    }

    public Builder master(String master) {
      return config("spark.master", master);
    }

    public Builder config(String key, String value) {
      options.put(key, value);
      return this;
    }

    public Builder config(String key, long value) {
      return config(key, Long.toString(value));
    }

    public Builder config(String key, double value) {
      return config(key, Double.toString(value));
    }

    public Builder config(String key, boolean value) {
      return config(key, Boolean.toString(value));
    }

    public Builder config(Map<String, Object> settings) {
      settings.forEach((key, value) -> config(key, String.valueOf(value)));
      return this;
    }

    /**
     * Returns the running session, applying this builder's settings to it (as Spark does), or starts
     * one. Without a master, Ember uses {@code local[*]}: it always runs in-process.
     */
    public SparkSession getOrCreate() {
      synchronized (LOCK) {
        if (defaultSession != null && !defaultSession.isStopped()) {
          options.forEach((key, value) -> {
            if (!key.equals("spark.master") && !key.equals("spark.app.name")) {
              defaultSession.conf().set(key, value);
            }
          });
          return defaultSession;
        }
        String master = options.getOrDefault("spark.master", "local[*]");
        String appName = options.getOrDefault("spark.app.name", "ember");
        defaultSession = new SparkSession(appName, master, options);
        return defaultSession;
      }
    }
  }
}
