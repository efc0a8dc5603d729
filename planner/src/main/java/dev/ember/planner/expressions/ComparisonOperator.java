package dev.ember.planner.expressions;

/** The comparison operators, with their SQL symbols. Not-equal is {@code Not(EQUAL_TO)}, as in Spark. */
public enum ComparisonOperator {
  EQUAL_TO("="),
  NULL_SAFE_EQUAL("<=>"),
  LESS_THAN("<"),
  LESS_THAN_OR_EQUAL("<="),
  GREATER_THAN(">"),
  GREATER_THAN_OR_EQUAL(">=");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** The operator that gives the same answer with the operands swapped ({@code a < b} is {@code b > a}). */
  public ComparisonOperator flipped() {
    return switch (this) {
      case LESS_THAN -> GREATER_THAN;
      case LESS_THAN_OR_EQUAL -> GREATER_THAN_OR_EQUAL;
      case GREATER_THAN -> LESS_THAN;
      case GREATER_THAN_OR_EQUAL -> LESS_THAN_OR_EQUAL;
      default -> this;
    };
  }
}
