package dev.ember.runtime.io.parquet;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Feeds parquet-mr's {@link RecordConsumer} straight from the Arrow vectors of the bound batch. The
 * "record" parquet-mr hands back is only a row number ({@link ParquetWriteSupport.RowNumber}, one
 * mutable instance per file), so a row costs no objects; writing row by row keeps parquet-mr's
 * row-group size checks working as designed.
 */
final class ParquetWriteSupport extends WriteSupport<ParquetWriteSupport.RowNumber> {
  /** The row of the bound batch to write next; reused for every row. */
  static final class RowNumber {
    int row;
  }

  private final StructType schema;
  private final ParquetTimestampStorage timestamps;
  private final MessageType parquetSchema;
  private final String[] fieldNames;
  private final boolean[] required;
  private final ParquetValueWriters.Scratch[] scratch;
  private final ParquetValueWriter[] valueWriters;
  private final FieldVector[] vectors;
  /** Per column of the bound batch: whether any value is null, so null-free columns skip the check. */
  private final boolean[] mayBeNull;
  private RecordConsumer consumer;

  ParquetWriteSupport(StructType schema, ParquetTimestampStorage timestamps) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.timestamps = Objects.requireNonNull(timestamps, "timestamps is null");
    this.parquetSchema = ParquetWriteSchemas.toParquet(schema, timestamps);
    int columns = schema.length();
    this.fieldNames = schema.fieldNames();
    this.required = new boolean[columns];
    this.scratch = new ParquetValueWriters.Scratch[columns];
    this.valueWriters = new ParquetValueWriter[columns];
    this.vectors = new FieldVector[columns];
    this.mayBeNull = new boolean[columns];
    for (int i = 0; i < columns; i++) {
      required[i] = !schema.apply(i).nullable();
      scratch[i] = new ParquetValueWriters.Scratch();
    }
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return writeContext();
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return writeContext();
  }

  private WriteContext writeContext() {
    return new WriteContext(parquetSchema, Map.of(
        ParquetWriteSchemas.SPARK_VERSION_KEY, ParquetWriteSchemas.SPARK_VERSION,
        ParquetWriteSchemas.SPARK_ROW_METADATA_KEY, ParquetWriteSchemas.sparkRowMetadata(schema)));
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  /** Makes {@code batch} (of this writer's schema) the source of the following rows. */
  void bind(ColumnBatch batch) {
    for (int i = 0; i < valueWriters.length; i++) {
      StructField field = schema.apply(i);
      FieldVector vector = batch.vector(i);
      valueWriters[i] = ParquetNestedWriters.forVector(field.dataType(), vector, scratch[i], timestamps);
      vectors[i] = vector;
      mayBeNull[i] = vector.getNullCount() > 0;
    }
  }

  void unbind() {
    Arrays.fill(valueWriters, null);
    Arrays.fill(vectors, null);
  }

  @Override
  public void write(RowNumber record) {
    int row = record.row;
    consumer.startMessage();
    for (int column = 0; column < valueWriters.length; column++) {
      if (mayBeNull[column] && vectors[column].isNull(row)) {
        if (required[column]) {
          throw new IllegalStateException("column `" + fieldNames[column] + "` is declared non-nullable but row "
              + row + " of the batch is null");
        }
        continue;
      }
      consumer.startField(fieldNames[column], column);
      valueWriters[column].write(consumer, row);
      consumer.endField(fieldNames[column], column);
    }
    consumer.endMessage();
  }
}
