package dev.ember.planner.optimizer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JoinOrderSearchTest {
  @Test
  void aSubsetsRowsAreTheProductOfItsRelationsAndConditions() {
    JoinOrderSearch search = new JoinOrderSearch(new double[] {1_000, 10, 5},
        new int[] {0b011, 0b110}, new double[] {0.1, 0.5});
    assertEquals(1_000, search.rows(0b011)); // 1 000 * 10 * 0.1
    assertEquals(25, search.rows(0b110));
    assertEquals(5_000, search.rows(0b101)); // no condition between 0 and 2: their cross product
    assertEquals(2_500, search.rows(0b111));
  }

  @Test
  void theSelectiveJoinOfTwoSmallRelationsComesFirst() {
    // A chain fact - dimension - filtered dimension: joining the dimensions first keeps the fact's
    // join small; the written order (fact with dimension first) makes an intermediate of 1 000 000 rows.
    JoinOrderSearch search = new JoinOrderSearch(new double[] {1_000_000, 10_000, 1},
        new int[] {0b011, 0b110}, new double[] {1e-4, 1.0 / 25});
    assertEquals(0b001, search.bestSplit(0b111), "the fact alone against the two dimensions joined");
    double written = search.joinCostOf(0b001, 0b010) + search.joinCostOf(0b011, 0b100);
    assertTrue(search.bestCost() < 0.5 * written, search.bestCost() + " against " + written);
  }

  @Test
  void connectedRelationsAreNeverCrossJoined() {
    // 0 - 1 - 2 in a chain; 0 and 2 are tiny, but their cross product is not considered.
    JoinOrderSearch search = new JoinOrderSearch(new double[] {2, 1_000_000, 2},
        new int[] {0b011, 0b110}, new double[] {1e-6, 1e-6});
    int split = search.bestSplit(0b111);
    int other = 0b111 & ~split;
    assertTrue(search.connected(split, other), "split " + split + " | " + other);
    assertTrue(split != 0b101 && other != 0b101);
  }

  @Test
  void relationsNoConditionConnectsAreCrossJoinedAsCheaplyAsPossible() {
    JoinOrderSearch search = new JoinOrderSearch(new double[] {3, 1_000, 2}, new int[0], new double[0]);
    assertEquals(6_000, search.rows(0b111));
    assertTrue(search.bestCost() < Double.POSITIVE_INFINITY);
    // The two small relations are crossed first.
    int split = search.bestSplit(0b111);
    assertTrue(split == 0b010 || split == 0b101, "split " + split);
  }

  @Test
  void tooManyRelationsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new JoinOrderSearch(new double[JoinOrderSearch.MAX_RELATIONS + 1], new int[0], new double[0]));
  }
}
