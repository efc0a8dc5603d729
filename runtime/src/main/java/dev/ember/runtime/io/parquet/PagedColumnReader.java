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
  /** Scratch of {@link #readSelected}: the definition levels of a run's selected rows. */
  private final int[] selectedLevels;
  /** Scratch of {@link #readSelected}: indexes among a run's non-null values of the selected non-null rows. */
  private final int[] valuePositions;

  PagedColumnReader(ColumnChunkPages pages, int batchRows) {
    if (pages.descriptor().getMaxRepetitionLevel() != 0) {
      throw new IllegalArgumentException("Column " + pages.descriptor() + " is repeated; this reader reads flat columns");
    }
    this.pages = pages;
    this.maxDefinitionLevel = pages.descriptor().getMaxDefinitionLevel();
    this.levels = new int[batchRows];
    this.selectedLevels = new int[batchRows];
    this.valuePositions = new int[batchRows];
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

  @Override
  public void readSelected(FieldVector vector, int rows, int[] selection, int selected) {
    if (rows > levels.length) {
      throw new IllegalArgumentException("Batch of " + rows + " rows exceeds the reader's " + levels.length);
    }
    int row = 0;
    int first = 0;
    while (row < rows) {
      startPageIfNeeded(row, rows);
      int count = Math.min(rows - row, pages.levelsLeft());
      int end = row + count;
      int last = first;
      while (last < selected && selection[last] < end) {
        last++;
      }
      int defined = pages.readDefinitionLevels(levels, count);
      if (last == first) {
        skipValues(defined);
      } else {
        readSelectedRun(vector, row, count, defined, selection, first, last);
      }
      row = end;
      first = last;
    }
  }

  @Override
  public void skip(int rows) {
    int row = 0;
    while (row < rows) {
      startPageIfNeeded(row, rows);
      int count = Math.min(rows - row, pages.levelsLeft());
      // Definition levels are walked all the same: they say how many values the run holds.
      skipValues(pages.readDefinitionLevels(levels, count));
      row += count;
    }
  }

  final void startPageIfNeeded(int row, int rows) {
    if (pages.levelsLeft() == 0) {
      if (!pages.nextPage()) {
        throw new IllegalStateException("Column chunk ends after " + row + " of the batch's " + rows
            + " rows; the row group promised more");
      }
      startPage();
    }
  }

  /**
   * Rows {@code selection[first … last)} of the batch lie in the run of {@code count} rows from
   * {@code runStart}, whose levels are decoded: works out which of the run's values they are and
   * hands them to the subclass, to go to output rows {@code first …}.
   */
  private void readSelectedRun(FieldVector vector, int runStart, int count, int defined, int[] selection, int first,
      int last) {
    int rowsOut = last - first;
    if (defined == count) {
      for (int k = 0; k < rowsOut; k++) {
        valuePositions[k] = selection[first + k] - runStart;
      }
      readSelectedValues(vector, first, rowsOut, defined, valuePositions, rowsOut, null);
      return;
    }
    int valuesOut = 0;
    int valuesBefore = 0;
    int row = 0;
    for (int k = 0; k < rowsOut; k++) {
      int target = selection[first + k] - runStart;
      for (; row < target; row++) {
        valuesBefore += levels[row] == maxDefinitionLevel ? 1 : 0;
      }
      int level = levels[target];
      selectedLevels[k] = level;
      if (level == maxDefinitionLevel) {
        valuePositions[valuesOut++] = valuesBefore;
      }
    }
    readSelectedValues(vector, first, rowsOut, defined, valuePositions, valuesOut,
        valuesOut == rowsOut ? null : selectedLevels);
  }

  /** Moves the current page's values decoder past {@code count} values. */
  abstract void skipValues(int count);

  /**
   * Consumes {@code defined} values of the current run, decoding only those at
   * {@code positions[0 … valuesOut)}, and fills rows {@code startRow … startRow + rowsOut} with them;
   * {@code rowLevels} gives those rows' definition levels, or is null when none of them is null
   * (then {@code valuesOut == rowsOut}).
   */
  abstract void readSelectedValues(FieldVector vector, int startRow, int rowsOut, int defined, int[] positions,
      int valuesOut, int[] rowLevels);

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
