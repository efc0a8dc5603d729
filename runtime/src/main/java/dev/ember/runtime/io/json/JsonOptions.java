package dev.ember.runtime.io.json;

import dev.ember.runtime.io.FileOptions;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON reader's and writer's options, parsed from Spark's option map (keys case-insensitive, as
 * in Spark; unknown keys ignored). Immutable.
 *
 * <p>{@code dateFormat} and {@code timestampFormat} remember whether they were given: without them
 * Spark parses dates and timestamps leniently, with them strictly; writing uses Spark's defaults.
 */
public final class JsonOptions {
  public static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
  /** The pattern Spark writes timestamps with (and reads them with when the option is given). */
  public static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
  public static final String DEFAULT_CORRUPT_RECORD_COLUMN = "_corrupt_record";

  private final boolean primitivesAsString;
  private final boolean prefersDecimal;
  private final boolean allowComments;
  private final boolean allowUnquotedFieldNames;
  private final boolean allowSingleQuotes;
  private final boolean allowNumericLeadingZeros;
  private final boolean allowNonNumericNumbers;
  private final boolean multiLine;
  private final JsonParseMode mode;
  private final String columnNameOfCorruptRecord;
  private final String dateFormat;
  private final String timestampFormat;
  private final boolean ignoreNullFields;
  private final String compression;
  private final ZoneId timeZone;

  private JsonOptions(Map<String, String> options) {
    primitivesAsString = FileOptions.booleanOption(options, "primitivesAsString", false, "JSON");
    prefersDecimal = FileOptions.booleanOption(options, "prefersDecimal", false, "JSON");
    allowComments = FileOptions.booleanOption(options, "allowComments", false, "JSON");
    allowUnquotedFieldNames = FileOptions.booleanOption(options, "allowUnquotedFieldNames", false, "JSON");
    allowSingleQuotes = FileOptions.booleanOption(options, "allowSingleQuotes", true, "JSON");
    allowNumericLeadingZeros = FileOptions.booleanOption(options, "allowNumericLeadingZeros", false, "JSON");
    allowNonNumericNumbers = FileOptions.booleanOption(options, "allowNonNumericNumbers", true, "JSON");
    multiLine = FileOptions.booleanOption(options, "multiLine", false, "JSON");
    String modeValue = options.get("mode");
    mode = modeValue == null ? JsonParseMode.PERMISSIVE : JsonParseMode.fromOption(modeValue);
    columnNameOfCorruptRecord = options.getOrDefault("columnnameofcorruptrecord", DEFAULT_CORRUPT_RECORD_COLUMN);
    dateFormat = options.get("dateformat");
    timestampFormat = options.get("timestampformat");
    ignoreNullFields = FileOptions.booleanOption(options, "ignoreNullFields", true, "JSON");
    compression = compressionOption(options.get("compression") != null ? options.get("compression") : options.get("codec"));
    String zone = options.get("timezone");
    timeZone = zone == null ? null : ZoneId.of(zone.trim());
  }

  /** Parses Spark's JSON options. */
  public static JsonOptions parse(Map<String, String> options) {
    Objects.requireNonNull(options, "options is null");
    Map<String, String> lowerCased = FileOptions.lowerCaseKeys(options);
    return new JsonOptions(lowerCased);
  }

  /** Spark's defaults. */
  public static JsonOptions defaults() {
    return parse(Map.of());
  }

  private static String compressionOption(String value) {
    if (value == null) {
      return "none";
    }
    String name = value.trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "none", "uncompressed" -> "none";
      case "gzip" -> "gzip";
      default -> throw new IllegalArgumentException(
          "[CODEC_NOT_AVAILABLE] JSON option 'compression' is '" + value
              + "'; Ember writes JSON with none or gzip.");
    };
  }

  /** A Jackson factory with Spark's parser features for these options. Thread-safe once built. */
  public JsonFactory newFactory() {
    return new JsonFactoryBuilder()
        .configure(JsonReadFeature.ALLOW_JAVA_COMMENTS, allowComments)
        .configure(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, allowUnquotedFieldNames)
        .configure(JsonReadFeature.ALLOW_SINGLE_QUOTES, allowSingleQuotes)
        .configure(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, allowNumericLeadingZeros)
        .configure(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, allowNonNumericNumbers)
        .build();
  }

  public boolean primitivesAsString() {
    return primitivesAsString;
  }

  public boolean prefersDecimal() {
    return prefersDecimal;
  }

  public boolean allowComments() {
    return allowComments;
  }

  public boolean allowUnquotedFieldNames() {
    return allowUnquotedFieldNames;
  }

  public boolean allowSingleQuotes() {
    return allowSingleQuotes;
  }

  public boolean multiLine() {
    return multiLine;
  }

  public JsonParseMode mode() {
    return mode;
  }

  public String columnNameOfCorruptRecord() {
    return columnNameOfCorruptRecord;
  }

  public String dateFormat() {
    return dateFormat != null ? dateFormat : DEFAULT_DATE_FORMAT;
  }

  public boolean hasDateFormat() {
    return dateFormat != null;
  }

  public String timestampFormat() {
    return timestampFormat != null ? timestampFormat : DEFAULT_TIMESTAMP_FORMAT;
  }

  public boolean hasTimestampFormat() {
    return timestampFormat != null;
  }

  /** Writer: leave out fields whose value is null (Spark's default), or write them as {@code null}. */
  public boolean ignoreNullFields() {
    return ignoreNullFields;
  }

  /** Writer: {@code none} or {@code gzip}. */
  public String compression() {
    return compression;
  }

  /** The {@code timeZone} option, or null when not given (the session zone applies). */
  public ZoneId timeZone() {
    return timeZone;
  }

  @Override
  public String toString() {
    return "JsonOptions(multiLine=" + multiLine + ", mode=" + mode + ", primitivesAsString=" + primitivesAsString
        + ", prefersDecimal=" + prefersDecimal + ", columnNameOfCorruptRecord=" + columnNameOfCorruptRecord + ")";
  }
}
