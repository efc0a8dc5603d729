package dev.ember.planner.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.logical.BroadcastHint;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.TableSource;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SizeEstimatesTest {
  private static final AttributeReference SMALL_KEY = new AttributeReference("s", DataTypes.LongType, true, 1);
  private static final AttributeReference MEDIUM_KEY = new AttributeReference("m", DataTypes.LongType, true, 2);
  private static final AttributeReference LARGE_KEY = new AttributeReference("l", DataTypes.LongType, true, 3);

  private static ScanRelation scan(AttributeReference column, long bytes) {
    return new ScanRelation(new SizedTable(column.name(), bytes), List.of(column));
  }

  private static Join join(LogicalPlan left, LogicalPlan right, JoinType type, AttributeReference leftKey,
      AttributeReference rightKey) {
    return new Join(left, right, type, Optional.of(new Comparison(ComparisonOperator.EQUAL_TO, leftKey, rightKey)));
  }

  private static BuildSide buildSide(LogicalPlan join) {
    return ((HashJoinExec) new PhysicalPlanner().plan(join)).buildSide();
  }

  @Test
  void theSmallerSideBuilds() {
    assertEquals(BuildSide.LEFT, buildSide(join(scan(SMALL_KEY, 100), scan(MEDIUM_KEY, 1_000), JoinType.INNER,
        SMALL_KEY, MEDIUM_KEY)));
    assertEquals(BuildSide.RIGHT, buildSide(join(scan(LARGE_KEY, 1_000_000), scan(MEDIUM_KEY, 1_000),
        JoinType.INNER, LARGE_KEY, MEDIUM_KEY)));
  }

  @Test
  void aBroadcastHintBuildsItsSide() {
    assertEquals(BuildSide.RIGHT, buildSide(join(scan(SMALL_KEY, 100), new BroadcastHint(scan(LARGE_KEY, 1_000_000)),
        JoinType.INNER, SMALL_KEY, LARGE_KEY)));
  }

  @Test
  void aFilteredSideCountsOnlyTheRowsItKeeps() {
    // 1 000 000 bytes of longs with a filter keeping a tenth or less, against 100 000 bytes unfiltered.
    LogicalPlan filtered = new Filter(new Comparison(ComparisonOperator.EQUAL_TO, LARGE_KEY, Literal.fromJava(5L)),
        scan(LARGE_KEY, 1_000_000));
    assertEquals(BuildSide.LEFT, buildSide(join(filtered, scan(MEDIUM_KEY, 200_000), JoinType.INNER,
        LARGE_KEY, MEDIUM_KEY)));
  }

  @Test
  void aSmallSideFilteredByASemiJoinWithALargeTableStillBuilds() {
    // TPC-H Q18's shape: (small semi-join large) join medium builds the semi join's side, not the medium one.
    Join semi = join(scan(SMALL_KEY, 100), scan(LARGE_KEY, 1_000_000), JoinType.LEFT_SEMI, SMALL_KEY, LARGE_KEY);
    assertEquals(BuildSide.RIGHT, buildSide(join(scan(MEDIUM_KEY, 1_000), semi, JoinType.INNER, MEDIUM_KEY,
        SMALL_KEY)));
  }

  /** A table that only knows its size. */
  private record SizedTable(String column, long bytes) implements TableSource {
    @Override
    public StructType schema() {
      return new StructType().add(column, DataTypes.LongType);
    }

    @Override
    public String formatName() {
      return "parquet";
    }

    @Override
    public String describe() {
      return column + " (" + bytes + " bytes)";
    }

    @Override
    public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
      throw new UnsupportedOperationException("only for planning");
    }

    @Override
    public OptionalLong sizeInBytes() {
      return OptionalLong.of(bytes);
    }
  }
}
