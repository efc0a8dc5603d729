package dev.ember.codegen.interpreted;

import dev.ember.SparkException;
import dev.ember.codegen.semantics.TryErrors;
import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.TryEval;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Evaluates {@link TryEval}: the operation's inputs with the session's evaluator (their errors are
 * raised), then the operation over those input vectors with an ANSI evaluator. When the operation fails
 * on the whole vector it is evaluated again row by row, and the rows that fail are null: errors are
 * rare, so valid batches pay for one vectorized pass.
 */
final class TryEvaluator {
  private final VectorizedEvaluator session;
  private final VectorizedEvaluator ansi;
  private final BufferAllocator allocator;

  TryEvaluator(VectorizedEvaluator session, VectorizedEvaluator ansi, BufferAllocator allocator) {
    this.session = Objects.requireNonNull(session, "session is null");
    this.ansi = Objects.requireNonNull(ansi, "ansi is null");
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
  }

  FieldVector evaluate(TryEval tryEval, ColumnBatch batch, int[] rows, int count) {
    Expression operation = tryEval.operation();
    List<Expression> inputs = operation.children();
    List<FieldVector> inputVectors = new ArrayList<>(inputs.size());
    try {
      List<Expression> references = new ArrayList<>(inputs.size());
      List<StructField> fields = new ArrayList<>(inputs.size());
      for (int i = 0; i < inputs.size(); i++) {
        Expression input = inputs.get(i);
        inputVectors.add(session.evaluate(input, batch, rows, count));
        references.add(new BoundReference(i, input.dataType(), input.nullable()));
        fields.add(new StructField("input" + i, input.dataType(), input.nullable()));
      }
      Expression overInputs = operation.withNewChildren(references);
      // The batch only borrows the input vectors: they are closed below, not through it.
      ColumnBatch inputBatch = new ColumnBatch(StructType.of(fields), inputVectors, count);
      try {
        return ansi.evaluate(overInputs, inputBatch, null, count);
      } catch (SparkException someRowFailed) {
        return rowByRow(overInputs, inputBatch, count);
      }
    } finally {
      inputVectors.forEach(FieldVector::close);
    }
  }

  private FieldVector rowByRow(Expression overInputs, ColumnBatch inputBatch, int count) {
    FieldVector out = Columns.allocate("_", overInputs.dataType(), allocator, count);
    try {
      int[] oneRow = new int[1];
      for (int row = 0; row < count; row++) {
        oneRow[0] = row;
        try (FieldVector value = ansi.evaluate(overInputs, inputBatch, oneRow, 1)) {
          out.copyFromSafe(0, row, value);
        } catch (SparkException rowFailed) {
          // TRY evaluation: this row's error is its null result, unless Spark raises it even under try.
          TryErrors.raiseUnlessNull(rowFailed);
        }
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }
}
