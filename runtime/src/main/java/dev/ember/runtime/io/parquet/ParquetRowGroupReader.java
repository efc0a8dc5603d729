package dev.ember.runtime.io.parquet;

import dev.ember.SparkThrowable;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
  private long rowsLeft;

  /**
   * @param fileColumns given the file's schema, per output column the index of its top-level column
   *     in the file, or -1
   * @param predicates given the file's schema, the pushed predicates bound to its columns: the row
   *     group reads as empty when its dictionaries prove that none of its rows matches
   */
  ParquetRowGroupReader(ParquetRowGroupMorsel morsel, StructType schema, Function<MessageType, int[]> fileColumns,
      Function<MessageType, List<ParquetRowGroupFilter.BoundPredicate>> predicates, BufferAllocator allocator) {
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
    } catch (RuntimeException e) {
      closeColumnReaders(e);
      closeQuietly(e);
      throw e instanceof SparkThrowable ? e : ParquetReadErrors.readFailure(morsel.file(), where(null), e);
    }
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
