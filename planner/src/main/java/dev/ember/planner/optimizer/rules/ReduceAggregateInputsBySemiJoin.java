package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.AttributeRenumbering;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.optimizer.OptimizerRule;
import dev.ember.planner.statistics.CardinalityEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Semi-join reduction of a grouped aggregate that is joined on its grouping key to a side whose keys
 * come from a filtered scan. TPC-H Q17 computes the average quantity of every part over all of
 * lineitem, then joins it to the 0.1 % of parts a filter keeps; Q2 and Q20 do the same over partsupp
 * and lineitem. Only groups whose key the filtered scan holds can ever match, so the aggregate's input
 * is first cut to those rows by a left semi join with a copy of that scan (fresh attribute ids), put
 * where the key column enters the aggregate's input, so that the rows are dropped in the scan's
 * pipeline before any hash table sees them. Spark injects the same kind of filter at run time (its
 * runtime filters); here the plan carries it, so results are exact and nothing waits on a build.
 *
 * <p>Why the answer stays the same: every row on the join's other side has a key the filtered scan
 * holds (the key is that scan's column, passed through filters, projections and joins that keep only
 * rows whose key equals it), and an {@code =} key never matches null. A group is computed from its own
 * rows only, so dropping the rows of groups that match nothing changes no group that does match.
 *
 * <p>It fires only when the reduction should pay: the scan's filter keeps at most half of its rows by
 * the estimates, and reading the scan again costs less than the rows it would cut.
 */
public final class ReduceAggregateInputsBySemiJoin implements OptimizerRule {
  /** The filtered scan must keep at most this share of its table by the estimates. */
  private static final double MAX_FILTER_SELECTIVITY = 0.5;

  @Override
  public String name() {
    return "ReduceAggregateInputsBySemiJoin";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    CardinalityEstimator estimator = new CardinalityEstimator();
    return plan.transformUp(node -> node instanceof Join join ? reduce(join, estimator) : node);
  }

  private LogicalPlan reduce(Join join, CardinalityEstimator estimator) {
    if (join.condition().isEmpty()) {
      return join;
    }
    Set<Long> leftIds = ids(join.left());
    Set<Long> rightIds = ids(join.right());
    for (Expression conjunct : JoinConjuncts.split(join.condition().get())) {
      Optional<AttributeReference[]> pair = equality(conjunct);
      if (pair.isEmpty()) {
        continue;
      }
      AttributeReference first = pair.get()[0];
      AttributeReference second = pair.get()[1];
      AttributeReference leftKey = leftIds.contains(first.exprId()) ? first : second;
      AttributeReference rightKey = leftKey == first ? second : first;
      if (!leftIds.contains(leftKey.exprId()) || !rightIds.contains(rightKey.exprId())) {
        continue;
      }
      if (aggregateMayBeOnRight(join.joinType())) {
        LogicalPlan reduced = reduceSide(join.right(), rightKey, join.left(), leftKey, estimator);
        if (reduced != null) {
          return new Join(join.left(), reduced, join.joinType(), join.condition());
        }
      }
      if (aggregateMayBeOnLeft(join.joinType())) {
        LogicalPlan reduced = reduceSide(join.left(), leftKey, join.right(), rightKey, estimator);
        if (reduced != null) {
          return new Join(reduced, join.right(), join.joinType(), join.condition());
        }
      }
    }
    return join;
  }

  /**
   * Join types whose right rows matter only when they match: groups that match nothing may go.
   */
  private static boolean aggregateMayBeOnRight(JoinType type) {
    return type == JoinType.INNER || type == JoinType.LEFT_SEMI || type == JoinType.LEFT_OUTER;
  }

  private static boolean aggregateMayBeOnLeft(JoinType type) {
    return type == JoinType.INNER || type == JoinType.LEFT_SEMI || type == JoinType.RIGHT_OUTER;
  }

  /**
   * {@code aggregateSide} with its aggregate's input cut by the filtered scan {@code otherSide}'s key
   * comes from, or null when the shapes or the estimates say no.
   */
  private LogicalPlan reduceSide(LogicalPlan aggregateSide, AttributeReference key, LogicalPlan otherSide,
      AttributeReference otherKey, CardinalityEstimator estimator) {
    List<KeySource> sources = new ArrayList<>();
    keySources(otherSide, otherKey, sources);
    if (sources.isEmpty()) {
      return null;
    }
    return withReducedAggregate(aggregateSide, key, sources, estimator);
  }

