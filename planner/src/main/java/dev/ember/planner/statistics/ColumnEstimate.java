package dev.ember.planner.statistics;

/**
 * What the estimator believes about one column of a plan's output. {@code distinct} bounds the number
 * of distinct values of the column's domain — for a scanned key, all keys of the table, even after a
 * filter dropped rows, which is what estimating an equi-join from the key's domain needs.
 * {@code sourceRows} is the row count of the relation the column comes from, before any filter: no
 * combination of its columns has more distinct values, which keeps a composite key such as
 * (partkey, suppkey) from looking as selective as the product of its parts. {@code min} and
 * {@code max} are the value range as doubles (NaN when unknown) for estimating range filters.
 */
public record ColumnEstimate(double distinct, double sourceRows, double min, double max) {
  /** A column of a relation of {@code rows} rows that nothing else is known about. */
  public static ColumnEstimate unknown(double rows) {
    return new ColumnEstimate(rows, rows, Double.NaN, Double.NaN);
  }

  public boolean hasRange() {
    return !Double.isNaN(min) && !Double.isNaN(max) && max >= min;
  }

  /** The column as one of {@code rows} new rows, such as a grouping key of an aggregate's output. */
  public ColumnEstimate asColumnOf(double rows) {
    return new ColumnEstimate(Math.min(distinct, rows), rows, min, max);
  }
}
