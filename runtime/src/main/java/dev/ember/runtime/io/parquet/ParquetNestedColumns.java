package dev.ember.runtime.io.parquet;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads a row group's nested columns (arrays, maps, structs) through parquet-mr's record assembly,
 * which turns repetition and definition levels into nested values ({@link ParquetNestedConverters}),
 * and writes them into the batch's list, map and struct vectors. Kept apart from the flat columns'
 * decoding: it reads only the nested columns' chunks of the row group.
 */
final class ParquetNestedColumns {
  private final int[] outputColumns;
  private final RecordReader<Object[]> records;

  /**
   * @param fileFields per nested column, its top-level field in the file
   * @param outputColumns per nested column, its position in {@code schema} and in the batch
   */
  ParquetNestedColumns(PageReadStore pages, String createdBy, List<Type> fileFields, int[] outputColumns,
      StructType schema) {
    this.outputColumns = outputColumns.clone();
    MessageType nestedSchema = new MessageType("nested", fileFields);
    List<dev.ember.sql.types.StructField> sparkFields = new ArrayList<>();
    for (int column : outputColumns) {
      dev.ember.sql.types.StructField field = schema.apply(column);
      sparkFields.add(new dev.ember.sql.types.StructField(fileFields.get(sparkFields.size()).getName(),
          field.dataType(), true));
    }
    StructType sparkSchema = StructType.of(sparkFields);
    this.records = new ColumnIOFactory(createdBy).getColumnIO(nestedSchema)
        .getRecordReader(pages, new Materializer(nestedSchema, sparkSchema));
  }

  /** Fills the nested columns' vectors with the next {@code rows} records. */
  void fill(List<FieldVector> vectors, int rows) {
    for (int row = 0; row < rows; row++) {
      Object[] record = records.read();
      for (int i = 0; i < outputColumns.length; i++) {
        NestedValues.write(vectors.get(outputColumns[i]), row, record[i]);
      }
    }
  }

  private static final class Materializer extends RecordMaterializer<Object[]> {
    private final ParquetNestedConverters.StructGroup root;

    Materializer(MessageType nestedSchema, StructType sparkSchema) {
      this.root = new ParquetNestedConverters.StructGroup(nestedSchema, sparkSchema, record -> { });
    }

    @Override
    public Object[] getCurrentRecord() {
      return root.values();
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }
}
