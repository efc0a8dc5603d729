package dev.ember.planner.expressions;

import java.util.List;

/** Helpers for expressions without children. */
final class LeafExpression {
  private LeafExpression() {}

  static Expression requireNoChildren(Expression self, List<Expression> children) {
    if (!children.isEmpty()) {
      throw new IllegalArgumentException(self.getClass().getSimpleName() + " has no children");
    }
    return self;
  }

  static void requireCount(Expression self, List<Expression> children, int count) {
    if (children.size() != count) {
      throw new IllegalArgumentException(
          self.getClass().getSimpleName() + " takes " + count + " children, got " + children.size());
    }
  }
}