  /** A filtered scan and its column whose values every row of some plan's key is one of. */
  private record KeySource(Filter filteredScan, ScanRelation scan, AttributeReference column) {}

  /**
   * Collects the filtered scans whose column holds every value of {@code key} in {@code plan}'s rows:
   * down through filters, pass-through projections, and joins that keep only rows matching their other
   * side, also across their {@code =} conditions to the other side's column.
   */
  private static void keySources(LogicalPlan plan, AttributeReference key, List<KeySource> sources) {
    if (plan instanceof Filter filter) {
      ScanRelation scan = scanUnder(filter.child());
      if (scan != null && Determinism.isDeterministic(filter.condition())) {
        sources.add(new KeySource(filter, scan, key));
      } else {
        keySources(filter.child(), key, sources);
      }
    } else if (plan instanceof Project project) {
      AttributeReference below = passedThrough(project, key);
      if (below != null) {
        keySources(project.child(), below, sources);
      }
    } else if (plan instanceof Join join) {
      boolean onLeft = ids(join.left()).contains(key.exprId());
      JoinType type = join.joinType();
      boolean keepsOnlyMatches = type == JoinType.INNER || type == JoinType.LEFT_SEMI;
      if (onLeft && (keepsOnlyMatches || type == JoinType.LEFT_OUTER)) {
        keySources(join.left(), key, sources);
      } else if (!onLeft && (type == JoinType.INNER || type == JoinType.RIGHT_OUTER)) {
        keySources(join.right(), key, sources);
      }
      if (keepsOnlyMatches && join.condition().isPresent()) {
        for (Expression conjunct : JoinConjuncts.split(join.condition().get())) {
          equality(conjunct).ifPresent(pair -> {
            AttributeReference partner = pair[0].exprId() == key.exprId() ? pair[1]
                : pair[1].exprId() == key.exprId() ? pair[0] : null;
            if (partner != null) {
              keySources(onLeft ? join.right() : join.left(), partner, sources);
            }
          });
        }
      }
    }
  }

  /** The scan under a chain of projections, or null. */
  private static ScanRelation scanUnder(LogicalPlan plan) {
    LogicalPlan node = plan;
    while (node instanceof Project project) {
      node = project.child();
    }
    return node instanceof ScanRelation scan ? scan : null;
  }

  /**
   * Finds the aggregate grouped by {@code key} under {@code plan} (through filters and pass-through
   * projections) and returns {@code plan} with that aggregate's input reduced, or null.
   */
  private LogicalPlan withReducedAggregate(LogicalPlan plan, AttributeReference key, List<KeySource> sources,
      CardinalityEstimator estimator) {
    if (plan instanceof Filter filter) {
      LogicalPlan child = withReducedAggregate(filter.child(), key, sources, estimator);
      return child == null ? null : new Filter(filter.condition(), child);
    } else if (plan instanceof Project project) {
      AttributeReference below = passedThrough(project, key);
      LogicalPlan child = below == null ? null : withReducedAggregate(project.child(), below, sources, estimator);
      return child == null ? null : new Project(project.projectList(), child);
    } else if (plan instanceof Aggregate aggregate && groupsBy(aggregate, key)) {
      for (KeySource source : sources) {
        LogicalPlan input = withSemiJoin(aggregate.child(), key, source, estimator);
        if (input != null) {
          return new Aggregate(aggregate.groupingExpressions(), aggregate.aggregateExpressions(), input);
        }
      }
    }
    return null;
  }

  private static boolean groupsBy(Aggregate aggregate, AttributeReference key) {
    return aggregate.groupingExpressions().stream()
        .anyMatch(grouping -> grouping instanceof AttributeReference column && column.exprId() == key.exprId());
  }

