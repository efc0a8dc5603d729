package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.HigherOrderFunction;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.expressions.UnresolvedStar;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Sort;
import dev.ember.planner.logical.Union;
import dev.ember.sql.types.BooleanType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The last step of analysis: reports, operator by operator from the leaves up, what the rules could
 * not fix, with Spark's errors: unknown columns (with suggestions), type mismatches, aggregates where
 * they are not allowed, non-aggregated columns in an aggregate. Then asserts that every column
 * reference is bound to its input, which would be an analyzer bug, not a user error.
 */
final class CheckAnalysis {
  private CheckAnalysis() {}

  /** {@code ansiEnabled}: the session's {@code spark.sql.ansi.enabled}, which decides the casts allowed. */
  static LogicalPlan check(LogicalPlan plan, boolean ansiEnabled) {
    for (LogicalPlan child : plan.children()) {
      check(child, ansiEnabled);
    }
    CheckWindows.check(plan);
    checkResolved(plan);
    for (Expression expression : plan.expressions()) {
      ExpressionTypeCheck.check(expression, plan, ansiEnabled);
    }
    checkOperator(plan);
    checkReferencesBound(plan);
    return plan;
  }

  private static void checkResolved(LogicalPlan node) {
    for (Expression expression : node.expressions()) {
      for (Expression part : expression.collect(part -> part.resolved() ? null : part)) {
        if (part instanceof UnresolvedAttribute attribute) {
          throw AnalysisErrors.unresolvedColumnAmong(attribute.name(), quotedCandidates(node), node);
        }
        if (part instanceof UnresolvedStar) {
          throw AnalysisErrors.invalidStar(node);
        }
        if (part instanceof HigherOrderFunction function) {
          HigherOrderFunctionChecks.checkInputs(function, node);
        }
      }
      if (!expression.resolved()) {
        List<UnresolvedFunction> calls = expression.collect(part -> part instanceof UnresolvedFunction f ? f : null);
        // A lambda outside any higher-order function stays unresolved too: Spark fails internally as well.
        throw new IllegalStateException((calls.isEmpty() ? "expression " + expression : "function call " + calls.get(0))
            + " was not resolved in:\n" + node.treeString());
      }
    }
  }

  private static void checkOperator(LogicalPlan node) {
    if (node instanceof Filter filter) {
      List<Expression> aggregates = aggregateCalls(filter.condition());
      if (!aggregates.isEmpty()) {
        throw AnalysisErrors.invalidWhereCondition(filter.condition(), aggregates, node);
      }
      if (!(filter.condition().dataType() instanceof BooleanType)) {
        throw AnalysisErrors.filterNotBoolean(filter.condition(), node);
      }
    } else if (node instanceof Aggregate aggregate) {
      checkAggregate(aggregate);
    } else if (node instanceof Union union) {
      checkSetOperation(union.operatorName(), union.left(), union.right(), node);
    } else if (node instanceof Sort || node instanceof Project) {
      List<Expression> aggregates = node.expressions().stream()
          .flatMap(expression -> aggregateCalls(expression).stream()).toList();
      if (!aggregates.isEmpty()) {
        throw AnalysisErrors.unsupportedExpressionsForOperator(aggregates, node);
      }
    }
  }

  private static void checkAggregate(Aggregate aggregate) {
    for (Expression grouping : aggregate.groupingExpressions()) {
      List<Expression> aggregates = aggregateCalls(grouping);
      if (!aggregates.isEmpty()) {
        throw AnalysisErrors.aggregateInGroupBy(aggregates.get(0), aggregate);
      }
    }
    for (Expression expression : aggregate.aggregateExpressions()) {
      boolean nested = expression.exists(part ->
          part instanceof AggregateCall call && call.argument().containsAggregate());
      if (nested) {
        throw AnalysisErrors.nestedAggregate(aggregate);
      }
    }
    Set<Expression> grouping = aggregate.groupingExpressions().stream()
        .map(CheckAnalysis::canonical).collect(Collectors.toSet());
    for (Expression expression : aggregate.aggregateExpressions()) {
      Expression ungrouped = firstUngroupedColumn(expression, grouping);
      if (ungrouped != null) {
        throw grouping.isEmpty() ? AnalysisErrors.missingGroupBy(aggregate)
            : AnalysisErrors.missingAggregation(ungrouped, aggregate);
      }
    }
  }

  /** Both inputs have as many columns, of types the coercion rules made equal. */
  private static void checkSetOperation(String operator, LogicalPlan left, LogicalPlan right, LogicalPlan node) {
    List<AttributeReference> first = left.output();
    List<AttributeReference> second = right.output();
    if (first.size() != second.size()) {
      throw AnalysisErrors.setOperationColumnCount(operator, first.size(), 1, second.size(), node);
    }
    for (int i = 0; i < first.size(); i++) {
      if (!first.get(i).dataType().equals(second.get(i).dataType())) {
        throw AnalysisErrors.setOperationColumnType(operator, i, 1, second.get(i).dataType(),
            first.get(i).dataType(), node);
      }
    }
  }

  /** The first column read outside an aggregate call and outside any grouping expression, or null. */
  private static Expression firstUngroupedColumn(Expression expression, Set<Expression> grouping) {
    if (expression instanceof AggregateCall || grouping.contains(canonical(expression))) {
      return null;
    }
    if (expression instanceof AttributeReference) {
      return expression;
    }
    for (Expression child : expression.children()) {
      Expression found = firstUngroupedColumn(child, grouping);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Compares expressions by meaning: the same column spelled {@code CITY} and {@code city} is one. */
  private static Expression canonical(Expression expression) {
    return expression.transformUp(part -> part instanceof AttributeReference attribute ? attribute.withName("") : part);
  }

  private static List<Expression> aggregateCalls(Expression expression) {
    return expression.collect(part -> part instanceof AggregateCall ? part : null);
  }

  private static void checkReferencesBound(LogicalPlan node) {
    Set<Long> input = node.childOutput().stream().map(AttributeReference::exprId).collect(Collectors.toSet());
    for (Expression expression : node.expressions()) {
      for (AttributeReference reference : expression.collect(part -> part instanceof AttributeReference a ? a : null)) {
        if (!input.contains(reference.exprId())) {
          throw new IllegalStateException("analyzer bug: " + reference + " is not an input of the operator:\n"
              + node.treeString());
        }
      }
    }
  }

  /** Spark suggests a column of a table alias by its qualified name: {@code `t`.`id`}. */
  private static List<String> quotedCandidates(LogicalPlan node) {
    java.util.Map<Long, String> qualifiers = Qualifiers.ofInputs(node.children());
    List<String> candidates = new java.util.ArrayList<>();
    for (AttributeReference column : node.childOutput()) {
      String qualifier = qualifiers.get(column.exprId());
      candidates.add((qualifier == null ? "" : Identifiers.quote(qualifier) + ".") + Identifiers.quote(column.name()));
    }
    return candidates;
  }
}
