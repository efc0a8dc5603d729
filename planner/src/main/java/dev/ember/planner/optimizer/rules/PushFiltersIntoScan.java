package dev.ember.planner.optimizer.rules;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.optimizer.OptimizerRule;
import dev.ember.planner.sources.TableSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers a filter's conjuncts to the scan below it, so a source that keeps statistics can skip data
 * that cannot match, and a partitioned source can skip whole partition directories
 * ({@code PartitionFilters}). The filter stays: skipping is by proof of absence, never a replacement
 * for evaluating the condition.
 *
 * <pre>
 * Filter (age#2 &gt; 26)                Filter (age#2 &gt; 26)
 * +- Relation [age#2] parquet    =&gt;   +- Relation [age#2] parquet, PushedFilters: [(age#2 &gt; 26)]
 * </pre>
 *
 * Does not fire when the source takes none of the conjuncts, or already holds exactly these.
 */
public final class PushFiltersIntoScan implements OptimizerRule {
  @Override
  public String name() {
    return "PushFiltersIntoScan";
  }

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformUp(node -> {
      if (!(node instanceof Filter filter) || !(filter.child() instanceof ScanRelation scan)) {
        return node;
      }
      List<Expression> conjuncts = conjuncts(filter.condition());
      if (scan.source().pushedFilters().equals(conjuncts)) {
        return node;
      }
      TableSource pushed = scan.source().withPushedFilters(conjuncts);
      if (pushed == scan.source() || (pushed.pushedFilters().equals(scan.source().pushedFilters())
          && pushed.partitionFilters().equals(scan.source().partitionFilters()))) {
        return node;
      }
      return new Filter(filter.condition(), new ScanRelation(pushed, scan.output()));
    });
  }

  static List<Expression> conjuncts(Expression condition) {
    List<Expression> out = new ArrayList<>();
    collect(condition, out);
    return List.copyOf(out);
  }

  private static void collect(Expression condition, List<Expression> out) {
    if (condition instanceof And and) {
      collect(and.left(), out);
      collect(and.right(), out);
    } else {
      out.add(condition);
    }
  }
}
