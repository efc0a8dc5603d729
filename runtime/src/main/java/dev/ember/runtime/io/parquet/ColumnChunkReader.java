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

  /**
   * Whether the chunk's next {@code rows} values all lie on dictionary-encoded pages that
   * {@link #readIds} can hand out as ids; may read pages ahead, never consumes values. Readers
   * without an id path say false.
   */
  default boolean nextRowsAreDictionaryIds(int rows) {
    return false;
  }

  /** Values in the chunk's dictionary; only after {@link #nextRowsAreDictionaryIds} said true. */
  default int dictionarySize() {
    throw new UnsupportedOperationException("No dictionary id path in " + getClass().getSimpleName());
  }

  /** Puts the dictionary's values into rows {@code 0 … dictionarySize()} of {@code vector}, all non-null. */
  default void readDictionary(FieldVector vector) {
    throw new UnsupportedOperationException("No dictionary id path in " + getClass().getSimpleName());
  }

  /**
   * Consumes the chunk's next {@code rows} values as dictionary ids: {@code ids[row]} is the id of
   * the row's value, or -1 when it is null. Only when {@link #nextRowsAreDictionaryIds} said true.
   */
  default void readIds(int rows, int[] ids) {
    throw new UnsupportedOperationException("No dictionary id path in " + getClass().getSimpleName());
  }

  /**
   * Fills rows {@code 0 … count} of {@code vector} with the dictionary values of
   * {@code ids[rows[i]]} (null where the id is -1; {@code rows} null: {@code ids[i]}), consuming
   * nothing: the values of rows {@link #readIds} handed out as ids, once a filter chose them.
   */
  default void readFromIds(FieldVector vector, int[] ids, int[] rows, int count) {
    throw new UnsupportedOperationException("No dictionary id path in " + getClass().getSimpleName());
  }

  @Override
  void close();
}
