package dev.ember.planner.statistics;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.BroadcastHint;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.InMemoryRelation;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Offset;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.RangeRelation;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.logical.Union;
import dev.ember.planner.sources.TableSource;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates how many rows each logical plan node outputs, from what sources know without reading
 * (Parquet footers: row counts and value ranges; in-memory data: its size) and fixed guesses for the
 * rest. The estimates order join inputs and choose the side to build; they are never used where a
 * wrong one could change an answer.
 *
 * <p>An equi-join keeps {@code 1 / min(distinct(a), distinct(b))} of the cross product, where a
 * column's distinct count is that of its whole domain (a scanned key: all of the table's keys, even
 * after a filter). For a foreign key joined to a filtered primary key this gives the foreign-key
 * side's rows times the fraction of keys the filter kept, and for two low-cardinality columns (two
 * nation keys) the many-to-many product. One estimator memoizes by plan node identity, so build one
 * per planning pass.
 */
public final class CardinalityEstimator {
  /** Rows of a source that knows neither its size nor its statistics: large, so it is not built. */
  static final double UNKNOWN_ROWS = 1e12;
  private static final double MAX_ROWS = 1e30;
  /** The fraction of left rows an anti join keeps when the estimate says none: it is rarely zero. */
  private static final double MIN_ANTI_FRACTION = 0.1;

  private final Map<LogicalPlan, Estimate> memo = new IdentityHashMap<>();

  public Estimate estimate(LogicalPlan plan) {
    Estimate known = memo.get(plan);
    if (known == null) {
      known = withEveryColumn(plan, compute(plan));
      memo.put(plan, known);
    }
    return known;
  }

  /** Estimated output rows times the width of a row of {@code plan}'s columns, for choosing a build side. */
  public double bytes(LogicalPlan plan) {
    double width = 0;
    for (AttributeReference column : plan.output()) {
      width += column.dataType().defaultSize();
    }
    return estimate(plan).rows() * Math.max(1, width);
  }

  /**
   * The fraction of the cross product of two inputs an inner join keeps on {@code conjuncts}, given
   * the estimate of both inputs' columns together and the ids of the left input's columns. The
   * equalities between the sides form one key: each side's key has at most the product of its
   * columns' distinct counts, and no more than the rows of the relation its columns come from, and
   * the join keeps {@code 1 / min(left key, right key)} of the pairs. Other conjuncts are filters.
   */
  public static double joinSelectivity(List<Expression> conjuncts, Set<Long> leftIds, Estimate columns) {
    double selectivity = 1;
    double leftKey = 1;
    double rightKey = 1;
    double leftSource = 0;
    double rightSource = 0;
    boolean keyed = false;
    for (Expression conjunct : conjuncts) {
      AttributeReference[] pair = equalColumns(conjunct);
      if (pair == null) {
        selectivity *= FilterSelectivity.of(conjunct, columns);
        continue;
      }
      boolean firstLeft = leftIds.contains(pair[0].exprId());
      boolean secondLeft = leftIds.contains(pair[1].exprId());
      if (firstLeft == secondLeft) {
        ColumnEstimate first = columns.column(pair[0].exprId());
        ColumnEstimate second = columns.column(pair[1].exprId());
        selectivity /= Math.max(1, Math.min(first.distinct(), second.distinct()));
        continue;
      }
      ColumnEstimate left = columns.column((firstLeft ? pair[0] : pair[1]).exprId());
      ColumnEstimate right = columns.column((firstLeft ? pair[1] : pair[0]).exprId());
      leftKey = capped(leftKey * left.distinct());
      rightKey = capped(rightKey * right.distinct());
      leftSource = Math.max(leftSource, left.sourceRows());
      rightSource = Math.max(rightSource, right.sourceRows());
      keyed = true;
    }
    if (keyed) {
      selectivity /= Math.max(1, Math.min(Math.min(leftKey, leftSource), Math.min(rightKey, rightSource)));
    }
    return selectivity;
  }

