package dev.ember.runtime.operators.sort;

/** One sort key: a column index of the sorted schema, its direction and where its nulls go. */
public record SortKey(int column, boolean ascending, boolean nullsFirst) {
  public SortKey {
    if (column < 0) {
      throw new IllegalArgumentException("sort key column must be non-negative, got " + column);
    }
  }
}
