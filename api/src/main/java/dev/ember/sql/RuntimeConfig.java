package dev.ember.sql;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A session's settings, {@code spark.conf()}: string keys and values, as in Spark. */
public final class RuntimeConfig {
  private final Map<String, String> settings = new ConcurrentHashMap<>();

  RuntimeConfig(Map<String, String> initial) {
    settings.putAll(initial);
  }

  public void set(String key, String value) {
    SessionSettings.checkValue(key, value);
    settings.put(key, value);
  }

  public void set(String key, boolean value) {
    set(key, Boolean.toString(value));
  }

  public void set(String key, long value) {
    set(key, Long.toString(value));
  }

  /** The value of {@code key}; throws Spark's error when it is unset and has no default. */
  public String get(String key) {
    String value = settings.get(key);
    if (value == null) {
      value = SessionSettings.defaultValue(key);
    }
    if (value == null) {
      throw new NoSuchElementException("[SQL_CONF_NOT_FOUND] The SQL config \"" + key + "\" cannot be found. "
          + "Please verify that the config exists.");
    }
    return value;
  }

  public String get(String key, String defaultValue) {
    String value = settings.get(key);
    if (value != null) {
      return value;
    }
    String builtIn = SessionSettings.defaultValue(key);
    return builtIn != null && defaultValue == null ? builtIn : defaultValue;
  }

  public Map<String, String> getAll() {
    return new TreeMap<>(settings);
  }

  public void unset(String key) {
    settings.remove(key);
  }

  public boolean contains(String key) {
    return settings.containsKey(key) || SessionSettings.defaultValue(key) != null;
  }

  public boolean isModifiable(String key) {
    return key.startsWith("spark.sql.") || key.startsWith("spark.ember.");
  }
}
