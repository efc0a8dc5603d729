package dev.ember.runtime.io;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The reading of data-source options every format shares: Spark matches option keys case-insensitively. */
public final class FileOptions {
  private FileOptions() {}

  /** The options with every key lower-cased, so lookups ignore the user's spelling. */
  public static Map<String, String> lowerCaseKeys(Map<String, String> options) {
    Objects.requireNonNull(options, "options is null");
    Map<String, String> lowerCased = new HashMap<>();
    options.forEach((key, value) -> lowerCased.put(key.toLowerCase(Locale.ROOT), value));
    return lowerCased;
  }

  /**
   * A {@code true}/{@code false} option of {@code format} (any case, surrounding spaces ignored).
   *
   * @param lowerCased options as {@link #lowerCaseKeys} returns them; {@code key} may be in any case
   */
  public static boolean booleanOption(Map<String, String> lowerCased, String key, boolean defaultValue, String format) {
    String value = lowerCased.get(key.toLowerCase(Locale.ROOT));
    if (value == null) {
      return defaultValue;
    }
    String trimmed = value.trim();
    if (trimmed.equalsIgnoreCase("true")) {
      return true;
    } else if (trimmed.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(
        format + " option '" + key + "' must be true or false, but got '" + value + "'.");
  }
}
