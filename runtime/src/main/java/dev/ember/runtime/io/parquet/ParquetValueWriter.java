package dev.ember.runtime.io.parquet;

import org.apache.parquet.io.api.RecordConsumer;

/**
 * Adds the non-null value at {@code row} of one bound Arrow vector to the current field. The consumer
 * is passed in, not captured, because parquet-mr starts a new one for every row group.
 */
@FunctionalInterface
interface ParquetValueWriter {
  void write(RecordConsumer consumer, int row);
}