  /** The two columns of {@code a = b} or {@code a <=> b}, or null. */
  private static AttributeReference[] equalColumns(Expression conjunct) {
    if (conjunct instanceof Comparison comparison
        && (comparison.operator() == ComparisonOperator.EQUAL_TO
            || comparison.operator() == ComparisonOperator.NULL_SAFE_EQUAL)) {
      AttributeReference left = FilterSelectivity.column(comparison.left());
      AttributeReference right = FilterSelectivity.column(comparison.right());
      return left != null && right != null ? new AttributeReference[] {left, right} : null;
    }
    return null;
  }

  /** Output columns the computation said nothing about: at most one distinct value per row. */
  private static Estimate withEveryColumn(LogicalPlan plan, Estimate estimate) {
    Map<Long, ColumnEstimate> columns = null;
    for (AttributeReference column : plan.output()) {
      if (!estimate.columns().containsKey(column.exprId())) {
        if (columns == null) {
          columns = new HashMap<>(estimate.columns());
        }
        columns.put(column.exprId(), ColumnEstimate.unknown(Math.max(1, estimate.rows())));
      }
    }
    return columns == null ? estimate : new Estimate(estimate.rows(), columns);
  }

  private Estimate compute(LogicalPlan plan) {
    if (plan instanceof ScanRelation scan) {
      return source(scan.source(), scan.output());
    } else if (plan instanceof InMemoryRelation relation) {
      return source(relation.source(), relation.output());
    } else if (plan instanceof RangeRelation range) {
      double rows = range.count();
      double last = range.start() + (rows - 1) * range.step();
      return new Estimate(rows, Map.of(range.id().exprId(),
          new ColumnEstimate(Math.max(1, rows), Math.max(1, rows), Math.min(range.start(), last),
              Math.max(range.start(), last))));
    } else if (plan instanceof Filter filter) {
      Estimate input = estimate(filter.child());
      double rows = input.rows() * FilterSelectivity.of(filter.condition(), input);
      return new Estimate(Math.max(1, rows), FilterSelectivity.restrictColumns(filter.condition(), input));
    } else if (plan instanceof Project project) {
      return project(project.projectList(), estimate(project.child()), estimate(project.child()).rows());
    } else if (plan instanceof Aggregate aggregate) {
      return aggregate(aggregate);
    } else if (plan instanceof Join join) {
      return join(join);
    } else if (plan instanceof Union union) {
      return new Estimate(capped(estimate(union.left()).rows() + estimate(union.right()).rows()), Map.of());
    } else if (plan instanceof Limit limit) {
      Estimate input = estimate(limit.child());
      return input.withRows(Math.min(limit.limit(), input.rows()));
    } else if (plan instanceof Offset offset) {
      Estimate input = estimate(offset.child());
      return input.withRows(Math.max(0, input.rows() - offset.offset()));
    } else if (plan instanceof BroadcastHint hint) {
      return estimate(hint.child());
    }
    // Sort, window, repartition, alias, generate …: as many rows as the (first) input.
    List<LogicalPlan> children = plan.children();
    return children.isEmpty() ? new Estimate(1, Map.of()) : estimate(children.get(0));
  }

  private static Estimate source(TableSource source, List<AttributeReference> output) {
    Optional<TableStatistics> statistics = source.statistics();
    double rows;
    if (statistics.isPresent()) {
      rows = statistics.get().rowCount();
    } else if (source.sizeInBytes().isPresent()) {
      double width = 0;
      for (var field : source.schema().fields()) {
        width += field.dataType().defaultSize();
      }
      rows = source.sizeInBytes().getAsLong() / Math.max(1, width);
    } else {
      rows = UNKNOWN_ROWS;
    }
    Map<Long, ColumnEstimate> columns = new HashMap<>();
    for (AttributeReference column : output) {
      TableStatistics.ValueRange range = statistics.map(known -> known.ranges().get(column.name())).orElse(null);
      columns.put(column.exprId(), column(column.dataType(), range, rows));
    }
    return new Estimate(Math.max(1, rows), columns);
  }

