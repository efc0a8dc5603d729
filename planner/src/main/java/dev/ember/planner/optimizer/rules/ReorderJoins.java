package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.optimizer.OptimizerRule;
import dev.ember.planner.statistics.CardinalityEstimator;
import dev.ember.planner.statistics.ColumnEstimate;
import dev.ember.planner.statistics.Estimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reorders a tree of inner joins by estimated sizes, so that selective joins run first and hash tables
 * are built over small inputs. A program joins tables in the order it was written — for TPC-H Q2,
 * {@code partsupp ⋈ supplier ⋈ nation ⋈ region('EUROPE')} probes all of partsupp through three hash
 * tables before the region filter drops four fifths of it — and Spark runs that order as written (its
 * cost-based reordering is off by default). Inner joins commute, so any order gives the same rows.
 *
 * <p>The relations of a maximal tree of inner joins with deterministic conditions are joined again in
 * the order {@link JoinOrderSearch} finds cheapest on the {@link CardinalityEstimator}'s estimates, a
 * condition at the lowest join that has all of its columns; a condition reading one relation becomes
 * a filter on it. The written order is kept unless the new one is estimated clearly cheaper, so plans
 * the estimates cannot tell apart stay as the user wrote them. A projection on top restores the
 * columns' order. The larger input of each new join is its left (probe) side.
 */
public final class ReorderJoins implements OptimizerRule {
  /** A new order must cost at most this share of the written one's estimate. */
  private static final double REQUIRED_SHARE = 0.7;

  @Override
  public String name() {
    return "ReorderJoins";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return rewrite(plan, new CardinalityEstimator());
  }

  private LogicalPlan rewrite(LogicalPlan node, CardinalityEstimator estimator) {
    if (inGroup(node)) {
      return reorder((Join) node, estimator);
    }
    return node.mapChildren(child -> rewrite(child, estimator));
  }

  /** Inner joins whose conditions may move: the nodes a reorderable group is made of. */
  private static boolean inGroup(LogicalPlan node) {
    return node instanceof Join join && (join.joinType() == JoinType.INNER || join.joinType() == JoinType.CROSS)
        && join.condition().map(Determinism::isDeterministic).orElse(true);
  }

  private LogicalPlan reorder(Join root, CardinalityEstimator estimator) {
    List<LogicalPlan> writtenLeaves = new ArrayList<>();
    List<Expression> conjuncts = new ArrayList<>();
    flatten(root, writtenLeaves, conjuncts);
    List<LogicalPlan> leaves = writtenLeaves.stream().map(leaf -> rewrite(leaf, estimator)).toList();
    LogicalPlan written = withLeaves(root, leaves.iterator());
    if (leaves.size() < 3 || leaves.size() > JoinOrderSearch.MAX_RELATIONS
        || leaves.stream().anyMatch(leaf -> leaf.output().isEmpty())) {
      return written;
    }
    JoinGroup group = new JoinGroup(leaves, conjuncts, estimator);
    if (!(group.search.bestCost() < REQUIRED_SHARE * group.writtenCost(written))) {
      return written;
    }
    LogicalPlan reordered = group.build((1 << leaves.size()) - 1);
    if (!group.rootConditions.isEmpty()) {
      Join top = (Join) reordered;
      List<Expression> all = new ArrayList<>(top.condition().map(JoinConjuncts::split).orElse(List.of()));
      all.addAll(group.rootConditions);
      reordered = top.withCondition(JoinConjuncts.and(all));
    }
    List<Long> writtenOrder = root.output().stream().map(AttributeReference::exprId).toList();
    List<Long> newOrder = reordered.output().stream().map(AttributeReference::exprId).toList();
    return writtenOrder.equals(newOrder) ? reordered : new Project(List.copyOf(root.output()), reordered);
  }

  /** The relations under a group's joins, left to right, and the conjuncts of their conditions. */
  private static void flatten(LogicalPlan node, List<LogicalPlan> leaves, List<Expression> conjuncts) {
    if (inGroup(node)) {
      Join join = (Join) node;
      flatten(join.left(), leaves, conjuncts);
      flatten(join.right(), leaves, conjuncts);
      join.condition().ifPresent(condition -> conjuncts.addAll(JoinConjuncts.split(condition)));
    } else {
      leaves.add(node);
    }
  }

  /** The written tree with its relations replaced, in the order {@link #flatten} found them. */
  private static LogicalPlan withLeaves(LogicalPlan node, Iterator<LogicalPlan> leaves) {
    if (inGroup(node)) {
      Join join = (Join) node;
      LogicalPlan left = withLeaves(join.left(), leaves);
      LogicalPlan right = withLeaves(join.right(), leaves);
      return join.withNewChildren(List.of(left, right));
    }
    return leaves.next();
  }

