package dev.ember.runtime.io.parquet;

import org.apache.arrow.vector.FieldVector;

/**
 * Reads one column chunk of a row group into Arrow vectors, batch after batch. Vectors come freshly
 * allocated (all null, zeroed) with room for the batch; the reader fills values and validity and
 * leaves {@code setValueCount} to the caller. Owns scratch memory until {@link #close()}.
 */
interface ColumnChunkReader extends AutoCloseable {
  /** Reads the chunk's next {@code rows} values into rows {@code 0 … rows} of {@code vector}. */
  void read(FieldVector vector, int rows);

  /**
   * Consumes the chunk's next {@code rows} values but puts only those of rows
   * {@code selection[0 … selected)} (ascending, each below {@code rows}) into rows
   * {@code 0 … selected} of {@code vector}: late materialisation, where a filter on other columns
   * already chose the rows.
   */
  void readSelected(FieldVector vector, int rows, int[] selection, int selected);

  /** Consumes the chunk's next {@code rows} values without materialising any. */
  void skip(int rows);

  @Override
  void close();
}
