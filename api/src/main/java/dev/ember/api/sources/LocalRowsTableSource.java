package dev.ember.api.sources;

import dev.ember.SparkException;
import dev.ember.SparkIllegalArgumentException;
import dev.ember.SparkThrowable;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.TableSource;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.Row;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Rows given by the user ({@code createDataFrame}) as a table: Spark's {@code LocalRelation}. As in
 * Spark, the values are checked against the schema when a query first reads them, so a wrong value
 * fails the action, not {@code createDataFrame}. That first read converts every row into Arrow
 * batches of {@value #BATCH_ROWS} rows held by the session's {@link LocalDataStore} and drops the Java
 * rows; later queries share those batches (Arrow counts the references), each batch one morsel.
 */
public final class LocalRowsTableSource implements TableSource {
  static final int BATCH_ROWS = 4096;

  private final StructType schema;
  private final Data data;

  /**
   * @param rows the rows, whose values are Spark's external Java types for the schema's fields; copied
   *     (not their values), so later changes to the list do not show
   */
  public LocalRowsTableSource(StructType schema, List<? extends Row> rows, LocalDataStore store) {
    this.schema = Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(rows, "rows is null");
    Objects.requireNonNull(store, "store is null");
    this.data = new Data(schema, new ArrayList<>(rows), store);
    store.register(this, data);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public String formatName() {
    return "LocalRelation";
  }

  @Override
  public String describe() {
    return data.rowCount + " rows in memory";
  }

  @Override
  public OptionalLong sizeInBytes() {
    long rowSize = 0;
    for (StructField field : schema.fields()) {
      rowSize += field.dataType().defaultSize();
    }
    return OptionalLong.of(rowSize * data.rowCount);
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    // Sharing locks the data, which the store's cleanup also holds on to.
    return new SharedBatchesSource(data.batches(), schema, columns, data, "local batch");
  }

  /**
   * The rows, then their batches. Kept apart from the source so the store's cleanup can refer to it
   * without keeping the source reachable.
   */
  static final class Data {
    private final StructType schema;
    private final int rowCount;
    private final LocalDataStore store;
    private List<Row> rows;
    private List<ColumnBatch> batches;
    private boolean released;

    Data(StructType schema, List<Row> rows, LocalDataStore store) {
      this.schema = schema;
      this.rowCount = rows.size();
      this.rows = rows;
      this.store = store;
    }

    synchronized List<ColumnBatch> batches() {
      if (released || store.isClosed()) {
        throw new IllegalStateException("Cannot call methods on a stopped SparkSession.");
      }
      if (batches == null) {
        batches = List.copyOf(convert(rows, schema, store.allocator()));
        rows = null;
      }
      return batches;
    }

    synchronized void release() {
      released = true;
      rows = null;
      if (batches != null) {
        batches.forEach(ColumnBatch::close);
        batches = null;
      }
    }

    /** A new batch over the same buffers as the given columns, accounted to {@code allocator}. */
  }

  /** Every row as batches; at least one batch, so an empty table still yields its schema. */
  static List<ColumnBatch> convert(List<Row> rows, StructType schema, BufferAllocator allocator) {
    StructField[] fields = schema.fields();
    ExternalValueConverter.Conversion[] conversions = new ExternalValueConverter.Conversion[fields.length];
    for (int i = 0; i < fields.length; i++) {
      conversions[i] = ExternalValueConverter.forType(fields[i].dataType());
    }
    List<ColumnBatch> batches = new ArrayList<>();
    try {
      int first = 0;
      do {
        int count = Math.min(BATCH_ROWS, rows.size() - first);
        batches.add(convertBatch(rows, first, count, schema, conversions, allocator));
        first += count;
      } while (first < rows.size());
      return batches;
    } catch (RuntimeException e) {
      batches.forEach(ColumnBatch::close);
      throw e;
    }
  }

  private static ColumnBatch convertBatch(List<Row> rows, int first, int count, StructType schema,
      ExternalValueConverter.Conversion[] conversions, BufferAllocator allocator) {
    StructField[] fields = schema.fields();
    List<FieldVector> vectors = ColumnBatch.allocateVectors(schema, allocator, count);
    try {
      for (int index = 0; index < count; index++) {
        int rowNumber = first + index;
        Row row = rows.get(rowNumber);
        if (row == null) {
          throw new SparkIllegalArgumentException(null, java.util.Map.of(),
              "Row " + rowNumber + " of the local data is null; createDataFrame needs a Row for every row.");
        }
        if (row.size() != fields.length) {
          throw new SparkIllegalArgumentException(null, java.util.Map.of(), "Row " + rowNumber + " (" + row
              + ") has " + row.size() + " values but the schema " + schema.catalogString() + " has "
              + fields.length + " fields.");
        }
        for (int column = 0; column < fields.length; column++) {
          Object value = row.get(column);
          FieldVector vector = vectors.get(column);
          if (value == null) {
            if (!fields[column].nullable()) {
              throw ExternalValueConverter.nullInNonNullableField(fields[column].name() + " (row " + rowNumber + ")");
            }
            NestedValues.setNull(vector, index);
          } else {
            Object internal;
            try {
              internal = conversions[column].convert(value);
            } catch (RuntimeException e) {
              throw located(e, rowNumber, fields[column].name());
            }
            NestedValues.write(vector, index, internal);
          }
        }
      }
      for (FieldVector vector : vectors) {
        vector.setValueCount(count);
      }
      return new ColumnBatch(schema, vectors, count);
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
  }

  /** The same failure, its message saying which row and column held the value. */
  private static RuntimeException located(RuntimeException failure, int rowNumber, String column) {
    String where = " (row " + rowNumber + ", column " + column + ")";
    if (failure instanceof SparkIllegalArgumentException illegal) {
      return new SparkIllegalArgumentException(illegal.getCondition(), illegal.getMessageParameters(),
          unprefixed(illegal) + where);
    } else if (failure instanceof SparkException spark) {
      String message = unprefixed(spark);
      // Spark ends some messages with the SQL state; the location reads better before it.
      int state = message.lastIndexOf(" SQLSTATE: ");
      String located = state < 0 ? message + where : message.substring(0, state) + where + message.substring(state);
      return new SparkException(spark.getCondition(), spark.getMessageParameters(), located, spark.getCause());
    }
    return failure;
  }

  /** The message without the {@code [CONDITION] } prefix the exception's constructor adds. */
  private static String unprefixed(RuntimeException failure) {
    String message = failure.getMessage();
    String condition = ((SparkThrowable) failure).getCondition();
    String prefix = "[" + condition + "] ";
    return condition != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
