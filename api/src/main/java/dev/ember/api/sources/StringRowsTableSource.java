package dev.ember.api.sources;

import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.TableSource;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * A few rows of strings held in memory, such as the statistics {@code describe()} computed. Every
 * column is a nullable string; a row may hold {@code null}s. Immutable.
 */
public final class StringRowsTableSource implements TableSource {
  private final StructType schema;
  private final List<List<String>> rows;

  /** Columns named {@code c0}, {@code c1}, … so that names never clash; callers rename them. */
  public StringRowsTableSource(int columnCount, List<List<String>> rows) {
    List<StructField> fields = new ArrayList<>();
    for (int column = 0; column < columnCount; column++) {
      fields.add(new StructField("c" + column, DataTypes.StringType, true));
    }
    this.schema = new StructType(fields.toArray(new StructField[0]));
    Objects.requireNonNull(rows, "rows is null");
    List<List<String>> copies = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() != columnCount) {
        throw new IllegalArgumentException("row " + row + " has " + row.size() + " values, not " + columnCount);
      }
      // List.copyOf refuses nulls, which are values here.
      copies.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }
    this.rows = List.copyOf(copies);
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
    return rows.size() + " rows in memory";
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    return new RowsSource(columns.clone());
  }

  /** One morsel holding every row. */
  private record AllRows() implements Morsel {
    @Override
    public String describe() {
      return "rows in memory";
    }
  }

  private final class RowsSource implements BatchSource {
    private final int[] columns;
    private final StructType readSchema;
    private final List<Morsel> morsels = List.of(new AllRows());

    RowsSource(int[] columns) {
      this.columns = columns;
      StructField[] fields = new StructField[columns.length];
      for (int i = 0; i < columns.length; i++) {
        fields[i] = schema.apply(columns[i]);
      }
      this.readSchema = new StructType(fields);
    }

    @Override
    public StructType schema() {
      return readSchema;
    }

    @Override
    public List<Morsel> morsels() {
      return morsels;
    }

    @Override
    public BatchStream open(Morsel morsel, BufferAllocator allocator) {
      return new BatchStream() {
        private boolean done;

        @Override
        public ColumnBatch next() {
          if (done) {
            return null;
          }
          done = true;
          return batch(allocator);
        }

        @Override
        public void close() {}
      };
    }

    private ColumnBatch batch(BufferAllocator allocator) {
      List<FieldVector> vectors = ColumnBatch.allocateVectors(readSchema, allocator, rows.size());
      try {
        for (int i = 0; i < columns.length; i++) {
          VarCharVector vector = (VarCharVector) vectors.get(i);
          for (int row = 0; row < rows.size(); row++) {
            String value = rows.get(row).get(columns[i]);
            if (value == null) {
              vector.setNull(row);
            } else {
              vector.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
            }
          }
          vector.setValueCount(rows.size());
        }
        return new ColumnBatch(readSchema, vectors, rows.size());
      } catch (RuntimeException e) {
        vectors.forEach(FieldVector::close);
        throw e;
      }
    }
  }
}
