package dev.ember.planner.physical;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.JoinType;
import java.util.ArrayList;
import java.util.List;

/** What the physical joins share: their output columns and which sides may build. */
final class JoinOutputs {
  private JoinOutputs() {}

  static List<AttributeReference> of(JoinType joinType, List<AttributeReference> left,
      List<AttributeReference> right) {
    List<AttributeReference> out = new ArrayList<>();
    left.forEach(column -> out.add(joinType.leftNullable() ? column.withNullability(true) : column));
    if (!joinType.leftOnly()) {
      right.forEach(column -> out.add(joinType.rightNullable() ? column.withNullability(true) : column));
    }
    return out;
  }

  /**
   * Semi, anti and left outer joins must stream the left side (its rows are the ones kept or
   * null-padded while probing), a right outer join the right side; inner, cross and full outer joins
   * may build either.
   */
  static boolean canBuild(JoinType joinType, BuildSide side) {
    return switch (joinType) {
      case LEFT_OUTER, LEFT_SEMI, LEFT_ANTI -> side == BuildSide.RIGHT;
      case RIGHT_OUTER -> side == BuildSide.LEFT;
      default -> true;
    };
  }

  static void checkBuildSide(JoinType joinType, BuildSide side) {
    if (!canBuild(joinType, side)) {
      throw new IllegalArgumentException("a " + joinType.explainName() + " join cannot build its "
          + side.name().toLowerCase(java.util.Locale.ROOT) + " side");
    }
  }
}
