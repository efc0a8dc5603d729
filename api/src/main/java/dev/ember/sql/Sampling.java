package dev.ember.sql;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.CaseWhen;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ReplicateRows;
import dev.ember.planner.logical.SinglePartition;
import dev.ember.planner.logical.Sort;
import dev.ember.sql.types.MapType;
import java.util.ArrayList;
import java.util.List;

/**
 * The plans of {@code sample} and {@code randomSplit}, built from Spark's {@code rand(seed)} sequence.
 * The input reaches the sampling filter as one ordered stream ({@link SinglePartition}), so each row
 * gets the same draw in every run and in every split, however the workers share the input.
 */
final class Sampling {
  /** Poisson probabilities below this are treated as zero: the largest count is then far out in the tail. */
  private static final double NEGLIGIBLE_TAIL = 1e-15;

  private Sampling() {}

  /**
   * The rows whose {@code rand(seed)} value is in {@code [lowerBound, upperBound)}: Spark's Bernoulli
   * cell sampler, which draws one value per row in input order.
   */
  static LogicalPlan between(LogicalPlan input, double lowerBound, double upperBound, long seed) {
    LogicalPlan child = new SinglePartition(input);
    Expression random = random(seed);
    if (lowerBound <= 0) {
      // Every draw passes the lower bound 0, so one comparison reads the single draw.
      return new Filter(new Comparison(ComparisonOperator.LESS_THAN, random, Literal.fromJava(upperBound)), child);
    }
    // Both bounds read one draw: compute it once in a projection below the filter.
    List<Expression> projectList = new ArrayList<>(child.output());
    Alias draw = Alias.of(random, "__sample_draw");
    projectList.add(draw);
    Project withDraw = new Project(projectList, child);
    Expression value = new UnresolvedAttribute(draw.name());
    Expression inRange = new And(
        new Comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, value, Literal.fromJava(lowerBound)),
        new Comparison(ComparisonOperator.LESS_THAN, value, Literal.fromJava(upperBound)));
    return new Project(List.copyOf(child.output()), new Filter(inRange, withDraw));
  }

  /**
   * Each row repeated a Poisson({@code fraction}) number of times, the count found by inverting the
   * Poisson distribution function at the row's {@code rand(seed)} value.
   */
  static LogicalPlan withReplacement(LogicalPlan input, double fraction, long seed) {
    LogicalPlan child = new SinglePartition(input);
    List<Expression> withDraw = new ArrayList<>(child.output());
    Alias draw = Alias.of(random(seed), "__sample_draw");
    withDraw.add(draw);
    LogicalPlan drawn = new Project(withDraw, child);
    List<Expression> conditions = new ArrayList<>();
    List<Expression> counts = new ArrayList<>();
    double probability = Math.exp(-fraction);
    double cumulative = probability;
    long count = 0;
    while (1 - cumulative > NEGLIGIBLE_TAIL && count < 10_000) {
      conditions.add(new Comparison(ComparisonOperator.LESS_THAN, new UnresolvedAttribute(draw.name()),
          Literal.fromJava(cumulative)));
      counts.add(Literal.fromJava(count));
      count++;
      probability = probability * fraction / count;
      cumulative += probability;
    }
    Expression copies = conditions.isEmpty() ? Literal.fromJava(count)
        : new CaseWhen(conditions, counts, Literal.fromJava(count));
    List<Expression> projectList = new ArrayList<>();
    projectList.add(Alias.of(copies, "__sample_copies"));
    projectList.addAll(child.output());
    return new ReplicateRows(new Project(projectList, drawn));
  }

  /** The input sorted by every column that can be ordered, as Spark sorts before splitting. */
  static LogicalPlan sortedByEveryColumn(LogicalPlan child) {
    List<SortOrder> order = new ArrayList<>();
    for (AttributeReference column : child.output()) {
      if (!(column.dataType() instanceof MapType)) {
        order.add(SortOrder.ascending(column));
      }
    }
    return order.isEmpty() ? child : new Sort(order, child);
  }

  private static Expression random(long seed) {
    return new UnresolvedFunction("rand", List.of(Literal.fromJava(seed)), false);
  }
}