  /** One group's relations, conditions and estimates, and the search over them. */
  private static final class JoinGroup {
    private final List<LogicalPlan> relations = new ArrayList<>();
    private final Map<Long, Integer> relationOfColumn = new HashMap<>();
    private final List<Expression> joinConditions = new ArrayList<>();
    private final List<Integer> joinConditionMasks = new ArrayList<>();
    private final List<Expression> rootConditions = new ArrayList<>();
    private final JoinOrderSearch search;

    JoinGroup(List<LogicalPlan> leaves, List<Expression> conjuncts, CardinalityEstimator estimator) {
      for (int i = 0; i < leaves.size(); i++) {
        for (AttributeReference column : leaves.get(i).output()) {
          relationOfColumn.put(column.exprId(), i);
        }
      }
      List<List<Expression>> relationFilters = new ArrayList<>();
      leaves.forEach(leaf -> relationFilters.add(new ArrayList<>()));
      for (Expression conjunct : conjuncts) {
        int mask = maskOf(conjunct);
        if (mask == 0) {
          rootConditions.add(conjunct);
        } else if (Integer.bitCount(mask) == 1) {
          relationFilters.get(Integer.numberOfTrailingZeros(mask)).add(conjunct);
        } else {
          joinConditions.add(conjunct);
          joinConditionMasks.add(mask);
        }
      }
      Map<Long, ColumnEstimate> columns = new HashMap<>();
      double[] relationRows = new double[leaves.size()];
      for (int i = 0; i < leaves.size(); i++) {
        List<Expression> filters = relationFilters.get(i);
        LogicalPlan relation = filters.isEmpty() ? leaves.get(i) : new Filter(JoinConjuncts.and(filters), leaves.get(i));
        relations.add(relation);
        Estimate estimate = estimator.estimate(relation);
        relationRows[i] = estimate.rows();
        columns.putAll(estimate.columns());
      }
      // Conditions between the same relations are estimated together: a composite key is one key.
      Estimate allColumns = new Estimate(1, columns);
      Map<Integer, List<Expression>> conditionsByMask = new LinkedHashMap<>();
      for (int i = 0; i < joinConditions.size(); i++) {
        conditionsByMask.computeIfAbsent(joinConditionMasks.get(i), mask -> new ArrayList<>()).add(joinConditions.get(i));
      }
      double[] selectivities = new double[conditionsByMask.size()];
      int[] masks = new int[conditionsByMask.size()];
      int next = 0;
      for (Map.Entry<Integer, List<Expression>> entry : conditionsByMask.entrySet()) {
        int mask = entry.getKey();
        Set<Long> lowestRelationColumns = new HashSet<>();
        leaves.get(Integer.numberOfTrailingZeros(mask)).output()
            .forEach(column -> lowestRelationColumns.add(column.exprId()));
        selectivities[next] = CardinalityEstimator.joinSelectivity(entry.getValue(), lowestRelationColumns, allColumns);
        masks[next++] = mask;
      }
      search = new JoinOrderSearch(relationRows, masks, selectivities);
    }

    private int maskOf(Expression expression) {
      int mask = 0;
      for (long id : References.of(expression)) {
        Integer relation = relationOfColumn.get(id);
        if (relation != null) {
          mask |= 1 << relation;
        }
      }
      return mask;
    }

    /** The estimated cost of the written tree, on the same model as the search. */
    double writtenCost(LogicalPlan written) {
      return costOf(written)[1];
    }

    /** {mask of the relations under node, cost of its joins}. */
    private double[] costOf(LogicalPlan node) {
      if (!inGroup(node)) {
        return new double[] {maskOfRelation(node), 0};
      }
      Join join = (Join) node;
      double[] left = costOf(join.left());
      double[] right = costOf(join.right());
      int leftMask = (int) left[0];
      int rightMask = (int) right[0];
      return new double[] {leftMask | rightMask, left[1] + right[1] + search.joinCostOf(leftMask, rightMask)};
    }

    private int maskOfRelation(LogicalPlan leaf) {
      int mask = 0;
      for (AttributeReference column : leaf.output()) {
        mask |= 1 << relationOfColumn.get(column.exprId());
      }
      return mask;
    }

    /** The cheapest tree over {@code subset}, the larger input on the left of each join. */
    LogicalPlan build(int subset) {
      if (Integer.bitCount(subset) == 1) {
        return relations.get(Integer.numberOfTrailingZeros(subset));
      }
      int part = search.bestSplit(subset);
      int other = subset & ~part;
      int probe = search.rows(part) >= search.rows(other) ? part : other;
      int build = subset & ~probe;
      List<Expression> condition = new ArrayList<>();
      for (int i = 0; i < joinConditions.size(); i++) {
        int mask = joinConditionMasks.get(i);
        if ((mask & ~subset) == 0 && (mask & ~part) != 0 && (mask & ~other) != 0) {
          condition.add(joinConditions.get(i));
        }
      }
      return new Join(build(probe), build(build), JoinType.INNER, JoinConjuncts.and(condition));
    }
  }
}
