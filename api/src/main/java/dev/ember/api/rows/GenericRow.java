package dev.ember.api.rows;

import dev.ember.sql.Row;
import dev.ember.sql.types.StructType;
import java.util.Objects;

/**
 * The one {@link Row} implementation: an immutable array of external values and an optional schema.
 * Covers both of Spark's {@code GenericRow} (no schema) and {@code GenericRowWithSchema}.
 */
public final class GenericRow implements Row {
  private final Object[] values;
  private final StructType schema;

  /**
   * @param values the row's values; copied
   * @param schema the row's schema, or null when unknown; when present it must have one field per value
   */
  public GenericRow(Object[] values, StructType schema) {
    this.values = Objects.requireNonNull(values, "values is null").clone();
    this.schema = schema;
    if (schema != null && schema.length() != values.length) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values but its schema has " + schema.length() + " fields: "
              + schema.simpleString());
    }
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Object get(int index) {
    return values[index];
  }

  /** Spark prints a row as {@code [Alice,30,null]}: values' own {@code toString}, comma-separated. */
  @Override
  public String toString() {
    return mkString("[", ",", "]");
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Row row) || row.size() != values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (!ValueEquality.equal(values[i], row.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (Object value : values) {
      hash = 31 * hash + ValueEquality.hash(value);
    }
    return hash;
  }
}
