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
   * A left outer join must stream the left side (its rows are the ones null-padded while probing), a
   * right outer join the right side. Semi and anti joins may build either: streaming the left side
   * keeps or drops each of its rows, building it marks the build rows that match and outputs the
   * marked (semi) or unmarked (anti) ones at the end. Inner, cross and full outer joins may build
   * either.
   */
  static boolean canBuild(JoinType joinType, BuildSide side) {
    return switch (joinType) {
      case LEFT_OUTER -> side == BuildSide.RIGHT;
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
