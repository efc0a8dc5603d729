package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.logical.LogicalPlan;
import java.util.List;
import java.util.Map;

/**
 * Binds each {@code UnresolvedAttribute} to the input column of the same name, once the operator's
 * children are resolved. Names found nowhere stay unresolved: {@link ResolveMissingReferences} may
 * still find them below a projection, and {@link CheckAnalysis} reports the rest.
 *
 * <pre>
 * Filter ('age > 26)                 Filter (age#2 > 26)
 * +- Relation [name#1,age#2] csv  =&gt; +- Relation [name#1,age#2] csv
 * </pre>
 */
final class ResolveReferences implements AnalyzerRule {
  private final ColumnResolver resolver;

  ResolveReferences(ColumnResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node.resolved() || !ColumnResolver.childrenReady(node)) {
        return node;
      }
      List<AttributeReference> input = node.childOutput();
      Map<Long, String> qualifiers = Qualifiers.ofInputs(node.children());
      return node.transformExpressionsUp(expression -> resolve(expression, input, qualifiers));
    });
  }

  private Expression resolve(Expression expression, List<AttributeReference> input, Map<Long, String> qualifiers) {
    if (expression instanceof UnresolvedAttribute attribute) {
      return resolver.resolve(attribute.name(), input, qualifiers).<Expression>map(found -> found).orElse(attribute);
    }
    return expression;
  }
}
