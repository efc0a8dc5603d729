package dev.ember.planner.sources;

import dev.ember.sql.AnalysisException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The formats Ember reads and writes, by Spark's short names (case-insensitive). */
public final class DataSourceFormats {
  private static final Map<String, DataSourceFormat> FORMATS = new LinkedHashMap<>();

  static {
    register(new CsvFormat());
    register(new ParquetFormat());
  }

  private DataSourceFormats() {}

  private static void register(DataSourceFormat format) {
    FORMATS.put(format.shortName(), format);
  }

  /** The format named {@code name}; Spark's {@code DATA_SOURCE_NOT_FOUND} error when there is none. */
  public static DataSourceFormat lookup(String name) {
    DataSourceFormat format = FORMATS.get(name.toLowerCase(Locale.ROOT));
    if (format == null) {
      throw new AnalysisException("DATA_SOURCE_NOT_FOUND", Map.of("provider", name),
          "Failed to find the data source: " + name + ". Ember supports " + List.copyOf(FORMATS.keySet())
              + ". SQLSTATE: 42K02");
    }
    return format;
  }
}
