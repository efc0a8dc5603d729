package dev.ember.runtime.operators.aggregate;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.operators.collect.QueryResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.Text;

/** A drained aggregate result as rows of Java values, strings as {@code String}, for assertions. */
final class ResultRows {
  private ResultRows() {}

  static List<List<Object>> of(QueryResult result) {
    List<List<Object>> rows = new ArrayList<>();
    for (ColumnBatch batch : result.batches()) {
      for (int row = 0; row < batch.rowCount(); row++) {
        List<Object> values = new ArrayList<>();
        for (FieldVector vector : batch.vectors()) {
          Object value = vector.getObject(row);
          values.add(value instanceof Text text ? text.toString() : value);
        }
        rows.add(values);
      }
    }
    return rows;
  }
}
