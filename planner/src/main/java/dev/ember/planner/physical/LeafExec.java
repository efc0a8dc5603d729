package dev.ember.planner.physical;

import java.util.List;

/** Shared checks for operators without children. */
final class LeafExec {
  private LeafExec() {}

  static PhysicalPlan noChildren(PhysicalPlan self, List<PhysicalPlan> children) {
    if (!children.isEmpty()) {
      throw new IllegalArgumentException(self.getClass().getSimpleName() + " has no children");
    }
    return self;
  }
}
