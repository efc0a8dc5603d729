package dev.ember.runtime.io.parquet;

import org.apache.arrow.vector.FieldVector;

/**
 * The page loop shared by the flat (non-repeated) column readers: a batch is cut into runs that
 * stay within one page; for each run the definition levels are decoded first, then the subclass
 * decodes the run's non-null values and puts them at their rows. Virtual calls happen per run,
 * never per value.
 */
abstract class PagedColumnReader implements ColumnChunkReader {
  final ColumnChunkPages pages;
  final int maxDefinitionLevel;
  /** The definition levels of the current run (unused when the column is required). */
  final int[] levels;

  PagedColumnReader(ColumnChunkPages pages, int batchRows) {
    if (pages.descriptor().getMaxRepetitionLevel() != 0) {
      throw new IllegalArgumentException("Column " + pages.descriptor() + " is repeated; this reader reads flat columns");
    }
    this.pages = pages;
    this.maxDefinitionLevel = pages.descriptor().getMaxDefinitionLevel();
    this.levels = new int[batchRows];
  }

  @Override
  public void read(FieldVector vector, int rows) {
    if (rows > levels.length) {
      throw new IllegalArgumentException("Batch of " + rows + " rows exceeds the reader's " + levels.length);
    }
    int row = 0;
    while (row < rows) {
      if (pages.levelsLeft() == 0) {
        if (!pages.nextPage()) {
          throw new IllegalStateException("Column chunk ends after " + row + " of the batch's " + rows
              + " rows; the row group promised more");
        }
        startPage();
      }
      int count = Math.min(rows - row, pages.levelsLeft());
      int defined = pages.readDefinitionLevels(levels, count);
      readRun(vector, row, count, defined);
      row += count;
    }
  }

  /** Picks the values decoder for the page {@link #pages} just moved to. */
  abstract void startPage();

  /**
   * Decodes {@code defined} values and places them in rows {@code startRow … startRow + count}
   * according to {@link #levels} (all non-null when {@code defined == count}).
   */
  abstract void readRun(FieldVector vector, int startRow, int count, int defined);

  @Override
  public void close() {}
}
