package dev.ember.planner.optimizer.rules;

import java.util.Arrays;

/**
 * Finds the cheapest bushy join tree over at most {@value #MAX_RELATIONS} relations by dynamic
 * programming over subsets, on estimated row counts only. A subset's rows do not depend on how it is
 * joined: the product of its relations' rows and of the selectivities of the conditions among them.
 * A join costs its output rows, plus its inputs' rows, plus the smaller input once more (the build
 * side, which is hashed and stored). Splits that no condition connects (cross products) are only
 * considered when the conditions do not connect all relations, as a cross product of two small inputs
 * that looks cheap is a nested-loop join in the plan and a poor bet on two estimates.
 */
final class JoinOrderSearch {
  static final int MAX_RELATIONS = 12;

  private final int relationCount;
  /** Per condition, the relations it reads (bit i: relation i). */
  private final int[] conditionMasks;
  private final double[] rows;
  private final double[] cost;
  private final int[] bestSplit;

  /**
   * @param relationRows estimated rows of each relation
   * @param conditionMasks the relations each condition between relations reads (two or more bits)
   * @param selectivities the fraction of the cross product each condition keeps
   */
  JoinOrderSearch(double[] relationRows, int[] conditionMasks, double[] selectivities) {
    this.relationCount = relationRows.length;
    if (relationCount < 2 || relationCount > MAX_RELATIONS) {
      throw new IllegalArgumentException("join order search takes 2 to " + MAX_RELATIONS + " relations, got "
          + relationCount);
    }
    this.conditionMasks = conditionMasks.clone();
    int subsets = 1 << relationCount;
    this.rows = new double[subsets];
    this.cost = new double[subsets];
    this.bestSplit = new int[subsets];
    for (int subset = 1; subset < subsets; subset++) {
      double product = 1;
      for (int relation = 0; relation < relationCount; relation++) {
        if ((subset & (1 << relation)) != 0) {
          product *= relationRows[relation];
        }
      }
      for (int condition = 0; condition < conditionMasks.length; condition++) {
        if ((conditionMasks[condition] & ~subset) == 0) {
          product *= selectivities[condition];
        }
      }
      rows[subset] = Math.max(1, Math.min(1e30, product));
    }
    search();
  }

  private void search() {
    if (!search(true)) {
      search(false);
    }
  }

  /** Fills the table; false when {@code connectedOnly} and the conditions leave relations apart. */
  private boolean search(boolean connectedOnly) {
    int all = (1 << relationCount) - 1;
    Arrays.fill(cost, Double.POSITIVE_INFINITY);
    for (int subset = 1; subset <= all; subset++) {
      if (Integer.bitCount(subset) == 1) {
        cost[subset] = 0;
      } else {
        chooseSplit(subset, connectedOnly);
      }
    }
    return cost[all] < Double.POSITIVE_INFINITY;
  }

  /** Picks the cheapest split of {@code subset}, if one qualifies. */
  private void chooseSplit(int subset, boolean connectedOnly) {
    int lowest = Integer.lowestOneBit(subset);
    // Each unordered split once: the part holding the lowest relation is enumerated.
    for (int part = (subset - 1) & subset; part != 0; part = (part - 1) & subset) {
      if ((part & lowest) == 0) {
        continue;
      }
      int other = subset & ~part;
      if (connectedOnly && !connected(part, other)) {
        continue;
      }
      double candidate = cost[part] + cost[other] + joinCost(subset, part, other);
      if (candidate < cost[subset]) {
        cost[subset] = candidate;
        bestSplit[subset] = part;
      }
    }
  }

  private double joinCost(int subset, int part, int other) {
    return rows[subset] + rows[part] + rows[other] + Math.min(rows[part], rows[other]);
  }

  /** Whether some condition reads both parts and nothing outside them. */
  boolean connected(int part, int other) {
    int both = part | other;
    for (int mask : conditionMasks) {
      if ((mask & ~both) == 0 && (mask & part) != 0 && (mask & other) != 0) {
        return true;
      }
    }
    return false;
  }

  double rows(int subset) {
    return rows[subset];
  }

  /** The cheapest cost of joining every relation. */
  double bestCost() {
    return cost[(1 << relationCount) - 1];
  }

  /** One part of the cheapest split of {@code subset} (two or more relations); the rest is the other. */
  int bestSplit(int subset) {
    return bestSplit[subset];
  }

  /** The cost of joining {@code part} and {@code other} as given, for costing an existing tree. */
  double joinCostOf(int part, int other) {
    return joinCost(part | other, part, other);
  }
}
