package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.PlanLists;
import dev.ember.planner.logical.Project;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds each {@code UnresolvedAttribute} to the input column of the same name, once the operator's
 * children are resolved. Names found nowhere stay unresolved: {@link ResolveMissingReferences} may
 * still find them below a projection, and {@link CheckAnalysis} reports the rest.
 *
 * <pre>
 * Filter ('age > 26)                 Filter (age#2 > 26)
 * +- Relation [name#1,age#2] csv  =&gt; +- Relation [name#1,age#2] csv
 * </pre>
 *
 * A dotted name that is no column is a column followed by struct fields ({@link NestedColumns}); as
 * an entry of a select list it is named after its last part, as in Spark: {@code s.y.z} gives a
 * column {@code z}.
 */
final class ResolveReferences implements AnalyzerRule {
  private final ColumnResolver resolver;
  private final NestedColumns nestedColumns;

  ResolveReferences(ColumnResolver resolver) {
    this.resolver = resolver;
    this.nestedColumns = new NestedColumns(resolver);
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (node.resolved() || !ColumnResolver.childrenReady(node)) {
        return node;
      }
      List<AttributeReference> input = node.childOutput();
      Map<Long, String> qualifiers = Qualifiers.ofInputs(node.children());
      LogicalPlan named = nameNestedEntries(node, input, qualifiers);
      return named.transformExpressionsUp(expression -> resolve(expression, input, qualifiers));
    });
  }

  private LogicalPlan nameNestedEntries(LogicalPlan node, List<AttributeReference> input,
      Map<Long, String> qualifiers) {
    if (node instanceof Project project) {
      List<Expression> named = PlanLists.map(project.projectList(), entry -> nameNested(entry, input, qualifiers),
          Expression.class);
      return named == project.projectList() ? node : new Project(named, project.child());
    }
    if (node instanceof Aggregate aggregate) {
      List<Expression> named = PlanLists.map(aggregate.aggregateExpressions(),
          entry -> nameNested(entry, input, qualifiers), Expression.class);
      return named == aggregate.aggregateExpressions() ? node
          : new Aggregate(aggregate.groupingExpressions(), named, aggregate.child());
    }
    return node;
  }

  private Expression nameNested(Expression entry, List<AttributeReference> input, Map<Long, String> qualifiers) {
    if (entry instanceof UnresolvedAttribute attribute
        && resolver.resolve(attribute.name(), input, qualifiers).isEmpty()) {
      List<String> parts = NameParts.split(attribute.name());
      Optional<NestedColumns.Path> path = nestedColumns.find(parts, input, qualifiers);
      if (path.isPresent()) {
        return Alias.of(NestedColumns.extraction(path.get()), parts.get(parts.size() - 1));
      }
    }
    return entry;
  }

  private Expression resolve(Expression expression, List<AttributeReference> input, Map<Long, String> qualifiers) {
    if (expression instanceof UnresolvedAttribute attribute) {
      Optional<AttributeReference> column = resolver.resolve(attribute.name(), input, qualifiers);
      if (column.isPresent()) {
        return column.get();
      }
      return nestedColumns.find(NameParts.split(attribute.name()), input, qualifiers)
          .map(NestedColumns::extraction).orElse(attribute);
    }
    return expression;
  }
}
