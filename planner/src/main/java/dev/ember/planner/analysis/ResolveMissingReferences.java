package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Sort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lets {@code orderBy} and {@code filter} use a column that a projection below them dropped, as
 * Spark does: the column is carried up through the projection (and any filter, sort or limit in
 * between) and projected away again above. Below an aggregate only grouping columns can be carried.
 *
 * <pre>
 * Sort ['age ASC]                     Project [name#1]
 * +- Project [name#1]              =&gt; +- Sort ['age ASC]
 *    +- Relation [name#1,age#2]          +- Project [name#1, age#2]
 *                                           +- Relation [name#1,age#2]
 * </pre>
 *
 * The sort key itself is bound by {@link ResolveReferences} on the next pass.
 */
final class ResolveMissingReferences implements AnalyzerRule {
  private final ColumnResolver resolver;

  ResolveMissingReferences(ColumnResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Sort || node instanceof Filter) || !ColumnResolver.childrenReady(node)) {
        return node;
      }
      LogicalPlan child = node.children().get(0);
      Map<Long, AttributeReference> missing = new LinkedHashMap<>();
      for (String name : unresolvedNames(node)) {
        if (resolver.resolve(name, child.output()).isEmpty()) {
          findBelow(child, name).ifPresent(found -> missing.putIfAbsent(found.exprId(), found));
        }
      }
      if (missing.isEmpty()) {
        return node;
      }
      LogicalPlan widened = node.withNewChildren(List.of(carry(child, List.copyOf(missing.values()))));
      return new Project(List.copyOf(child.output()), widened);
    });
  }

  private static List<String> unresolvedNames(LogicalPlan node) {
    List<String> names = new ArrayList<>();
    for (Expression expression : node.expressions()) {
      expression.foreach(part -> {
        if (part instanceof UnresolvedAttribute attribute) {
          names.add(attribute.name());
        }
      });
    }
    return names;
  }

  /** The column {@code name} that a projection at or below {@code plan} dropped, if it can be carried up. */
  private Optional<AttributeReference> findBelow(LogicalPlan plan, String name) {
    if (plan instanceof Project project) {
      Optional<AttributeReference> direct = resolver.resolve(name, project.child().output());
      return direct.isPresent() ? direct.map(found -> original(found, project.child().output()))
          : findBelow(project.child(), name);
    }
    if (plan instanceof Aggregate aggregate) {
      return resolver.resolve(name, aggregate.child().output())
          .map(found -> original(found, aggregate.child().output()))
          .filter(found -> aggregate.groupingExpressions().stream().anyMatch(grouping ->
              grouping instanceof AttributeReference attribute && attribute.exprId() == found.exprId()));
    }
    if (plan instanceof Filter || plan instanceof Sort || plan instanceof Limit) {
      return findBelow(plan.children().get(0), name);
    }
    return Optional.empty();
  }

  /** The input column itself, not renamed to the user's spelling: it is carried under its own name. */
  private static AttributeReference original(AttributeReference found, List<AttributeReference> input) {
    return input.stream().filter(column -> column.exprId() == found.exprId()).findFirst().orElse(found);
  }

  /** {@code plan} with {@code columns} added to its output, carried up from wherever they were dropped. */
  private static LogicalPlan carry(LogicalPlan plan, List<AttributeReference> columns) {
    if (plan instanceof Project project) {
      List<AttributeReference> notBelow = columns.stream().filter(column -> !produces(project.child(), column)).toList();
      LogicalPlan child = notBelow.isEmpty() ? project.child() : carry(project.child(), notBelow);
      return new Project(append(project.projectList(), columns, project.output()), child);
    }
    if (plan instanceof Aggregate aggregate) {
      return new Aggregate(aggregate.groupingExpressions(),
          append(aggregate.aggregateExpressions(), columns, aggregate.output()), aggregate.child());
    }
    return plan.withNewChildren(List.of(carry(plan.children().get(0), columns)));
  }

  private static boolean produces(LogicalPlan plan, AttributeReference column) {
    return plan.output().stream().anyMatch(output -> output.exprId() == column.exprId());
  }

  private static List<Expression> append(List<Expression> list, List<AttributeReference> columns,
      List<AttributeReference> existing) {
    List<Expression> appended = new ArrayList<>(list);
    for (AttributeReference column : columns) {
      if (existing.stream().noneMatch(output -> output.exprId() == column.exprId())) {
        appended.add(column);
      }
    }
    return appended;
  }
}
