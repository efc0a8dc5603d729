package dev.ember.sql;

import dev.ember.codegen.spec.KernelOptions;
import dev.ember.planner.sources.ReadSettings;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.runtime.io.csv.CsvSource;
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
   * Ember: run a new pipeline interpreted while its generated kernel compiles on a background thread
   * (true), or wait for the compiler first (false). The default can be set with the system property
   * {@code ember.codegen.compileInBackground}; Ember's own tests set it to false so that even their
   * small queries run the generated kernels.
   */
  static final String COMPILE_IN_BACKGROUND = "spark.ember.codegen.compileInBackground";
  static final String PARTITION_TYPE_INFERENCE = "spark.sql.sources.partitionColumnTypeInference.enabled";
  static final String PARQUET_MERGE_SCHEMA = "spark.sql.parquet.mergeSchema";
  /** Ember: optimizer rules to switch off, comma-separated names (for bisecting). */
  static final String DISABLED_RULES = "spark.ember.optimizer.excludedRules";

  private final RuntimeConfig config;

  SessionSettings(RuntimeConfig config) {
    this.config = config;
  }

  static String defaultValue(String key) {
    return switch (key) {
      case ANSI_ENABLED, WHOLE_STAGE_CODEGEN, PARTITION_TYPE_INFERENCE -> "true";
      case CASE_SENSITIVE, CHECKED_MEMORY_ACCESS, PARQUET_MERGE_SCHEMA -> "false";
      case SESSION_TIME_ZONE -> TimeZone.getDefault().getID();
      case SPLIT_BYTES -> Long.toString(CsvSource.DEFAULT_SPLIT_BYTES);
      case DISABLED_RULES -> "";
      case COMPILE_IN_BACKGROUND -> System.getProperty("ember.codegen.compileInBackground", "true");
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

  ZoneId sessionZone() {
    return ZoneId.of(config.get(SESSION_TIME_ZONE), ZoneId.SHORT_IDS);
  }

  KernelOptions kernelOptions() {
    return new KernelOptions(ansiEnabled(), flag(CHECKED_MEMORY_ACCESS), sessionZone());
  }

  ReadSettings readSettings() {
    return new ReadSettings(flag(PARTITION_TYPE_INFERENCE), flag(PARQUET_MERGE_SCHEMA), sessionZone());
  }

  ScanSettings scanSettings() {
    return new ScanSettings(sessionZone(), Long.parseLong(config.get(SPLIT_BYTES).trim()));
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