  /**
   * {@code plan} with a semi join on {@code key} against a copy of the source's filtered scan where the
   * key's column enters it: below filters, pass-through projections and the key's side of joins that
   * do not null-pad that side. Null when the estimates say the copy costs more than it saves.
   */
  private LogicalPlan withSemiJoin(LogicalPlan plan, AttributeReference key, KeySource source,
      CardinalityEstimator estimator) {
    if (plan instanceof Project project && !(project.child() instanceof ScanRelation)) {
      AttributeReference below = passedThrough(project, key);
      LogicalPlan child = below == null ? null : withSemiJoin(project.child(), below, source, estimator);
      return child == null ? null : new Project(project.projectList(), child);
    }
    if (plan instanceof Filter filter && scanUnder(filter.child()) == null) {
      LogicalPlan child = withSemiJoin(filter.child(), key, source, estimator);
      return child == null ? null : new Filter(filter.condition(), child);
    }
    if (plan instanceof Join join) {
      if (alreadyReduces(join, key, source)) {
        return null;
      }
      boolean onLeft = ids(join.left()).contains(key.exprId());
      JoinType type = join.joinType();
      if (onLeft && (type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.LEFT_SEMI
          || type == JoinType.LEFT_ANTI || type == JoinType.LEFT_OUTER)) {
        LogicalPlan left = withSemiJoin(join.left(), key, source, estimator);
        return left == null ? null : new Join(left, join.right(), type, join.condition());
      }
      if (!onLeft && (type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER)) {
        LogicalPlan right = withSemiJoin(join.right(), key, source, estimator);
        return right == null ? null : new Join(join.left(), right, type, join.condition());
      }
    }
    if (!pays(plan, source, estimator) || !key.dataType().equals(source.column().dataType())) {
      return null;
    }
    AttributeRenumbering.Result copy = AttributeRenumbering.renumber(source.filteredScan());
    Long copiedColumn = copy.newIds().get(source.column().exprId());
    if (copiedColumn == null) {
      return null;
    }
    AttributeReference copiedKey = new AttributeReference(source.column().name(), source.column().dataType(),
        source.column().nullable(), copiedColumn);
    return new Join(plan, copy.plan(), JoinType.LEFT_SEMI,
        new Comparison(ComparisonOperator.EQUAL_TO, key, copiedKey));
  }

  /** Whether {@code join} is a semi join on {@code key} against a copy of the source's table: a second pass. */
  private static boolean alreadyReduces(Join join, AttributeReference key, KeySource source) {
    if (join.joinType() != JoinType.LEFT_SEMI || !(join.right() instanceof Filter filter)) {
      return false;
    }
    ScanRelation scan = scanUnder(filter.child());
    return scan != null && scan.source().equals(source.scan().source())
        && join.condition().flatMap(ReduceAggregateInputsBySemiJoin::equality)
            .map(pair -> pair[0].exprId() == key.exprId() || pair[1].exprId() == key.exprId()).orElse(false);
  }

  /**
   * Whether the filter keeps little of its table and the table is smaller than the rows the semi join
   * would filter, so that scanning it again is cheap next to what it saves.
   */
  private static boolean pays(LogicalPlan reduced, KeySource source, CardinalityEstimator estimator) {
    double tableRows = estimator.estimate(source.scan()).rows();
    double keptRows = estimator.estimate(source.filteredScan()).rows();
    return keptRows <= MAX_FILTER_SELECTIVITY * tableRows && tableRows < estimator.estimate(reduced).rows();
  }

  /** The column of the projection's input that the projection outputs as {@code key}, or null. */
  private static AttributeReference passedThrough(Project project, AttributeReference key) {
    for (Expression expression : project.projectList()) {
      if (expression instanceof AttributeReference column && column.exprId() == key.exprId()) {
        return column;
      }
      if (expression instanceof Alias alias && alias.exprId() == key.exprId()
          && alias.child() instanceof AttributeReference column) {
        return column;
      }
    }
    return null;
  }

  /** The two columns of an {@code =} between columns of one type, or empty. */
  private static Optional<AttributeReference[]> equality(Expression conjunct) {
    if (conjunct instanceof Comparison comparison && comparison.operator() == ComparisonOperator.EQUAL_TO
        && comparison.left() instanceof AttributeReference left && comparison.right() instanceof AttributeReference right
        && left.dataType().equals(right.dataType())) {
      return Optional.of(new AttributeReference[] {left, right});
    }
    return Optional.empty();
  }

  private static Set<Long> ids(LogicalPlan plan) {
    return plan.output().stream().map(AttributeReference::exprId).collect(Collectors.toSet());
  }
}
