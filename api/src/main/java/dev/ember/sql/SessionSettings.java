package dev.ember.sql;

import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.sources.ReadSettings;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.WriteSettings;
import dev.ember.runtime.io.parquet.ParquetTimestampStorage;
import dev.ember.runtime.io.parquet.ParquetWriteCompression;
import java.util.List;
import dev.ember.runtime.io.csv.CsvSource;
import dev.ember.runtime.operators.sort.SortSpillSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Reads the settings that change Ember's behaviour from a session's {@link RuntimeConfig}, with
 * Spark's names and defaults where Spark has the setting.
 */
final class SessionSettings {
  static final String ANSI_ENABLED = "spark.sql.ansi.enabled";
  static final String CASE_SENSITIVE = "spark.sql.caseSensitive";
  static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";
  static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
  /** Ember: read Arrow vectors through checked accessors in generated code (for debugging). */
  static final String CHECKED_MEMORY_ACCESS = "spark.ember.codegen.checkedMemoryAccess";
  /** Ember: bytes of a file per parallel morsel. */
  static final String SPLIT_BYTES = "spark.ember.files.splitBytes";
  /**
   * Ember: Parquet scans decode the columns of pushed filters first and the others only at the rows
   * those filters keep (true), or decode every column at every row (false, for comparing).
   */
  static final String PARQUET_LATE_MATERIALIZATION = "spark.ember.parquet.lateMaterialization";
  /**
   * Ember: run a new pipeline interpreted while its generated kernel compiles on a background thread
   * (true), or wait for the compiler first (false). The default can be set with the system property
   * {@code ember.codegen.compileInBackground}; Ember's own tests set it to false so that even their
   * small queries run the generated kernels.
   */
  static final String COMPILE_IN_BACKGROUND = "spark.ember.codegen.compileInBackground";
  /**
   * Spark's switch: when a generated kernel's source fails to compile, run its pipeline interpreted
   * (true) or fail the query (false). Only a compiler error counts; an expression the generator does
   * not handle, or a method too large for the JIT, still runs interpreted, and so does a kernel compiled
   * in the background ({@link #COMPILE_IN_BACKGROUND}). The default can be set with the system property
   * {@code ember.codegen.fallback}; Ember's own tests set it to false, so that generated code that does
   * not compile fails them.
   */
  static final String CODEGEN_FALLBACK = "spark.sql.codegen.fallback";
  /**
   * Ember: generated hash-aggregate kernels find the groups of a batch first and then run each
   * accumulator over the batch in its own loop (true), or update every accumulator row by row (false,
   * for comparing).
   */
  static final String AGGREGATE_BATCH_UPDATE = "spark.ember.aggregate.batchUpdate";
  static final String PARTITION_TYPE_INFERENCE = "spark.sql.sources.partitionColumnTypeInference.enabled";
  static final String PARQUET_MERGE_SCHEMA = "spark.sql.parquet.mergeSchema";
  static final String PARQUET_COMPRESSION_CODEC = "spark.sql.parquet.compression.codec";
  static final String PARQUET_OUTPUT_TIMESTAMP_TYPE = ParquetTimestampStorage.SETTING;
  /** The values Spark 4.2 accepts for {@link #PARQUET_COMPRESSION_CODEC}, in the order its error lists them. */
  private static final List<String> PARQUET_CODEC_NAMES =
      List.of("brotli", "uncompressed", "lzo", "snappy", "lz4_raw", "none", "zstd", "lz4", "gzip");
  /** Ember: optimizer rules to switch off, comma-separated names (for bisecting). */
  static final String DISABLED_RULES = "spark.ember.optimizer.excludedRules";

  /**
   * Ember: bytes a sort may buffer (input and sort keys, over all its workers) before it spills sorted
   * runs to disk; a byte string such as {@code 64m}. Unset: a quarter of {@code spark.ember.memory.limit}.
   */
  static final String SORT_BUDGET = "spark.ember.memory.sortBudget";
  /** Spark's scratch directory; Ember puts sort spill files there. */
  static final String LOCAL_DIR = "spark.local.dir";

  private final RuntimeConfig config;

  SessionSettings(RuntimeConfig config) {
    this.config = config;
  }

