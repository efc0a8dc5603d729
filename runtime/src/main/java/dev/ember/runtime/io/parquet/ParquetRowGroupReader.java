package dev.ember.runtime.io.parquet;

import dev.ember.SparkThrowable;
import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.join.JoinKeyFilter;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * The rows of one row group as batches of at most {@link ParquetSource#BATCH_ROWS}, reading only
 * the required column chunks, page by page, straight into Arrow vectors ({@link ColumnChunkReaders}).
 * parquet-mr reads and decompresses the pages; Ember decodes them. Columns the file lacks come out
 * as nulls, as in Spark.
 *
 * <p>With row filters (late materialisation), each batch first decodes the filtered columns, one
 * after the other, each only at the rows the filters before it kept; the other columns are then
 * decoded only at the rows every filter kept, and a batch where none is kept decodes nothing more.
 * The batch holds only the kept rows. A filter drops only rows where its predicate is false or
 * null, so the query's own Filter, which still runs, sees every row that can pass it.
 */
final class ParquetRowGroupReader implements BatchStream {
  private final ParquetRowGroupMorsel morsel;
  private final StructType schema;
  private final BufferAllocator allocator;
  private final ParquetFileReader file;
  /** Per output column: the reader of its file column, or null when the file has no such column. */
  private ColumnChunkReader[] columnReaders;
  /**
   * Per output column: the earlier output column reading the same file column, whose values it
   * copies (a column chunk's pages can be read once only), or -1.
   */
  private int[] copyOf;
  private final String[] columnNames;
  /** The nested columns (arrays, maps, structs), read apart from the flat ones; null when none. */
  private final ParquetNestedColumns nestedColumns;
  /** The filtered columns in the order they are decoded, with their predicates; empty when not filtering. */
  private final List<FilteredColumn> filteredColumns;
  /** Scratch of the late path: the batch rows kept so far, and the rows of a vector kept by its predicates. */
  private final int[] keptRows;
  private final int[] vectorRows;
  /**
   * Per output column: the dictionary ids of the batch's rows (-1: null) when its filter ran on
   * them this batch, else null; the values are gathered from them only at the kept rows.
   */
  private final int[][] batchIds;
  /** Per output column filtered on ids: the array {@link #batchIds} points to, reused batch after batch. */
  private final int[][] idBuffers;
  /**
   * Per output column filtered on ids: which dictionary entries pass its range, shifted by one so
   * that a null's id -1 looks up entry 0, which never passes; built from the chunk's dictionary once.
   */
  private final byte[][] passingIds;
  /** Whether dictionary-encoded filtered columns are filtered on their ids (else on gathered values). */
  private final boolean dictionaryIdFilter;
  private long rowsLeft;

  /** System property switching the dictionary id filter off ("false"), to measure it against the value path. */
  static final String DICTIONARY_ID_FILTER_PROPERTY = "ember.parquet.dictionaryIdFilter";

  /** A pushed predicate on output column {@code column}, to evaluate on its decoded values. */
  record RowFilter(int column, ColumnPredicate predicate) {}

  /** A join's key filter on output column {@code column}, run after the column's predicates. */
  record KeyFilter(int column, JoinKeyFilter filter) {}

  /**
   * A filtered column: its comparisons on long values merged into one range (null when it has
   * none), then the other predicates.
   */
  private record FilteredColumn(int column, LongRangeFilter range, List<RowPredicate> predicates,
      List<JoinKeyFilter> keyFilters) {
    static FilteredColumn of(int column, List<RowPredicate> predicates, List<JoinKeyFilter> keyFilters) {
      LongRangeFilter range = null;
      List<RowPredicate> others = new ArrayList<>();
      for (RowPredicate predicate : predicates) {
        LongRangeFilter next = predicate.range();
        if (next == null) {
          others.add(predicate);
        } else {
          range = range == null ? next : range.intersect(next);
        }
      }
      return new FilteredColumn(column, range, List.copyOf(others), List.copyOf(keyFilters));
    }

    int filter(FieldVector vector, int[] rows, int count) {
      int kept = range == null ? count : range.filter(vector, rows, count);
      for (RowPredicate predicate : predicates) {
        kept = predicate.filter(vector, rows, kept);
      }
      for (JoinKeyFilter keyFilter : keyFilters) {
        kept = keyFilter.filter(vector, rows, kept);
      }
      return kept;
    }

    boolean hasEquality() {
      return (range != null && range.low() == range.high()) || predicates.stream().anyMatch(RowPredicate::isEquality);
    }
  }

  /**
   * @param fileColumns given the file's schema, per output column the index of its top-level column
   *     in the file, or -1
   * @param predicates given the file's schema, the pushed predicates bound to its columns: the row
   *     group reads as empty when its dictionaries prove that none of its rows matches
   * @param rowFilters predicates on output columns to drop rows with before the other columns are
   *     decoded (empty to decode every row); those Ember cannot evaluate on the column are ignored
   * @param keyFilters join key filters on output columns, which drop rows the same way
   */
  ParquetRowGroupReader(ParquetRowGroupMorsel morsel, StructType schema, Function<MessageType, int[]> fileColumns,
      Function<MessageType, List<ParquetRowGroupFilter.BoundPredicate>> predicates, List<RowFilter> rowFilters,
      List<KeyFilter> keyFilters, BufferAllocator allocator) {
    this.morsel = morsel;
    this.schema = schema;
    this.allocator = allocator;
    this.file = ParquetFileFooters.open(morsel.file());
    try {
      MessageType fileSchema = file.getFooter().getFileMetaData().getSchema();
      int[] fileColumnIndexes = fileColumns.apply(fileSchema);
      List<Type> projected = new ArrayList<>();
      for (int fileColumn : fileColumnIndexes) {
        if (fileColumn >= 0 && !projected.contains(fileSchema.getType(fileColumn))) {
          projected.add(fileSchema.getType(fileColumn));
        }
      }
      MessageType requested = new MessageType(fileSchema.getName(), projected);
      List<ParquetRowGroupFilter.BoundPredicate> bound = predicates.apply(fileSchema);
      boolean skip = !bound.isEmpty() && ParquetDictionaryFilter.canSkip(
          file, file.getFooter().getBlocks().get(morsel.rowGroup()), bound);
      file.setRequestedSchema(requested);
      PageReadStore pages = skip ? null : readRowGroup();
      this.rowsLeft = pages == null ? 0 : pages.getRowCount();
      int columns = fileColumnIndexes.length;
      this.columnReaders = new ColumnChunkReader[columns];
      this.columnNames = new String[columns];
      List<Type> nestedFields = new ArrayList<>();
      List<Integer> nestedOutputs = new ArrayList<>();
      this.copyOf = new int[columns];
      for (int i = 0; i < columns; i++) {
        columnNames[i] = schema.apply(i).name();
        copyOf[i] = -1;
        for (int earlier = 0; earlier < i && fileColumnIndexes[i] >= 0; earlier++) {
          if (fileColumnIndexes[earlier] == fileColumnIndexes[i]
              && schema.apply(earlier).dataType().equals(schema.apply(i).dataType())
              && !ParquetNestedSchemas.isNested(fileSchema.getType(fileColumnIndexes[i]))) {
            copyOf[i] = earlier;
            break;
          }
        }
      }
      for (int i = 0; i < columns; i++) {
        if (fileColumnIndexes[i] < 0 || pages == null || copyOf[i] >= 0) {
          continue;
        }
        if (ParquetNestedSchemas.isNested(fileSchema.getType(fileColumnIndexes[i]))) {
          nestedFields.add(fileSchema.getType(fileColumnIndexes[i]));
          nestedOutputs.add(i);
          continue;
        }
        String name = fileSchema.getType(fileColumnIndexes[i]).getName();
        ColumnDescriptor descriptor = requested.getColumnDescription(new String[] {name});
        try {
          columnReaders[i] = ColumnChunkReaders.create(descriptor, schema.apply(i).dataType(),
              pages.getPageReader(descriptor), allocator, ParquetSource.BATCH_ROWS);
        } catch (RuntimeException e) {
          throw e instanceof SparkThrowable ? e : ParquetReadErrors.readFailure(morsel.file(), where(columnNames[i]), e);
        }
      }
      this.nestedColumns = nestedFields.isEmpty() ? null : new ParquetNestedColumns(pages,
          file.getFooter().getFileMetaData().getCreatedBy(), nestedFields,
          nestedOutputs.stream().mapToInt(Integer::intValue).toArray(), schema);
      this.filteredColumns = nestedColumns == null ? filteredColumns(rowFilters, keyFilters) : List.of();
      this.keptRows = filteredColumns.isEmpty() ? null : new int[ParquetSource.BATCH_ROWS];
      this.vectorRows = filteredColumns.isEmpty() ? null : new int[ParquetSource.BATCH_ROWS];
      this.batchIds = new int[columns][];
      this.passingIds = new byte[columns][];
      this.idBuffers = new int[columns][];
      this.dictionaryIdFilter = Boolean.parseBoolean(System.getProperty(DICTIONARY_ID_FILTER_PROPERTY, "true"));
    } catch (RuntimeException e) {
      closeColumnReaders(e);
      closeQuietly(e);
      throw e instanceof SparkThrowable ? e : ParquetReadErrors.readFailure(morsel.file(), where(null), e);
    }
  }

  /**
   * Groups the usable filters by column: a column read by its own flat reader whose predicate
   * Ember can evaluate. Columns with an equality or IN test go first (they usually keep fewest
   * rows), strings last (they cost most to decode).
   */
  private List<FilteredColumn> filteredColumns(List<RowFilter> rowFilters, List<KeyFilter> keyFilters) {
    Map<Integer, List<RowPredicate>> byColumn = new LinkedHashMap<>();
    Map<Integer, List<JoinKeyFilter>> keysByColumn = new LinkedHashMap<>();
    for (RowFilter filter : rowFilters) {
      int column = filter.column();
      if (!filterable(column)) {
        continue;
      }
      RowPredicate predicate = RowPredicate.of(filter.predicate(), schema.apply(column).dataType());
      if (predicate != null) {
        byColumn.computeIfAbsent(column, key -> new ArrayList<>()).add(predicate);
      }
    }
    for (KeyFilter filter : keyFilters) {
      if (filterable(filter.column())) {
        byColumn.computeIfAbsent(filter.column(), key -> new ArrayList<>());
        keysByColumn.computeIfAbsent(filter.column(), key -> new ArrayList<>()).add(filter.filter());
      }
    }
    List<FilteredColumn> columns = new ArrayList<>();
    byColumn.forEach((column, list) -> columns.add(
        FilteredColumn.of(column, list, keysByColumn.getOrDefault(column, List.of()))));
    columns.sort(Comparator.comparingInt(this::decodingRank));
    return List.copyOf(columns);
  }

  /** A column read by its own flat reader. */
  private boolean filterable(int column) {
    return column >= 0 && column < columnReaders.length && columnReaders[column] != null && copyOf[column] < 0;
  }

  /** Predicates before join key filters: they cost less per row and leave fewer rows to look up. */
  private int decodingRank(FilteredColumn column) {
    DataType type = schema.apply(column.column()).dataType();
    boolean variableWidth = type instanceof StringType || type instanceof BinaryType;
    boolean equality = column.hasEquality();
    boolean keysOnly = column.range() == null && column.predicates().isEmpty();
    return (variableWidth ? 4 : 0) + (keysOnly ? 2 : 0) + (equality ? 0 : 1);
  }

  private PageReadStore readRowGroup() {
    try {
      return file.readRowGroup(morsel.rowGroup());
    } catch (IOException | RuntimeException e) {
      throw ParquetReadErrors.readFailure(morsel.file(), where(null), e);
    }
  }

  @Override
  public ColumnBatch next() {
    if (!filteredColumns.isEmpty()) {
      return nextFiltered();
    }
    if (rowsLeft <= 0) {
      return null;
    }
    int rows = (int) Math.min(ParquetSource.BATCH_ROWS, rowsLeft);
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, rows);
    try {
      for (int i = 0; i < vectors.size(); i++) {
        fillColumn(i, vectors, rows);
      }
      if (nestedColumns != null) {
        nestedColumns.fill(vectors, rows);
      }
      for (FieldVector vector : vectors) {
        vector.setValueCount(rows);
      }
      rowsLeft -= rows;
      return new ColumnBatch(schema, vectors, rows);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e instanceof SparkThrowable ? e : ParquetReadErrors.readFailure(morsel.file(), where(null), e);
    }
  }

  /** The next batch with at least one row the row filters keep, or null at the end of the row group. */
  private ColumnBatch nextFiltered() {
    while (rowsLeft > 0) {
      int rows = (int) Math.min(ParquetSource.BATCH_ROWS, rowsLeft);
      rowsLeft -= rows;
      ColumnBatch batch = readFiltered(rows);
      if (batch != null) {
        return batch;
      }
    }
    return null;
  }

  /** Reads the next {@code rows} rows, keeping those the row filters keep; null when none is. */
  private ColumnBatch readFiltered(int rows) {
    int columns = schema.length();
    FieldVector[] decoded = new FieldVector[columns];
    // Per filtered column, the batch rows its vector holds (null: all rows).
    int[][] decodedRows = new int[columns][];
    List<FieldVector> vectors = new ArrayList<>(columns);
    Arrays.fill(batchIds, null);
    try {
      int kept = rows;
      boolean all = true;
      for (FilteredColumn filtered : filteredColumns) {
        int column = filtered.column();
        if (kept == 0) {
          skipColumn(column, rows);
          continue;
        }
        if (canFilterIds(filtered, rows)) {
          int passed = filterIds(filtered, rows, all, kept);
          all = all && passed == rows;
          kept = passed;
          continue;
        }
        FieldVector vector = ArrowTypes.allocateVector(schema.apply(column), allocator, kept);
        decoded[column] = vector;
        readColumn(column, vector, rows, all ? null : keptRows, kept);
        vector.setValueCount(kept);
        decodedRows[column] = all ? null : Arrays.copyOf(keptRows, kept);
        for (int i = 0; i < kept; i++) {
          vectorRows[i] = i;
        }
        int passed = filtered.filter(vector, vectorRows, kept);
        for (int i = 0; i < passed; i++) {
          keptRows[i] = all ? vectorRows[i] : keptRows[vectorRows[i]];
        }
        all = all && passed == rows;
        kept = passed;
      }
      if (kept == 0) {
        for (int column = 0; column < columns; column++) {
          if (decoded[column] == null && !isFiltered(column)) {
            skipColumn(column, rows);
          }
        }
        return null;
      }
      for (int column = 0; column < columns; column++) {
        FieldVector vector;
        if (decoded[column] != null) {
          vector = keptOf(decoded[column], decodedRows[column], kept, column);
          if (vector == decoded[column]) {
            decoded[column] = null; // now owned by the batch
          }
        } else if (batchIds[column] != null) {
          vector = ArrowTypes.allocateVector(schema.apply(column), allocator, kept);
          vectors.add(vector);
          readFromIds(column, vector, all ? null : keptRows, kept);
          continue;
        } else {
          vector = ArrowTypes.allocateVector(schema.apply(column), allocator, kept);
        }
        vectors.add(vector);
        if (decoded[column] == null && !isFiltered(column) && copyOf[column] < 0) {
          readColumn(column, vector, rows, all ? null : keptRows, kept);
        }
      }
      for (int column = 0; column < columns; column++) {
        if (copyOf[column] >= 0) {
          FieldVector source = vectors.get(copyOf[column]);
          source.setValueCount(kept);
          for (int row = 0; row < kept; row++) {
            vectors.get(column).copyFromSafe(row, row, source);
          }
        }
      }
      for (FieldVector vector : vectors) {
        vector.setValueCount(kept);
      }
      return new ColumnBatch(schema, vectors, kept);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e instanceof SparkThrowable ? e : ParquetReadErrors.readFailure(morsel.file(), where(null), e);
    } finally {
      for (FieldVector vector : decoded) {
        if (vector != null) {
          vector.close();
        }
      }
    }
  }

  /**
   * Whether the column's filter can run on the dictionary ids of the batch's next {@code rows}
   * values: it is one range and every one of those values is on a dictionary-encoded page.
   */
  private boolean canFilterIds(FilteredColumn filtered, int rows) {
    if (!dictionaryIdFilter || filtered.range() == null || !filtered.predicates().isEmpty()
        || !filtered.keyFilters().isEmpty()) {
      return false;
    }
    try {
      return columnReaders[filtered.column()].nextRowsAreDictionaryIds(rows);
    } catch (RuntimeException e) {
      throw ParquetReadErrors.readFailure(morsel.file(), where(columnNames[filtered.column()]), e);
    }
  }

  /**
   * Filters the column on the dictionary ids of the batch's rows: of the {@code kept} rows
   * ({@code keptRows}, or all when {@code all}), keeps in {@code keptRows} those whose id's value
   * is in the range. Returns how many are kept.
   */
  private int filterIds(FilteredColumn filtered, int rows, boolean all, int kept) {
    int column = filtered.column();
    ColumnChunkReader reader = columnReaders[column];
    int[] ids = idBuffers[column] == null ? new int[ParquetSource.BATCH_ROWS] : idBuffers[column];
    idBuffers[column] = ids;
    byte[] passing;
    try {
      reader.readIds(rows, ids);
      passing = passingIds(filtered, reader);
    } catch (RuntimeException e) {
      throw ParquetReadErrors.readFailure(morsel.file(), where(columnNames[column]), e);
    }
    batchIds[column] = ids;
    int passed = 0;
    // Writing keptRows[passed] before knowing whether the row stays avoids a branch; passed <= i, so no row is lost.
    if (all) {
      for (int row = 0; row < kept; row++) {
        keptRows[passed] = row;
        passed += passing[ids[row] + 1];
      }
    } else {
      for (int i = 0; i < kept; i++) {
        int row = keptRows[i];
        keptRows[passed] = row;
        passed += passing[ids[row] + 1];
      }
    }
    return passed;
  }

  /** The column's table of passing dictionary ids, evaluating its range once on each dictionary value. */
  private byte[] passingIds(FilteredColumn filtered, ColumnChunkReader reader) {
    int column = filtered.column();
    if (passingIds[column] != null) {
      return passingIds[column];
    }
    int size = reader.dictionarySize();
    byte[] passing = new byte[size + 1];
    try (FieldVector values = ArrowTypes.allocateVector(schema.apply(column), allocator, Math.max(size, 1))) {
      reader.readDictionary(values);
      values.setValueCount(size);
      int[] entries = new int[size];
      for (int id = 0; id < size; id++) {
        entries[id] = id;
      }
      int count = filtered.range().filter(values, entries, size);
      for (int i = 0; i < count; i++) {
        passing[entries[i] + 1] = 1;
      }
    }
    passingIds[column] = passing;
    return passing;
  }

  private void readFromIds(int column, FieldVector vector, int[] rows, int count) {
    try {
      columnReaders[column].readFromIds(vector, batchIds[column], rows, count);
    } catch (RuntimeException e) {
      throw ParquetReadErrors.readFailure(morsel.file(), where(columnNames[column]), e);
    }
  }

  private boolean isFiltered(int column) {
    for (FilteredColumn filtered : filteredColumns) {
      if (filtered.column() == column) {
        return true;
      }
    }
    return false;
  }

  /**
   * The rows {@code keptRows[0 … kept)} of a filtered column's vector, which holds the batch rows
   * {@code vectorRows} (null: all): the vector itself when it holds exactly those, else a copy.
   */
  private FieldVector keptOf(FieldVector vector, int[] vectorRows, int kept, int column) {
    int held = vectorRows == null ? vector.getValueCount() : vectorRows.length;
    if (held == kept) {
      return vector; // the kept rows are a subset of the held ones, so with as many they are the same
    }
    int[] indexes = new int[kept];
    if (vectorRows == null) {
      System.arraycopy(keptRows, 0, indexes, 0, kept);
    } else {
      // Both lists ascend and the kept rows are among the held ones.
      int at = 0;
      for (int i = 0; i < kept; i++) {
        while (vectorRows[at] != keptRows[i]) {
          at++;
        }
        indexes[i] = at;
      }
    }
    FieldVector copy = ArrowTypes.allocateVector(schema.apply(column), allocator, kept);
    try {
      SelectedRows.copy(vector, indexes, kept, copy);
      return copy;
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
  }

  /** Decodes column {@code column}'s next {@code rows} values, all or only at batch rows {@code selection}. */
  private void readColumn(int column, FieldVector vector, int rows, int[] selection, int selected) {
    ColumnChunkReader reader = columnReaders[column];
    if (reader == null) {
      return; // freshly allocated vectors are all null
    }
    try {
      if (selection == null) {
        reader.read(vector, rows);
      } else {
        reader.readSelected(vector, rows, selection, selected);
      }
    } catch (RuntimeException e) {
      throw ParquetReadErrors.readFailure(morsel.file(), where(columnNames[column]), e);
    }
  }

  private void skipColumn(int column, int rows) {
    ColumnChunkReader reader = columnReaders[column];
    if (reader == null || copyOf[column] >= 0) {
      return;
    }
    try {
      reader.skip(rows);
    } catch (RuntimeException e) {
      throw ParquetReadErrors.readFailure(morsel.file(), where(columnNames[column]), e);
    }
  }

  private void fillColumn(int column, List<FieldVector> vectors, int rows) {
    FieldVector vector = vectors.get(column);
    if (copyOf[column] >= 0) {
      FieldVector source = vectors.get(copyOf[column]);
      source.setValueCount(rows);
      for (int row = 0; row < rows; row++) {
        vector.copyFromSafe(row, row, source);
      }
      return;
    }
    ColumnChunkReader reader = columnReaders[column];
    if (reader == null) {
      return; // freshly allocated vectors are all null
    }
    try {
      reader.read(vector, rows);
    } catch (RuntimeException e) {
      throw ParquetReadErrors.readFailure(morsel.file(), where(columnNames[column]), e);
    }
  }

  private String where(String column) {
    return "Row group " + morsel.rowGroup() + (column == null ? "" : ", column `" + column + "`");
  }

  private void closeColumnReaders(Throwable failure) {
    if (columnReaders == null) {
      return;
    }
    for (ColumnChunkReader reader : columnReaders) {
      if (reader != null) {
        try {
          reader.close();
        } catch (RuntimeException e) {
          if (failure == null) {
            throw e;
          }
          failure.addSuppressed(e);
        }
      }
    }
  }

  private void closeQuietly(Throwable failure) {
    try {
      file.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    rowsLeft = 0;
    try {
      closeColumnReaders(null);
    } finally {
      closeFile();
    }
  }

  private void closeFile() {
    try {
      file.close();
    } catch (IOException e) {
      throw ParquetReadErrors.readFailure(morsel.file(), where(null), e);
    }
  }
}