  /** A scanned column: at most one distinct value per row, and per representable value in its range. */
  private static ColumnEstimate column(DataType type, TableStatistics.ValueRange range, double rows) {
    double sourceRows = Math.max(1, rows);
    double distinct = sourceRows;
    if (type instanceof BooleanType) {
      distinct = Math.min(distinct, 2);
    }
    if (range == null || !(range.max() >= range.min())) {
      return new ColumnEstimate(distinct, sourceRows, Double.NaN, Double.NaN);
    }
    double step = integralStep(type);
    if (step > 0) {
      distinct = Math.min(distinct, (range.max() - range.min()) / step + 1);
    }
    return new ColumnEstimate(Math.max(1, distinct), sourceRows, range.min(), range.max());
  }

  /** The distance between neighbouring values of an exact numeric type, or 0 for others. */
  private static double integralStep(DataType type) {
    if (type instanceof IntegerType || type instanceof LongType || type instanceof ShortType
        || type instanceof ByteType || type instanceof DateType) {
      return 1;
    }
    return type instanceof DecimalType decimal ? Math.pow(10, -decimal.scale()) : 0;
  }

  private static Estimate project(List<Expression> projectList, Estimate input, double rows) {
    Map<Long, ColumnEstimate> columns = new HashMap<>();
    for (Expression named : projectList) {
      if (named instanceof AttributeReference attribute) {
        columns.put(attribute.exprId(), input.column(attribute.exprId()));
      } else if (named instanceof Alias alias && alias.child() instanceof AttributeReference attribute) {
        columns.put(alias.exprId(), input.column(attribute.exprId()));
      }
    }
    return new Estimate(rows, columns);
  }

  /** One row per group: at most the input's rows, and at most the product of the keys' distinct counts. */
  private Estimate aggregate(Aggregate aggregate) {
    Estimate input = estimate(aggregate.child());
    double groups = 1;
    for (Expression key : aggregate.groupingExpressions()) {
      AttributeReference column = FilterSelectivity.column(key);
      groups = capped(groups * (column != null ? input.column(column.exprId()).distinct() : input.rows()));
    }
    double rows = aggregate.groupingExpressions().isEmpty() ? 1 : Math.max(1, Math.min(input.rows(), groups));
    Estimate keys = project(aggregate.aggregateExpressions(), input, rows);
    Map<Long, ColumnEstimate> columns = new HashMap<>();
    keys.columns().forEach((id, column) -> columns.put(id, column.asColumnOf(rows)));
    return new Estimate(rows, columns);
  }

  private Estimate join(Join join) {
    Estimate left = estimate(join.left());
    Estimate right = estimate(join.right());
    Map<Long, ColumnEstimate> columns = new HashMap<>(right.columns());
    columns.putAll(left.columns());
    Estimate both = new Estimate(1, columns);
    List<Expression> conjuncts = new ArrayList<>();
    join.condition().ifPresent(condition -> split(condition, conjuncts));
    Set<Long> leftIds = new HashSet<>();
    join.left().output().forEach(column -> leftIds.add(column.exprId()));
    double selectivity = joinSelectivity(conjuncts, leftIds, both);
    double inner = capped(left.rows() * right.rows() * selectivity);
    double matchedFraction = Math.min(1, right.rows() * selectivity);
    double rows = switch (join.joinType()) {
      case INNER, CROSS -> inner;
      case LEFT_OUTER -> Math.max(left.rows(), inner);
      case RIGHT_OUTER -> Math.max(right.rows(), inner);
      case FULL_OUTER -> Math.max(inner, Math.max(left.rows(), right.rows()));
      case LEFT_SEMI -> left.rows() * matchedFraction;
      case LEFT_ANTI -> left.rows() * Math.max(MIN_ANTI_FRACTION, 1 - matchedFraction);
    };
    return new Estimate(Math.max(1, rows), join.joinType().leftOnly() ? left.columns() : columns);
  }

  static void split(Expression condition, List<Expression> out) {
    if (condition instanceof And and) {
      split(and.left(), out);
      split(and.right(), out);
    } else {
      out.add(condition);
    }
  }

  private static double capped(double rows) {
    return Double.isNaN(rows) ? MAX_ROWS : Math.min(MAX_ROWS, rows);
  }
}
