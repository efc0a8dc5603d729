package dev.ember.planner.logical;

import dev.ember.sql.AnalysisException;
import java.util.Locale;
import java.util.Map;

/**
 * The join types of Spark's Dataset API. {@link #explainName()} is how Spark's {@code explain()}
 * prints them ({@code LeftOuter}); {@link #parse} accepts the strings Spark 4.2 accepts.
 */
public enum JoinType {
  INNER("Inner"),
  CROSS("Cross"),
  LEFT_OUTER("LeftOuter"),
  RIGHT_OUTER("RightOuter"),
  FULL_OUTER("FullOuter"),
  LEFT_SEMI("LeftSemi"),
  LEFT_ANTI("LeftAnti");

  /** Spark 4.2 lists these in its error, in this order (observed). */
  private static final String SUPPORTED = "'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left',"
      + " 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti',"
      + " 'left_anti', 'anti', 'cross'";

  private final String explainName;

  JoinType(String explainName) {
    this.explainName = explainName;
  }

  public String explainName() {
    return explainName;
  }

  /** Whether the output keeps only the left side's columns. */
  public boolean leftOnly() {
    return this == LEFT_SEMI || this == LEFT_ANTI;
  }

  /** Whether the left side's columns may be null-padded in the output. */
  public boolean leftNullable() {
    return this == RIGHT_OUTER || this == FULL_OUTER;
  }

  /** Whether the right side's columns may be null-padded in the output. */
  public boolean rightNullable() {
    return this == LEFT_OUTER || this == FULL_OUTER;
  }

  /**
   * The join type a {@code joinType} string names: case-insensitive, underscores ignored, as Spark.
   *
   * @throws AnalysisException UNSUPPORTED_JOIN_TYPE for anything else
   */
  public static JoinType parse(String joinType) {
    String normalized = joinType.toLowerCase(Locale.ROOT).replace("_", "");
    return switch (normalized) {
      case "inner" -> INNER;
      case "cross" -> CROSS;
      case "outer", "full", "fullouter" -> FULL_OUTER;
      case "left", "leftouter" -> LEFT_OUTER;
      case "right", "rightouter" -> RIGHT_OUTER;
      case "leftsemi", "semi" -> LEFT_SEMI;
      case "leftanti", "anti" -> LEFT_ANTI;
      default -> throw new AnalysisException("UNSUPPORTED_JOIN_TYPE",
          Map.of("typ", joinType, "supported", SUPPORTED),
          "Unsupported join type '" + joinType + "'. Supported join types include: " + SUPPORTED
              + ". SQLSTATE: 0A000");
    };
  }
}
