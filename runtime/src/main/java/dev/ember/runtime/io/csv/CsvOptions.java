package dev.ember.runtime.io.csv;

import dev.ember.runtime.io.FileOptions;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The CSV reader's options, parsed from Spark's option map. Keys are matched case-insensitively, as
 * Spark does. Immutable.
 *
 * <p>{@code quote} and {@code comment} use {@link #DISABLED} when switched off (an empty value).
 * {@code dateFormat} and {@code timestampFormat} remember whether they were given: without them Spark
 * falls back to its lenient date and timestamp parsing, with them it parses strictly.
 */
public final class CsvOptions {
  /** The character value meaning "no quote character" or "no comment character". */
  public static final char DISABLED = '\u0000';

  public static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
  /** Spark's {@code spark.sql.columnNameOfCorruptRecord} default. */
  public static final String DEFAULT_CORRUPT_RECORD_COLUMN = "_corrupt_record";
  public static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]";

  private final boolean header;
  private final boolean inferSchema;
  private final String delimiter;
  private final char quote;
  private final char escape;
  private final String nullValue;
  private final char comment;
  private final CsvParseMode mode;
  private final Charset charset;
  private final boolean ignoreLeadingWhiteSpace;
  private final boolean ignoreTrailingWhiteSpace;
  private final String dateFormat;
  private final String timestampFormat;
  private final boolean multiLine;
  private final String columnNameOfCorruptRecord;
  private final boolean enforceSchema;

  private CsvOptions(Map<String, String> options) {
    header = FileOptions.booleanOption(options, "header", false, "CSV");
    inferSchema = FileOptions.booleanOption(options, "inferSchema", false, "CSV");
    String separator = first(options, "sep", "delimiter");
    delimiter = separator == null ? "," : delimiterOption(separator);
    quote = charOption(options, "quote", '"');
    escape = charOption(options, "escape", '\\');
    nullValue = options.getOrDefault("nullvalue", "");
    comment = charOption(options, "comment", DISABLED);
    String modeValue = options.get("mode");
    mode = modeValue == null ? CsvParseMode.PERMISSIVE : CsvParseMode.fromOption(modeValue);
    charset = charsetOption(first(options, "encoding", "charset"));
    ignoreLeadingWhiteSpace = FileOptions.booleanOption(options, "ignoreLeadingWhiteSpace", false, "CSV");
    ignoreTrailingWhiteSpace = FileOptions.booleanOption(options, "ignoreTrailingWhiteSpace", false, "CSV");
    dateFormat = options.get("dateformat");
    timestampFormat = options.get("timestampformat");
    multiLine = FileOptions.booleanOption(options, "multiLine", false, "CSV");
    columnNameOfCorruptRecord = options.getOrDefault("columnnameofcorruptrecord", DEFAULT_CORRUPT_RECORD_COLUMN);
    enforceSchema = FileOptions.booleanOption(options, "enforceSchema", true, "CSV");
  }

  /** Parses Spark's CSV options; unknown keys are ignored, as Spark ignores them. */
  public static CsvOptions parse(Map<String, String> options) {
    Objects.requireNonNull(options, "options is null");
    Map<String, String> lowerCased = FileOptions.lowerCaseKeys(options);
    return new CsvOptions(lowerCased);
  }

  /** Spark's defaults. */
  public static CsvOptions defaults() {
    return parse(Map.of());
  }

  private static String first(Map<String, String> options, String key, String alternative) {
    String value = options.get(key.toLowerCase(Locale.ROOT));
    return value != null ? value : options.get(alternative.toLowerCase(Locale.ROOT));
  }

  /** Spark: an empty value switches the character off; more than one character is an error. */
  private static char charOption(Map<String, String> options, String key, char defaultValue) {
    String value = options.get(key.toLowerCase(Locale.ROOT));
    if (value == null) {
      return defaultValue;
    } else if (value.isEmpty()) {
      return DISABLED;
    } else if (value.length() == 1 && value.charAt(0) < 128) {
      return value.charAt(0);
    } else if (value.length() == 1) {
      // The tokenizer works on bytes; a non-ASCII marker would span several of them.
      throw new IllegalArgumentException(
          "CSV option '" + key + "' must be an ASCII character in Ember, but got '" + value + "'.");
    }
    throw new IllegalArgumentException(
        "[OPTION_VALUE_EXCEEDS_ONE_CHARACTER] The value of " + key
            + " cannot be more than one character, but got " + value + ".");
  }

  /**
   * Spark accepts multi-character separators and the escapes {@code \t}, {@code \n}, {@code \\} and
   * {@code \u0000}-style code points written as two characters.
   */
  private static String delimiterOption(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("CSV option 'sep' (delimiter) cannot be empty.");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\' || i + 1 == value.length()) {
        out.append(c);
        continue;
      }
      char next = value.charAt(++i);
      switch (next) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case '"' -> out.append('"');
        case '\'' -> out.append('\'');
        case '\\' -> out.append('\\');
        case 'u' -> {
          if (i + 4 >= value.length()) {
            throw new IllegalArgumentException("CSV option 'sep' has an unfinished \\u escape: " + value);
          }
          out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException(
            "CSV option 'sep' has an unsupported escape \\" + next + ": " + value);
      }
    }
    if (out.indexOf("\n") >= 0 || out.indexOf("\r") >= 0) {
      throw new IllegalArgumentException("CSV option 'sep' cannot contain a line break: " + value);
    }
    return out.toString();
  }

  /** The charsets Spark 4.2 accepts (without {@code spark.sql.legacy.javaCharsets}). */
  private static final java.util.List<String> SUPPORTED_CHARSETS =
      java.util.List.of("iso-8859-1", "us-ascii", "utf-16", "utf-16be", "utf-16le", "utf-32", "utf-8");

  private static Charset charsetOption(String value) {
    if (value == null) {
      return StandardCharsets.UTF_8;
    }
    // Spark neither trims nor accepts aliases such as latin1 or UTF8.
    String name = value.toLowerCase(Locale.ROOT);
    if (!SUPPORTED_CHARSETS.contains(name)) {
      // Checked against Spark 4.2: windows-1252 is refused although the JVM knows it.
      throw new IllegalArgumentException(
          "[INVALID_PARAMETER_VALUE.CHARSET] The value of parameter(s) `charset` in `CSVOptions` is invalid:"
              + " expects one of the " + String.join(", ", SUPPORTED_CHARSETS) + ", but got " + value
              + ". SQLSTATE: 22023");
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("The JVM does not support charset '" + value + "'.", e);
    }
  }

  public boolean header() {
    return header;
  }

  public boolean inferSchema() {
    return inferSchema;
  }

  /** The field separator, one or more characters. */
  public String delimiter() {
    return delimiter;
  }

  /** The quote character, or {@link #DISABLED}. */
  public char quote() {
    return quote;
  }

  /** The character that escapes a quote (or itself) inside a quoted value, or {@link #DISABLED}. */
  public char escape() {
    return escape;
  }

  /** The text read as null; Spark's default is the empty string. */
  public String nullValue() {
    return nullValue;
  }

  /** Lines starting with this character are skipped; {@link #DISABLED} when unset. */
  public char comment() {
    return comment;
  }

  public CsvParseMode mode() {
    return mode;
  }

  public Charset charset() {
    return charset;
  }

  public boolean ignoreLeadingWhiteSpace() {
    return ignoreLeadingWhiteSpace;
  }

  public boolean ignoreTrailingWhiteSpace() {
    return ignoreTrailingWhiteSpace;
  }

  /** The date pattern in effect: the one given or Spark's default. */
  public String dateFormat() {
    return dateFormat != null ? dateFormat : DEFAULT_DATE_FORMAT;
  }

  /** Whether {@code dateFormat} was given; if not, dates are parsed leniently as Spark does. */
  public boolean hasDateFormat() {
    return dateFormat != null;
  }

  public String timestampFormat() {
    return timestampFormat != null ? timestampFormat : DEFAULT_TIMESTAMP_FORMAT;
  }

  public boolean hasTimestampFormat() {
    return timestampFormat != null;
  }

  /** Whether a quoted value may contain line breaks; then files are not split into byte ranges. */
  public boolean multiLine() {
    return multiLine;
  }

  /** The string column of the user's schema that receives the raw text of malformed records. */
  public String columnNameOfCorruptRecord() {
    return columnNameOfCorruptRecord;
  }

  /**
   * Whether the user's schema replaces the header's names unchecked (Spark's default); if false each
   * file's header must name the schema's columns.
   */
  public boolean enforceSchema() {
    return enforceSchema;
  }

  @Override
  public String toString() {
    return "CsvOptions(header=" + header + ", inferSchema=" + inferSchema + ", sep=" + delimiter
        + ", quote=" + printable(quote) + ", escape=" + printable(escape) + ", nullValue=" + nullValue
        + ", comment=" + printable(comment) + ", mode=" + mode + ", charset=" + charset + (multiLine ? ", multiLine" : "") + ")";
  }

  private static String printable(char c) {
    return c == DISABLED ? "off" : String.valueOf(c);
  }
}
