package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.SubqueryAlias;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The qualifier ({@code a} of {@code df.as("a")}) of each output column of a plan, by attribute id.
 * A column keeps its qualifier up through the operators that pass it on unchanged, as in Spark; a
 * computed column has none, and an inner alias is replaced by an outer one.
 */
final class Qualifiers {
  private Qualifiers() {}

  static Map<Long, String> of(LogicalPlan plan) {
    Map<Long, String> qualifiers = new HashMap<>();
    if (plan instanceof SubqueryAlias alias) {
      for (AttributeReference column : alias.child().output()) {
        qualifiers.put(column.exprId(), alias.alias());
      }
      return qualifiers;
    }
    Set<Long> output = new HashSet<>();
    plan.output().forEach(column -> output.add(column.exprId()));
    for (LogicalPlan child : plan.children()) {
      of(child).forEach((id, qualifier) -> {
        if (output.contains(id)) {
          qualifiers.putIfAbsent(id, qualifier);
        }
      });
    }
    return qualifiers;
  }

  /** The qualifiers of the columns an operator's expressions may use: its children's outputs. */
  static Map<Long, String> ofInputs(List<LogicalPlan> children) {
    Map<Long, String> qualifiers = new HashMap<>();
    for (LogicalPlan child : children) {
      if (ColumnResolver.outputReady(child)) {
        qualifiers.putAll(of(child));
      }
    }
    return qualifiers;
  }
}
