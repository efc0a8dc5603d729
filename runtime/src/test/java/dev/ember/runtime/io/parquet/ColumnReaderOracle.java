package dev.ember.runtime.io.parquet;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Reads a flat Parquet file value by value through parquet-mr's {@link ColumnReader}, which decodes
 * every encoding and page version itself: the oracle the page decoders are tested against.
 * Every file column is read, as its {@link ParquetSchemas#toSpark} type, in batches of
 * {@link ParquetSource#BATCH_ROWS} rows that never span row groups (like the scan's).
 */
final class ColumnReaderOracle {
  private ColumnReaderOracle() {}

  static List<ColumnBatch> read(Path path, BufferAllocator allocator) throws IOException {
    List<ColumnBatch> batches = new ArrayList<>();
    try (ParquetFileReader file = ParquetFileFooters.open(path)) {
      MessageType fileSchema = file.getFooter().getFileMetaData().getSchema();
      StructType schema = ParquetSchemas.toSpark(fileSchema, path);
      String createdBy = file.getFooter().getFileMetaData().getCreatedBy();
      PageReadStore pages;
      while ((pages = file.readNextRowGroup()) != null) {
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages,
            new DummyRecordConverter(fileSchema).getRootConverter(), fileSchema, createdBy);
        int columns = fileSchema.getFieldCount();
        ColumnReader[] readers = new ColumnReader[columns];
        ColumnReaderValueCopier[] copiers = new ColumnReaderValueCopier[columns];
        for (int i = 0; i < columns; i++) {
          PrimitiveType field = fileSchema.getType(i).asPrimitiveType();
          ColumnDescriptor descriptor = fileSchema.getColumnDescription(new String[] {field.getName()});
          readers[i] = store.getColumnReader(descriptor);
          copiers[i] = ColumnReaderValueCopier.of(field, schema.apply(i).dataType());
        }
        long rowsLeft = pages.getRowCount();
        while (rowsLeft > 0) {
          int rows = (int) Math.min(ParquetSource.BATCH_ROWS, rowsLeft);
          List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, rows);
          for (int i = 0; i < columns; i++) {
            int maxDefinitionLevel = readers[i].getDescriptor().getMaxDefinitionLevel();
            for (int row = 0; row < rows; row++) {
              if (readers[i].getCurrentDefinitionLevel() == maxDefinitionLevel) {
                copiers[i].read(readers[i], vectors.get(i), row);
              }
              readers[i].consume();
            }
            vectors.get(i).setValueCount(rows);
          }
          batches.add(new ColumnBatch(schema, vectors, rows));
          rowsLeft -= rows;
        }
      }
    }
    return batches;
  }
}
