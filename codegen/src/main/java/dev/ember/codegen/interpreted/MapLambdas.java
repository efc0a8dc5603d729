package dev.ember.codegen.interpreted;

import dev.ember.planner.expressions.HigherOrderFunction;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.batch.NestedValues;
import dev.ember.runtime.functions.CollectionErrors;
import dev.ember.runtime.functions.ValueOrdering;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * {@code map_filter}, {@code transform_keys} and {@code transform_values}: the lambda
 * {@code (k, v) -> ...} runs once per batch over every entry of every map, its parameters being the
 * maps' key and value vectors. New keys must be non-null and distinct within a map (Spark's default
 * {@code spark.sql.mapKeyDedupPolicy}, EXCEPTION).
 */
final class MapLambdas {
  private static final String INTERMEDIATE = "_";

  private final LambdaBodies bodies;
  private final BufferAllocator allocator;

  MapLambdas(LambdaBodies bodies, BufferAllocator allocator) {
    this.bodies = bodies;
    this.allocator = allocator;
  }

  FieldVector evaluate(HigherOrderFunction function, ListVector input, ColumnBatch batch, int[] rows, int count) {
    LambdaFunction lambda = function.lambda(1);
    StructVector entries = (StructVector) input.getDataVector();
    FieldVector keyVector = (FieldVector) entries.getChildByOrdinal(0);
    FieldVector valueVector = (FieldVector) entries.getChildByOrdinal(1);
    FlatElements elements = FlatElements.of(input, count, rows);
    try (FieldVector keys = elements.values(keyVector, allocator);
        FieldVector values = elements.values(valueVector, allocator);
        FieldVector results = bodies.evaluate(lambda, List.of(keys, values), batch, elements.outerRows(),
            elements.size(), elements.positions())) {
      MapVector out = (MapVector) Columns.allocate(INTERMEDIATE, function.dataType(), allocator, count);
      try {
        StructVector outEntries = (StructVector) out.getDataVector();
        FieldVector outKeys = (FieldVector) outEntries.getChildByOrdinal(0);
        FieldVector outValues = (FieldVector) outEntries.getChildByOrdinal(1);
        int result = 0;
        int written = 0;
        for (int row = 0; row < count; row++) {
          if (input.isNull(row)) {
            out.setNull(row);
            continue;
          }
          out.startNewValue(row);
          int rowStart = written;
          List<Object> newKeys = new ArrayList<>();
          for (int position = elements.first(row); position < elements.end(row); position++, result++) {
            switch (function.kind()) {
              case MAP_FILTER -> {
                if (results.isNull(result) || !Columns.getBoolean(results, result)) {
                  continue;
                }
                NestedValues.copy(keys, position, outKeys, written);
                NestedValues.copy(values, position, outValues, written);
              }
              case TRANSFORM_KEYS -> {
                Object key = NestedValues.read(results, result);
                if (key == null) {
                  throw CollectionErrors.nullMapKey();
                }
                for (Object earlier : newKeys) {
                  if (ValueOrdering.equal(earlier, key)) {
                    throw CollectionErrors.duplicateMapKey(key);
                  }
                }
                newKeys.add(key);
                NestedValues.copy(results, result, outKeys, written);
                NestedValues.copy(values, position, outValues, written);
              }
              case TRANSFORM_VALUES -> {
                NestedValues.copy(keys, position, outKeys, written);
                NestedValues.copy(results, result, outValues, written);
              }
              default -> throw new IllegalArgumentException("not a map function: " + function);
            }
            outEntries.setIndexDefined(written);
            written++;
          }
          out.endValue(row, written - rowStart);
        }
        out.setValueCount(count);
        return out;
      } catch (RuntimeException e) {
        out.close();
        throw e;
      }
    }
  }
}
