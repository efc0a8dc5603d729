package dev.ember.planner.physical;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Chooses an operator for each node of an optimized logical plan. */
public final class PhysicalPlanner {
  private final SizeEstimates sizes = new SizeEstimates();

  public PhysicalPlan plan(LogicalPlan logical) {
    // Java 17 has no pattern switch; the sealed hierarchy keeps this chain complete.
    if (logical instanceof ScanRelation scan) {
      return ScanExec.of(scan.source(), scan.output(), scan.columnIndexes());
    } else if (logical instanceof RangeRelation range) {
      return new RangeExec(range);
    } else if (logical instanceof Filter filter) {
      return new FilterExec(filter.condition(), plan(filter.child()));
    } else if (logical instanceof Project project) {
      return new ProjectExec(project.projectList(), plan(project.child()));
    } else if (logical instanceof Aggregate aggregate) {
      return planAggregate(aggregate);
    } else if (logical instanceof Limit limit && limit.child() instanceof Sort sort) {
      return withSortKeysAsAttributes(sort.order(), plan(sort.child()),
          (order, child) -> new TakeOrderedExec(limit.limit(), order, child));
    } else if (logical instanceof Limit limit) {
      return new LimitExec(limit.limit(), plan(limit.child()));
    } else if (logical instanceof Sort sort) {
      return withSortKeysAsAttributes(sort.order(), plan(sort.child()), SortExec::new);
    } else if (logical instanceof Join join) {
      return planJoin(join);
    } else if (logical instanceof SubqueryAlias alias) {
      return plan(alias.child());
    } else if (logical instanceof BroadcastHint hint) {
      return plan(hint.child());
    } else if (logical instanceof InMemoryRelation cached) {
      return new InMemoryTableScanExec(cached.source(), cached.output());
    } else if (logical instanceof SinglePartition single) {
      return new SinglePartitionExec(plan(single.child()));
    } else if (logical instanceof Offset offset) {
      return new OffsetExec(offset.offset(), plan(offset.child()));
    } else if (logical instanceof ReplicateRows replicate) {
      return new ReplicateRowsExec(plan(replicate.child()));
    } else if (logical instanceof Union union) {
      return new UnionExec(plan(union.left()), plan(union.right()), union.output());
    } else if (logical instanceof dev.ember.planner.logical.Window window) {
      return WindowPlanning.plan(window, plan(window.child()));
    } else if (logical instanceof dev.ember.planner.logical.Generate generate) {
      return new GenerateExec(generate.generator(), generate.generatorOutput(), plan(generate.child()));
    }
    throw new IllegalArgumentException("no physical operator for " + logical.nodeString());
  }

  /**
   * Splits an aggregate into the calls each worker updates and the expressions computed from the
   * merged groups: {@code [city, sum(age) + 1 AS x]} becomes calls {@code [sum(age) AS sum(age)#7]}
   * and results {@code [city, sum(age)#7 + 1 AS x]}.
   */
  private PhysicalPlan planAggregate(Aggregate aggregate) {
    List<Expression> grouping = new ArrayList<>();
    Map<Expression, AttributeReference> groupingColumns = new LinkedHashMap<>();
    for (Expression expression : aggregate.groupingExpressions()) {
      if (expression instanceof AttributeReference attribute) {
        grouping.add(attribute);
        groupingColumns.put(attribute, attribute);
      } else if (expression instanceof Alias alias) {
        // groupBy(expr.alias("b")): the alias already names the column; keep its id so the select
        // list's reference to it (the same alias) resolves to the grouping column.
        grouping.add(alias);
        groupingColumns.put(alias, alias.toAttribute());
        groupingColumns.put(alias.child(), alias.toAttribute());
      } else {
        Alias alias = Alias.of(expression, expression.sql());
        grouping.add(alias);
        groupingColumns.put(expression, alias.toAttribute());
      }
    }
    Map<AggregateCall, Alias> calls = new LinkedHashMap<>();
    List<Expression> results = new ArrayList<>();
    for (Expression named : aggregate.aggregateExpressions()) {
      // "sum(age) AS s#5" keeps its alias as the call's column, so the result is just s#5 and the
      // merged table needs no projection afterwards.
      if (named instanceof Alias alias && alias.child() instanceof AggregateCall call && !calls.containsKey(call)) {
        calls.put(call, alias);
        results.add(alias.toAttribute());
        continue;
      }
      results.add(named.transformDown(expression -> {
        if (expression instanceof AggregateCall call) {
          return calls.computeIfAbsent(call, c -> Alias.of(c, c.sql())).toAttribute();
        }
        AttributeReference groupingColumn = groupingColumns.get(expression);
        return groupingColumn != null && !(expression instanceof AttributeReference) ? groupingColumn : expression;
      }));
    }
    return new HashAggregateExec(grouping, List.copyOf(calls.values()), results, plan(aggregate.child()));
  }

  /**
   * A hash join when the condition has equal keys across the sides, else a nested-loop join. The
   * smaller side by {@link SizeEstimates} builds (a broadcast hint makes its side the smallest), among
   * the sides the join type lets build; the right one on a tie.
   */
  private PhysicalPlan planJoin(Join join) {
    Set<Long> leftIds = join.left().output().stream().map(AttributeReference::exprId).collect(Collectors.toSet());
    Set<Long> rightIds = join.right().output().stream().map(AttributeReference::exprId).collect(Collectors.toSet());
    EquiJoinKeys keys = EquiJoinKeys.extract(join.condition(), leftIds, rightIds);
    BuildSide buildSide = buildSide(join);
    PhysicalPlan left = plan(join.left());
    PhysicalPlan right = plan(join.right());
    if (!keys.leftKeys().isEmpty()) {
      return new HashJoinExec(keys.leftKeys(), keys.rightKeys(), keys.nullSafe(), join.joinType(), buildSide,
          keys.residual(), left, right);
    }
    return new NestedLoopJoinExec(join.joinType(), buildSide, join.condition(), left, right);
  }

  private BuildSide buildSide(Join join) {
    boolean leftAllowed = JoinOutputs.canBuild(join.joinType(), BuildSide.LEFT);
    boolean rightAllowed = JoinOutputs.canBuild(join.joinType(), BuildSide.RIGHT);
    if (leftAllowed != rightAllowed) {
      return leftAllowed ? BuildSide.LEFT : BuildSide.RIGHT;
    }
    return sizes.of(join.left()) < sizes.of(join.right()) ? BuildSide.LEFT : BuildSide.RIGHT;
  }

  private interface SortBuilder {
    PhysicalPlan build(List<SortOrder> order, PhysicalPlan child);
  }

  /**
   * Sort operators sort by columns. Keys that are expressions ({@code orderBy(age + 1)}) are computed
   * by a projection below the sort and dropped by one above it.
   */
  private static PhysicalPlan withSortKeysAsAttributes(List<SortOrder> order, PhysicalPlan child, SortBuilder builder) {
    if (order.stream().allMatch(key -> key.child() instanceof AttributeReference)) {
      return builder.build(order, child);
    }
    List<Expression> extended = new ArrayList<>(child.output());
    List<SortOrder> keys = new ArrayList<>();
    for (SortOrder key : order) {
      if (key.child() instanceof AttributeReference) {
        keys.add(key);
      } else {
        Alias computed = Alias.of(key.child(), key.child().sql());
        extended.add(computed);
        keys.add(new SortOrder(computed.toAttribute(), key.ascending(), key.nullsFirst()));
      }
    }
    PhysicalPlan sorted = builder.build(keys, new ProjectExec(extended, child));
    return new ProjectExec(List.copyOf(child.output()), sorted);
  }
}