  static String defaultValue(String key) {
    return switch (key) {
      case ANSI_ENABLED, WHOLE_STAGE_CODEGEN, PARTITION_TYPE_INFERENCE, PARQUET_LATE_MATERIALIZATION,
          AGGREGATE_BATCH_UPDATE -> "true";
      case CASE_SENSITIVE, CHECKED_MEMORY_ACCESS, PARQUET_MERGE_SCHEMA -> "false";
      case SESSION_TIME_ZONE -> TimeZone.getDefault().getID();
      case SPLIT_BYTES -> Long.toString(CsvSource.DEFAULT_SPLIT_BYTES);
      case DISABLED_RULES -> "";
      case PARQUET_COMPRESSION_CODEC -> "snappy";
      case PARQUET_OUTPUT_TIMESTAMP_TYPE -> "INT96";
      case LOCAL_DIR -> System.getProperty("java.io.tmpdir");
      case COMPILE_IN_BACKGROUND -> System.getProperty("ember.codegen.compileInBackground", "true");
      case CODEGEN_FALLBACK -> System.getProperty("ember.codegen.fallback", "true");
      default -> null;
    };
  }

  private boolean flag(String key) {
    String value = config.get(key).trim().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("[INVALID_CONF_VALUE.TYPE_MISMATCH] The value '" + value
          + "' in the config \"" + key + "\" is invalid. It should be a boolean.");
    }
    return Boolean.parseBoolean(value);
  }

  boolean ansiEnabled() {
    return flag(ANSI_ENABLED);
  }

  boolean caseSensitive() {
    return flag(CASE_SENSITIVE);
  }

  boolean codegenEnabled() {
    return flag(WHOLE_STAGE_CODEGEN);
  }

  boolean backgroundCompilation() {
    return flag(COMPILE_IN_BACKGROUND);
  }

  boolean codegenFallback() {
    return flag(CODEGEN_FALLBACK);
  }

  ZoneId sessionZone() {
    return ZoneId.of(config.get(SESSION_TIME_ZONE), ZoneId.SHORT_IDS);
  }

  KernelOptions kernelOptions() {
    return new KernelOptions(ansiEnabled(), flag(CHECKED_MEMORY_ACCESS), sessionZone(), flag(AGGREGATE_BATCH_UPDATE));
  }

  /**
   * Rejects, when it is set, a value Spark rejects when it is set: settings with a fixed set of values
   * fail with Spark's {@code INVALID_CONF_VALUE.OUT_OF_RANGE_OF_OPTIONS}.
   */
  static void checkValue(String key, String value) {
    switch (key) {
      case PARQUET_OUTPUT_TIMESTAMP_TYPE -> ParquetTimestampStorage.fromName(value);
      case PARQUET_COMPRESSION_CODEC -> {
        if (!PARQUET_CODEC_NAMES.contains(value.trim().toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("[INVALID_CONF_VALUE.OUT_OF_RANGE_OF_OPTIONS] The value '" + value
              + "' in the config \"" + key + "\" is invalid. It should be one of '"
              + String.join(", ", PARQUET_CODEC_NAMES) + "'. SQLSTATE: 22022");
        }
      }
      default -> {
        // Other settings are checked where they are used.
      }
    }
  }

  WriteSettings writeSettings() {
    return new WriteSettings(ParquetWriteCompression.fromName(config.get(PARQUET_COMPRESSION_CODEC).trim()),
        ParquetTimestampStorage.fromName(config.get(PARQUET_OUTPUT_TIMESTAMP_TYPE)));
  }

  ReadSettings readSettings() {
    return new ReadSettings(flag(PARTITION_TYPE_INFERENCE), flag(PARQUET_MERGE_SCHEMA), sessionZone());
  }

  ScanSettings scanSettings() {
    return new ScanSettings(sessionZone(), Long.parseLong(config.get(SPLIT_BYTES).trim()),
        flag(PARQUET_LATE_MATERIALIZATION));
  }

  SortSpillSettings sortSpillSettings() {
    String budget = config.get(SORT_BUDGET, null);
    long budgetBytes = budget == null ? SortSpillSettings.DEFAULT_BUDGET : byteSize(SORT_BUDGET, budget);
    // Spark allows a comma-separated list of directories; Ember spills into the first.
    String directory = config.get(LOCAL_DIR).split(",")[0].trim();
    return new SortSpillSettings(budgetBytes, Path.of(directory));
  }

  /** A byte count as Spark writes them: a number with an optional unit b, k, m, g or t (powers of 1024). */
  static long byteSize(String key, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)([bkmgt]?)b?").matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("[INVALID_CONF_VALUE] The value '" + value + "' in the config \"" + key
          + "\" is invalid. It should be a size in bytes such as 1048576, 512k, 64m or 2g.");
    }
    int shift = switch (matcher.group(2)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    long number = Long.parseLong(matcher.group(1));
    if (number > Long.MAX_VALUE >> shift) {
      throw new IllegalArgumentException("[INVALID_CONF_VALUE] The value '" + value + "' in the config \"" + key
          + "\" is too large.");
    }
    return number << shift;
  }

  java.util.Set<String> disabledRules() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String name : config.get(DISABLED_RULES).split(",")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    return names;
  }
}
