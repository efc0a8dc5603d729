package dev.ember.runtime.io.csv;

import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the column named by {@code columnNameOfCorruptRecord} in a user's schema. Spark requires it to
 * be a nullable string (checked against Spark 4.2: an INT column fails with
 * {@code INVALID_CORRUPT_RECORD_TYPE}).
 */
public final class CsvCorruptRecordColumn {
  private CsvCorruptRecordColumn() {}

  /**
   * The index of the corrupt-record column in {@code schema}, or -1 when there is none.
   *
   * @throws AnalysisException {@code INVALID_CORRUPT_RECORD_TYPE} when the column is not a nullable string
   */
  public static int indexIn(StructType schema, CsvOptions options) {
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(options, "options is null");
    String name = options.columnNameOfCorruptRecord();
    for (int i = 0; i < schema.length(); i++) {
      StructField field = schema.apply(i);
      if (!field.name().equals(name)) {
        continue;
      }
      if (!(field.dataType() instanceof StringType) || !field.nullable()) {
        String type = field.dataType().sql();
        String shown = field.nullable() ? type : type + " NOT NULL";
        throw new AnalysisException("INVALID_CORRUPT_RECORD_TYPE",
            Map.of("columnName", "`" + name + "`", "actualType", "\"" + shown + "\""),
            "The column `" + name + "` for corrupt records must have the nullable"
                + " STRING type, but got \"" + shown + "\". SQLSTATE: 42804");
      }
      return i;
    }
    return -1;
  }
}
