package dev.ember.codegen.interpreted;

import dev.ember.codegen.semantics.BytePatternCall;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.functions.LikeMatcher;
import dev.ember.sql.types.DataTypes;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * LIKE with a literal pattern, and startswith, endswith and contains with a literal (see
 * {@link BytePatternCall}), over a batch at once: the matcher runs on each value's bytes in the
 * vector's data buffer, found through its offsets, and writes a bit; no String or box per row. The
 * oracle of the generated {@code BytePatternGenerator}, which gives the same answers a row at a time.
 */
final class BytePatternEvaluator {
  private final VectorizedEvaluator evaluator;
  private final BufferAllocator allocator;
  /** Per call: its byte pattern, or empty when the generic call must run. */
  private final Map<ScalarFunctionCall, Optional<BytePatternCall>> patterns = new IdentityHashMap<>();

  BytePatternEvaluator(VectorizedEvaluator evaluator, BufferAllocator allocator) {
    this.evaluator = evaluator;
    this.allocator = allocator;
  }

  /** The call's values for the rows, or null when it is no byte pattern call. */
  FieldVector evaluate(ScalarFunctionCall call, ColumnBatch batch, int[] rows, int count) {
    Optional<BytePatternCall> pattern = patterns.computeIfAbsent(call,
        key -> Optional.ofNullable(BytePatternCall.of(key)));
    if (pattern.isEmpty()) {
      return null;
    }
    try (FieldVector values = evaluator.evaluateRows(pattern.get().value(), batch, rows, count)) {
      return match(pattern.get().matcher(), (BaseVariableWidthVector) values, count);
    }
  }

  private FieldVector match(LikeMatcher matcher, BaseVariableWidthVector values, int count) {
    BitVector out = (BitVector) Columns.allocate("_", DataTypes.BooleanType, allocator, count);
    try {
      long offsets = values.getOffsetBufferAddress();
      long data = values.getDataBufferAddress();
      for (int row = 0; row < count; row++) {
        if (values.isNull(row)) {
          continue;
        }
        int start = MemoryUtil.getInt(offsets + (long) row * BaseVariableWidthVector.OFFSET_WIDTH);
        int end = MemoryUtil.getInt(offsets + (long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
        out.set(row, matcher.matches(data + start, end - start) ? 1 : 0);
      }
      out.setValueCount(count);
      return out;
    } catch (RuntimeException | Error e) {
      out.close();
      throw e;
    }
  }
}
