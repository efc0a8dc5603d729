package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.BroadcastHint;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.SubqueryAlias;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.InMemoryRelation;
import dev.ember.planner.logical.Offset;
import dev.ember.planner.logical.SinglePartition;
import dev.ember.planner.logical.ReplicateRows;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.RangeRelation;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.logical.Sort;
import dev.ember.planner.logical.Union;
import dev.ember.planner.optimizer.OptimizerRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Pushes the set of columns used above each node down the plan, so scans read only those columns and
 * projects and aggregates compute only what someone uses:
 *
 * <pre>
 * Sort [n#5 ASC]                                   Sort [n#5 ASC]
 * +- Aggregate [city#3], [count(1) AS n#5]         +- Aggregate [city#3], [count(1) AS n#5]
 *    +- Filter (age#2 &gt; 26)                =&gt;       +- Project [city#3]
 *       +- Relation [name#1,age#2,city#3]                +- Filter (age#2 &gt; 26)
 *                                                           +- Relation [age#2,city#3]
 * </pre>
 *
 * Below an aggregate or a sort (operators that hold their whole input), and over a filter under a
 * join (whose build side holds its input), a project drops the columns only a lower filter needed. A
 * node never loses its last column, so {@code count()} over a table still reads one: the narrowest.
 * The root's output never changes.
 */
public final class PruneColumns implements OptimizerRule {
  @Override
  public String name() {
    return "PruneColumns";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    List<AttributeReference> rootOutput = plan.output();
    LogicalPlan pruned = prune(plan, idsOf(rootOutput));
    if (pruned == plan) {
      return plan;
    }
    // Every root column was required, so only a change of order could differ; restore it if so.
    return sameColumns(pruned.output(), rootOutput) ? pruned : new Project(List.copyOf(rootOutput), pruned);
  }

  /** {@code node} rewritten to produce at least the {@code required} columns, ideally no others. */
  private static LogicalPlan prune(LogicalPlan node, Set<Long> required) {
    if (node instanceof ScanRelation scan) {
      List<AttributeReference> kept = keepRequired(scan.output(), required, AttributeReference::exprId);
      return kept == scan.output() ? scan : new ScanRelation(scan.source(), kept);
    } else if (node instanceof RangeRelation || node instanceof InMemoryRelation) {
      return node;
    } else if (node instanceof Project project) {
      List<Expression> kept = keepRequired(project.projectList(), required, References::producedId);
      LogicalPlan child = prune(project.child(), References.of(kept));
      return kept == project.projectList() ? project.withNewChildren(List.of(child)) : new Project(kept, child);
    } else if (node instanceof Filter filter) {
      Set<Long> childRequired = union(required, References.of(filter.condition()));
      return filter.withNewChildren(List.of(prune(filter.child(), childRequired)));
    } else if (node instanceof Limit limit) {
      return limit.withNewChildren(List.of(prune(limit.child(), required)));
    } else if (node instanceof Sort sort) {
      Set<Long> childRequired = union(required, References.of(sort.order()));
      return sort.withNewChildren(List.of(narrow(prune(sort.child(), childRequired), childRequired)));
    } else if (node instanceof Aggregate aggregate) {
      List<Expression> kept = keepRequired(aggregate.aggregateExpressions(), required, References::producedId);
      Set<Long> childRequired = union(References.of(aggregate.groupingExpressions()), References.of(kept));
      LogicalPlan child = narrow(prune(aggregate.child(), childRequired), childRequired);
      return kept == aggregate.aggregateExpressions()
          ? aggregate.withNewChildren(List.of(child))
          : new Aggregate(aggregate.groupingExpressions(), kept, child);
    } else if (node instanceof Join join) {
      // Each side keeps what is required above plus what the condition reads; ids never repeat
      // across the sides, so one set serves both.
      Set<Long> childRequired = union(required, join.condition().map(References::of).orElse(Set.of()));
      return join.withNewChildren(List.of(narrowFiltered(prune(join.left(), childRequired), childRequired),
          narrowFiltered(prune(join.right(), childRequired), childRequired)));
    } else if (node instanceof SubqueryAlias || node instanceof BroadcastHint) {
      return node.withNewChildren(List.of(prune(node.children().get(0), required)));
    }
    if (node instanceof dev.ember.planner.logical.Window window) {
      // Every window expression is kept; its inputs, partition and order keys are read from the child.
      Set<Long> childRequired = union(required, References.of(window.expressions()));
      return window.withNewChildren(List.of(narrow(prune(window.child(), childRequired), childRequired)));
    }
    if (node instanceof dev.ember.planner.logical.Generate generate) {
      // The generated columns are always produced; the child keeps what is required and what the
      // generator reads, and a project drops the rest before the rows are repeated.
      Set<Long> childRequired = union(required, References.of(generate.generator()));
      return generate.withNewChildren(List.of(narrow(prune(generate.child(), childRequired), childRequired)));
    }
    if (node instanceof Offset || node instanceof SinglePartition) {
      return node.withNewChildren(List.of(prune(node.children().get(0), required)));
    }
    if (node instanceof ReplicateRows replicate) {
      // The first column is the count the others are repeated by; keep all, as a union does.
      return replicate.withNewChildren(List.of(prune(replicate.child(), idsOf(replicate.child().output()))));
    }
    if (node instanceof Union union) {
      // A union matches its inputs by position, so each input keeps all its columns.
      return union.withNewChildren(union.children().stream()
          .map(child -> prune(child, idsOf(child.output()))).toList());
    }
    throw new IllegalStateException("PruneColumns does not know how to prune " + node.nodeString());
  }

  /**
   * The entries whose column is required, in their order; the same list when all are. When none is,
   * the cheapest entry: a plain column before a computed one, then the narrowest type, then the first.
   */
  private static <T extends Expression> List<T> keepRequired(List<T> entries, Set<Long> required,
      ToLongFunction<T> producedId) {
    List<T> kept = new ArrayList<>(entries.size());
    for (T entry : entries) {
      if (required.contains(producedId.applyAsLong(entry))) {
        kept.add(entry);
      }
    }
    // A lone entry is kept even when nothing requires it, so it is "all kept" too: returning a new
    // list here would make the rule report a change on every pass.
    if (kept.size() == entries.size() || entries.size() == 1) {
      return entries;
    }
    if (kept.isEmpty()) {
      Comparator<T> cheapestFirst = Comparator.<T>comparingInt(entry -> entry instanceof AttributeReference ? 0 : 1)
          .thenComparingInt(entry -> entry.dataType().defaultSize());
      return List.of(entries.stream().min(cheapestFirst).orElseThrow());
    }
    return List.copyOf(kept);
  }

  /**
   * A join side that is a filter drops the columns only the filter read ({@code o_comment} under TPC-H
   * Q13's join): a built side would otherwise copy them into its table.
   */
  private static LogicalPlan narrowFiltered(LogicalPlan side, Set<Long> required) {
    return side instanceof Filter ? narrow(side, required) : side;
  }

  /** {@code child} under a project of only the required columns, when it produces others too. */
  private static LogicalPlan narrow(LogicalPlan child, Set<Long> required) {
    List<AttributeReference> output = child.output();
    List<AttributeReference> kept = output.stream().filter(column -> required.contains(column.exprId())).toList();
    if (kept.isEmpty() || kept.size() == output.size()) {
      return child;
    }
    return new Project(List.copyOf(kept), child);
  }

  private static Set<Long> union(Set<Long> first, Set<Long> second) {
    Set<Long> all = new HashSet<>(first);
    all.addAll(second);
    return all;
  }

  private static Set<Long> idsOf(List<AttributeReference> attributes) {
    Set<Long> ids = new HashSet<>();
    attributes.forEach(attribute -> ids.add(attribute.exprId()));
    return ids;
  }

  private static boolean sameColumns(List<AttributeReference> actual, List<AttributeReference> expected) {
    if (actual.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < actual.size(); i++) {
      if (actual.get(i).exprId() != expected.get(i).exprId()) {
        return false;
      }
    }
    return true;
  }
}
