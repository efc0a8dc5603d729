package dev.ember.sql;

import dev.ember.api.rows.GenericRow;
import java.util.Objects;

/** Spark's Java factory for rows without a schema. */
public final class RowFactory {
  private RowFactory() {}

  /** A row holding {@code values} in order; the array is copied. */
  public static Row create(Object... values) {
    Objects.requireNonNull(values, "values is null");
    return new GenericRow(values, null);
  }
}
