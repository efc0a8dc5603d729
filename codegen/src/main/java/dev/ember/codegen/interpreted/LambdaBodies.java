package dev.ember.codegen.interpreted;

import dev.ember.planner.expressions.BoundReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.LambdaFunction;
import dev.ember.planner.expressions.NamedLambdaVariable;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.FieldVector;

/**
 * Evaluates a lambda's body for many parameter values at once, as one vectorized evaluation: the
 * values of all elements of all rows of a batch form the rows of a "lambda batch". Its columns are
 * the parameters' values, then the outer columns the body reads, each repeated for every element of
 * its row; the body is rewritten to read them ({@link BoundReference}s), so nested lambdas and every
 * other expression evaluate as usual.
 *
 * <pre>
 * rows:  a = [1, 2], k = 10        lambda batch: x | k          body x + k  =&gt;  input[0] + input[1]
 *        a = [3],    k = 20                       1 | 10
 *                                                 2 | 10
 *                                                 3 | 20
 * </pre>
 */
final class LambdaBodies {
  private final VectorizedEvaluator session;
  private final Map<LambdaFunction, Rewritten> rewritten = new IdentityHashMap<>();

  LambdaBodies(VectorizedEvaluator session) {
    this.session = session;
  }

  /**
   * The body's value at each of {@code positions} (all {@code size} lambda rows when null), in order.
   *
   * @param parameterValues one vector of {@code size} values per parameter, in the lambda's order;
   *     borrowed, not closed
   * @param outerRows for each lambda row, the row of {@code outer} its outer columns come from
   */
  FieldVector evaluate(LambdaFunction lambda, List<FieldVector> parameterValues, ColumnBatch outer,
      int[] outerRows, int size, int[] positions) {
    Rewritten prepared = rewritten.computeIfAbsent(lambda, LambdaBodies::rewrite);
    List<FieldVector> columns = new ArrayList<>(parameterValues);
    List<FieldVector> gathered = new ArrayList<>();
    try {
      for (BoundReference reference : prepared.outerColumns()) {
        FieldVector column = session.evaluateRows(reference, outer, outerRows, size);
        gathered.add(column);
        columns.add(column);
      }
      // Not closed: the parameter vectors are borrowed; the gathered ones are closed below.
      ColumnBatch lambdaRows = new ColumnBatch(prepared.schema(), columns, size);
      return session.evaluateRows(prepared.body(), lambdaRows, positions, positions == null ? size : positions.length);
    } finally {
      gathered.forEach(FieldVector::close);
    }
  }

  /**
   * A body reading the lambda batch: parameter i is column i, then come the outer columns the body
   * reads, in ordinal order. Kept per lambda, so that the nodes (and what the function calls among
   * them have bound) are the same for every batch.
   */
  private record Rewritten(Expression body, List<BoundReference> outerColumns, StructType schema) {}

  private static Rewritten rewrite(LambdaFunction lambda) {
    List<NamedLambdaVariable> parameters = lambda.parameters();
    Map<Integer, BoundReference> outerColumns = new TreeMap<>();
    lambda.body().foreach(node -> {
      if (node instanceof BoundReference reference) {
        outerColumns.putIfAbsent(reference.ordinal(), reference);
      }
    });
    Map<Long, Integer> parameterOrdinals = new HashMap<>();
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      parameterOrdinals.put(parameters.get(i).exprId(), i);
      fields.add(new StructField(parameters.get(i).name(), parameters.get(i).dataType(), true));
    }
    Map<Integer, Integer> outerOrdinals = new HashMap<>();
    for (BoundReference reference : outerColumns.values()) {
      outerOrdinals.put(reference.ordinal(), fields.size());
      fields.add(new StructField("outer" + reference.ordinal(), reference.dataType(), true));
    }
    Expression body = lambda.body().transformUp(node -> {
      if (node instanceof NamedLambdaVariable variable && parameterOrdinals.containsKey(variable.exprId())) {
        return new BoundReference(parameterOrdinals.get(variable.exprId()), variable.dataType(), variable.nullable());
      } else if (node instanceof BoundReference reference) {
        return new BoundReference(outerOrdinals.get(reference.ordinal()), reference.dataType(), reference.nullable());
      }
      return node;
    });
    return new Rewritten(body, List.copyOf(outerColumns.values()), StructType.of(fields));
  }
}
