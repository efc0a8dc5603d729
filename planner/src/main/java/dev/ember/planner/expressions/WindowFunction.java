package dev.ember.planner.expressions;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;

/** The functions that exist only over a window, with the names Spark shows them by. */
public enum WindowFunction {
  ROW_NUMBER("row_number"),
  RANK("RANK"),
  DENSE_RANK("DENSE_RANK"),
  PERCENT_RANK("PERCENT_RANK"),
  CUME_DIST("cume_dist"),
  NTILE("ntile"),
  LAG("lag"),
  LEAD("lead"),
  NTH_VALUE("nth_value");

  private final String displayName;

  WindowFunction(String displayName) {
    this.displayName = displayName;
  }

  /** The name in generated column names: Spark upper-cases some ({@code RANK()}). */
  public String displayName() {
    return displayName;
  }

  /** The name in error messages: always lower case. */
  public String sqlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public DataType resultType(DataType inputType) {
    return switch (this) {
      case ROW_NUMBER, RANK, DENSE_RANK, NTILE -> DataTypes.IntegerType;
      case PERCENT_RANK, CUME_DIST -> DataTypes.DoubleType;
      case LAG, LEAD, NTH_VALUE -> inputType;
    };
  }

  /** Ranks are never null; offsets and nth_value are null past the partition's edge. */
  public boolean nullable() {
    return this == LAG || this == LEAD || this == NTH_VALUE;
  }

  /** The frame Spark fixes for the function, or null when the function takes the window's frame. */
  public WindowFrameSpec requiredFrame(long offset) {
    return switch (this) {
      case ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, NTILE -> WindowFrameSpec.RUNNING_ROWS;
      case CUME_DIST -> WindowFrameSpec.RUNNING_RANGE;
      case LAG -> new WindowFrameSpec(true, -offset, -offset);
      case LEAD -> new WindowFrameSpec(true, offset, offset);
      case NTH_VALUE -> null;
    };
  }
}
