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
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The rows of one row group as batches of at most {@link ParquetSource#BATCH_ROWS}, reading only
 * the required column chunks through parquet-mr's {@link ColumnReader} (which decodes every encoding
 * and page version). Columns the file lacks come out as nulls, as in Spark.
 */
final class ParquetRowGroupReader implements BatchStream {
  private final ParquetRowGroupMorsel morsel;
  private final StructType schema;
  private final BufferAllocator allocator;
  private final ParquetFileReader file;
  /** Per output column: the reader of its file column, or null when the file has no such column. */
  private final ColumnReader[] columnReaders;
  private final ParquetValueReader[] valueReaders;
  private final int[] maxDefinitionLevels;
  private final String[] columnNames;
  /** The nested columns (arrays, maps, structs), read apart from the flat ones; null when none. */
  private final ParquetNestedColumns nestedColumns;
  private long rowsLeft;

  /**
   * @param fileColumns given the file's schema, per output column the index of its top-level column
   *     in the file, or -1
   */
  ParquetRowGroupReader(ParquetRowGroupMorsel morsel, StructType schema, Function<MessageType, int[]> fileColumns,
      BufferAllocator allocator) {
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
      file.setRequestedSchema(requested);
      PageReadStore pages = readRowGroup();
      this.rowsLeft = pages == null ? 0 : pages.getRowCount();
      ColumnReadStoreImpl store = pages == null ? null : new ColumnReadStoreImpl(pages,
          new DummyRecordConverter(requested).getRootConverter(), requested,
          file.getFooter().getFileMetaData().getCreatedBy());
      int columns = fileColumnIndexes.length;
      this.columnReaders = new ColumnReader[columns];
      this.valueReaders = new ParquetValueReader[columns];
      this.maxDefinitionLevels = new int[columns];
      this.columnNames = new String[columns];
      List<Type> nestedFields = new ArrayList<>();
      List<Integer> nestedOutputs = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        columnNames[i] = schema.apply(i).name();
        if (fileColumnIndexes[i] < 0 || store == null) {
          continue;
        }
        if (ParquetNestedSchemas.isNested(fileSchema.getType(fileColumnIndexes[i]))) {
          nestedFields.add(fileSchema.getType(fileColumnIndexes[i]));
          nestedOutputs.add(i);
          continue;
        }
        PrimitiveType field = fileSchema.getType(fileColumnIndexes[i]).asPrimitiveType();
        ColumnDescriptor descriptor = requested.getColumnDescription(new String[] {field.getName()});
        columnReaders[i] = store.getColumnReader(descriptor);
        valueReaders[i] = ParquetValueReader.of(field, schema.apply(i).dataType());
        maxDefinitionLevels[i] = descriptor.getMaxDefinitionLevel();
      }
      this.nestedColumns = nestedFields.isEmpty() ? null : new ParquetNestedColumns(pages,
          file.getFooter().getFileMetaData().getCreatedBy(), nestedFields,
          nestedOutputs.stream().mapToInt(Integer::intValue).toArray(), schema);
    } catch (RuntimeException e) {
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
        fillColumn(i, vectors.get(i), rows);
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

  private void fillColumn(int column, FieldVector vector, int rows) {
    ColumnReader reader = columnReaders[column];
    if (reader == null) {
      return; // freshly allocated vectors are all null
    }
    ParquetValueReader values = valueReaders[column];
    int maxDefinitionLevel = maxDefinitionLevels[column];
    try {
      for (int row = 0; row < rows; row++) {
        if (reader.getCurrentDefinitionLevel() == maxDefinitionLevel) {
          values.read(reader, vector, row);
        }
        reader.consume();
      }
    } catch (RuntimeException e) {
      throw ParquetReadErrors.readFailure(morsel.file(), where(columnNames[column]), e);
    }
  }

  private String where(String column) {
    return "Row group " + morsel.rowGroup() + (column == null ? "" : ", column `" + column + "`");
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
      file.close();
    } catch (IOException e) {
      throw ParquetReadErrors.readFailure(morsel.file(), where(null), e);
    }
  }
}
