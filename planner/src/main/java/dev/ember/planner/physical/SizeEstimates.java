package dev.ember.planner.physical;

import dev.ember.planner.logical.BroadcastHint;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.RangeRelation;
import dev.ember.planner.logical.ScanRelation;

/**
 * Rough output sizes in bytes, only to pick the smaller side of a join to build: a scan's file sizes,
 * a range's row count times 8, and otherwise the input's size (filters and projections are assumed
 * to keep everything, as Spark assumes without statistics). A semi or anti join outputs only rows of
 * its left side, so it is estimated as the left side alone: adding the right side made a query like
 * TPC-H Q18, whose left side ends in a semi join, build the 6-million-row probe side instead.
 * Unknown is {@link Long#MAX_VALUE}.
 */
final class SizeEstimates {
  private SizeEstimates() {}

  static long of(LogicalPlan plan) {
    if (plan instanceof ScanRelation scan) {
      return scan.source().sizeInBytes().orElse(Long.MAX_VALUE);
    } else if (plan instanceof RangeRelation range) {
      return saturatedMultiply(range.count(), 8);
    } else if (plan instanceof BroadcastHint) {
      return 0;
    } else if (plan instanceof Join join) {
      if (join.joinType() == JoinType.LEFT_SEMI || join.joinType() == JoinType.LEFT_ANTI) {
        return of(join.left());
      }
      long left = of(join.left());
      long right = of(join.right());
      return join.condition().isEmpty() ? saturatedMultiply(left, right) : saturatedAdd(left, right);
    }
    long largest = 0;
    for (LogicalPlan child : plan.children()) {
      largest = Math.max(largest, of(child));
    }
    return largest;
  }

  private static long saturatedMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
