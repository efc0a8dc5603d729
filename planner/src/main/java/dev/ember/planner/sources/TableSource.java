package dev.ember.planner.sources;

import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.StructType;

/**
 * Data the planner can scan: a set of CSV files today, Parquet and others later. Planning sees only
 * the schema and a description; physical execution asks for a runtime {@link BatchSource} over just
 * the columns a query needs.
 */
public interface TableSource {
  /** Every column the source can produce. */
  StructType schema();

  /** The format name shown by {@code explain()}, e.g. {@code csv}. */
  String formatName();

  /** Where the data lives, for {@code explain()}: paths, options that matter. */
  String describe();

  /**
   * A source over the given columns of {@link #schema()}, in that order.
   *
   * @param columns indexes into {@link #schema()}
   */
  BatchSource createBatchSource(int[] columns, ScanSettings settings);
}
