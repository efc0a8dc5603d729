package dev.ember.planner.optimizer;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.ScanRelation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every rule must preserve: the root's schema (names, types and ids of its output, in order) and
 * well-formedness (each attribute a node uses is produced by one of its children, with the same type).
 */
final class PlanInvariants {
  private final List<AttributeReference> expectedOutput;

  PlanInvariants(LogicalPlan original) {
    this.expectedOutput = original.output();
  }

  /** A description of the first broken invariant in {@code plan}, if any. */
  Optional<String> findViolation(LogicalPlan plan) {
    if (!plan.resolved()) {
      return Optional.of("the plan is no longer resolved");
    }
    List<AttributeReference> output;
    try {
      output = plan.output();
    } catch (IllegalStateException malformed) {
      return Optional.of("the root's output cannot be computed: " + malformed.getMessage());
    }
    if (!sameSchema(output, expectedOutput)) {
      return Optional.of("the output changed from " + expectedOutput + " to " + output);
    }
    return findUnboundReference(plan);
  }

  private static boolean sameSchema(List<AttributeReference> actual, List<AttributeReference> expected) {
    if (actual.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < actual.size(); i++) {
      AttributeReference a = actual.get(i);
      AttributeReference e = expected.get(i);
      if (a.exprId() != e.exprId() || !a.name().equals(e.name()) || !a.dataType().equals(e.dataType())) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> findUnboundReference(LogicalPlan node) {
    for (LogicalPlan child : node.children()) {
      Optional<String> problem = findUnboundReference(child);
      if (problem.isPresent()) {
        return problem;
      }
    }
    if (node instanceof ScanRelation scan) {
      List<String> columns = List.of(scan.source().schema().fieldNames());
      for (AttributeReference column : scan.output()) {
        if (!columns.contains(column.name())) {
          return Optional.of("'" + node.nodeString() + "' reads " + column + ", which its source does not have "
              + columns);
        }
      }
      return Optional.empty();
    }
    List<AttributeReference> available;
    try {
      available = node.childOutput();
    } catch (IllegalStateException malformed) {
      return Optional.of("the output of a child of '" + node.nodeString() + "' cannot be computed: "
          + malformed.getMessage());
    }
    Map<Long, AttributeReference> producedById = new HashMap<>();
    available.forEach(attribute -> producedById.putIfAbsent(attribute.exprId(), attribute));
    for (Expression expression : node.expressions()) {
      for (AttributeReference used : expression.collect(e -> e instanceof AttributeReference a ? a : null)) {
        AttributeReference produced = producedById.get(used.exprId());
        if (produced == null) {
          return Optional.of("'" + node.nodeString() + "' uses " + used
              + ", which its children do not produce (they produce " + available + ")");
        }
        if (!produced.dataType().equals(used.dataType())) {
          return Optional.of("'" + node.nodeString() + "' uses " + used + " as " + used.dataType().simpleString()
              + ", but its child produces it as " + produced.dataType().simpleString());
        }
      }
    }
    return Optional.empty();
  }
}
