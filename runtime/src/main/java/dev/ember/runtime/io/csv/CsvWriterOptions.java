package dev.ember.runtime.io.csv;

import dev.ember.runtime.io.FileOptions;
import dev.ember.SparkException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The CSV writer's options, parsed from Spark's option map (keys case-insensitive). Immutable.
 *
 * <p>Defaults differ from the reader's where Spark's do: leading and trailing white space is trimmed
 * when writing, an empty string is written as {@code ""}, and {@code #} at the start of a value forces
 * quotes (the writer's default comment character) so that readers with {@code comment="#"} keep it.
 */
public final class CsvWriterOptions {
  public static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
  /** Spark writes an empty string as a quoted empty value, so readers can tell it from null. */
  public static final String DEFAULT_EMPTY_VALUE = "\"\"";

  /** The compression codecs Spark accepts for text-based formats; Ember writes none and gzip. */
  public enum Compression {
    NONE(""),
    GZIP(".gz");

    private final String extension;

    Compression(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  private final boolean header;
  private final String delimiter;
  private final char quote;
  private final char escape;
  private final char escapeOfEscape;
  private final char comment;
  private final String nullValue;
  private final String emptyValue;
  private final boolean quoteAll;
  private final boolean trimLeading;
  private final boolean trimTrailing;
  private final String lineSeparator;
  private final Charset charset;
  private final String dateFormat;
  private final String timestampFormat;
  private final ZoneId zone;
  private final Compression compression;

  private CsvWriterOptions(Map<String, String> options, ZoneId sessionZone) {
    // The reader's parsing of the shared options (sep escapes, one-character checks) applies as is.
    CsvOptions shared = CsvOptions.parse(options);
    header = shared.header();
    delimiter = shared.delimiter();
    quote = shared.quote();
    escape = shared.escape();
    String escapeEscaping = options.get("chartoescapequoteescaping");
    escapeOfEscape = escapeEscaping != null && !escapeEscaping.isEmpty() ? escapeEscaping.charAt(0)
        : escape != quote ? escape : CsvOptions.DISABLED;
    comment = options.containsKey("comment") ? shared.comment() : '#';
    nullValue = shared.nullValue();
    emptyValue = options.getOrDefault("emptyvalue", DEFAULT_EMPTY_VALUE);
    quoteAll = FileOptions.booleanOption(options, "quoteAll", false, "CSV");
    trimLeading = FileOptions.booleanOption(options, "ignoreLeadingWhiteSpace", true, "CSV");
    trimTrailing = FileOptions.booleanOption(options, "ignoreTrailingWhiteSpace", true, "CSV");
    lineSeparator = options.getOrDefault("linesep", "\n");
    if (lineSeparator.isEmpty()) {
      throw new IllegalArgumentException("CSV option 'lineSep' cannot be an empty string.");
    }
    charset = charsetOption(options.containsKey("encoding") ? options.get("encoding") : options.get("charset"));
    dateFormat = options.getOrDefault("dateformat", CsvOptions.DEFAULT_DATE_FORMAT);
    timestampFormat = options.getOrDefault("timestampformat", DEFAULT_TIMESTAMP_FORMAT);
    String zoneOption = options.get("timezone");
    zone = zoneOption != null ? ZoneId.of(zoneOption) : sessionZone;
    compression = compressionOption(options.containsKey("compression") ? options.get("compression") : options.get("codec"));
  }

  /**
   * Parses Spark's CSV writer options; unknown keys are ignored, as Spark ignores them.
   *
   * @param sessionZone the zone timestamps are written in unless the {@code timeZone} option says otherwise
   */
  public static CsvWriterOptions parse(Map<String, String> options, ZoneId sessionZone) {
    Objects.requireNonNull(options, "options is null");
    Objects.requireNonNull(sessionZone, "sessionZone is null");
    Map<String, String> lowerCased = FileOptions.lowerCaseKeys(options);
    return new CsvWriterOptions(lowerCased, sessionZone);
  }

  private static Charset charsetOption(String value) {
    if (value == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(value.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException(
          "[INVALID_PARAMETER_VALUE.CHARSET] CSV option 'encoding' (charset) is not a known charset: '" + value + "'.", e);
    }
  }

  private static Compression compressionOption(String value) {
    if (value == null) {
      return Compression.NONE;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "none", "uncompressed" -> Compression.NONE;
      case "gzip" -> Compression.GZIP;
      case "bzip2", "deflate", "snappy", "lz4" -> throw new SparkException("EMBER_NOT_YET_SUPPORTED",
          Map.of("feature", "CSV compression " + value), "Ember does not support the CSV compression codec " + value
              + " yet; use gzip or none. SQLSTATE: 0A000", null);
      default -> throw new SparkException("CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION",
          Map.of("codecName", value, "availableCodecs", "bzip2, deflate, uncompressed, snappy, none, lz4, gzip"),
          "The codec " + value + " is not available. "
              + "Available codecs are bzip2, deflate, uncompressed, snappy, none, lz4, gzip. SQLSTATE: 56038", null);
    };
  }

  public boolean header() {
    return header;
  }

  public String delimiter() {
    return delimiter;
  }

  /** The quote character, or {@link CsvOptions#DISABLED}. */
  public char quote() {
    return quote;
  }

  /** Written before a quote character inside a quoted value. */
  public char escape() {
    return escape;
  }

  /** Written before the escape character itself inside a quoted value; {@link CsvOptions#DISABLED} for none. */
  public char escapeOfEscape() {
    return escapeOfEscape;
  }

  /** A value starting with this character is quoted. */
  public char comment() {
    return comment;
  }

  public String nullValue() {
    return nullValue;
  }

  public String emptyValue() {
    return emptyValue;
  }

  public boolean quoteAll() {
    return quoteAll;
  }

  public boolean trimLeading() {
    return trimLeading;
  }

  public boolean trimTrailing() {
    return trimTrailing;
  }

  public String lineSeparator() {
    return lineSeparator;
  }

  public Charset charset() {
    return charset;
  }

  public String dateFormat() {
    return dateFormat;
  }

  public String timestampFormat() {
    return timestampFormat;
  }

  public ZoneId zone() {
    return zone;
  }

  public Compression compression() {
    return compression;
  }
}
