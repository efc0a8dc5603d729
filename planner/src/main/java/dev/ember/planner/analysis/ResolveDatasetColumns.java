package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.DatasetColumnReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.logical.LogicalPlan;
import java.util.HashMap;
import java.util.Map;

/**
 * Binds each {@code df.col(name)} to the column it was taken from, found by attribute id among the
 * operator's inputs; where that column is not an input (the Dataset was rebuilt, or the column was
 * projected away below), the reference falls back to a plain name for {@link ResolveReferences} and
 * {@link ResolveMissingReferences}.
 *
 * <pre>
 * Join Inner, ('id#1 = 'id#3)           Join Inner, (id#1 = id#3)
 * :- Relation [id#1,v#2] csv        =&gt;  :- Relation [id#1,v#2] csv
 * +- Relation [id#3,w#4] csv            +- Relation [id#3,w#4] csv
 * </pre>
 */
final class ResolveDatasetColumns implements AnalyzerRule {
  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node.resolved() || !ColumnResolver.childrenReady(node)
          || node.expressions().stream().noneMatch(ResolveDatasetColumns::hasDatasetColumn)) {
        return node;
      }
      Map<Long, AttributeReference> input = new HashMap<>();
      node.childOutput().forEach(column -> input.putIfAbsent(column.exprId(), column));
      return node.transformExpressionsUp(expression -> {
        if (expression instanceof DatasetColumnReference reference) {
          AttributeReference column = input.get(reference.exprId());
          if (column == null) {
            return new UnresolvedAttribute(reference.name());
          }
          return column.name().equals(reference.name()) ? column : column.withName(reference.name());
        }
        return expression;
      });
    });
  }

  private static boolean hasDatasetColumn(Expression expression) {
    return expression.exists(part -> part instanceof DatasetColumnReference);
  }
}
