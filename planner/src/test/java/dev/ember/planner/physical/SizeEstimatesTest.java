package dev.ember.planner.physical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
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

  @Test
  void anInnerJoinIsAsLargeAsBothSides() {
    assertEquals(1_100, SizeEstimates.of(join(scan(SMALL_KEY, 100), scan(MEDIUM_KEY, 1_000), JoinType.INNER,
        SMALL_KEY, MEDIUM_KEY)));
  }

  @Test
  void semiAndAntiJoinsAreAsLargeAsTheirLeftSide() {
    for (JoinType type : List.of(JoinType.LEFT_SEMI, JoinType.LEFT_ANTI)) {
      assertEquals(100, SizeEstimates.of(join(scan(SMALL_KEY, 100), scan(LARGE_KEY, 1_000_000), type,
          SMALL_KEY, LARGE_KEY)), type.name());
    }
  }

  @Test
  void aSmallSideFilteredByASemiJoinWithALargeTableStillBuilds() {
    // TPC-H Q18's shape: (small semi-join large) join medium builds the semi join's side, not the medium one.
    Join semi = join(scan(SMALL_KEY, 100), scan(LARGE_KEY, 1_000_000), JoinType.LEFT_SEMI, SMALL_KEY, LARGE_KEY);
    HashJoinExec plan = (HashJoinExec) new PhysicalPlanner().plan(
        join(scan(MEDIUM_KEY, 1_000), semi, JoinType.INNER, MEDIUM_KEY, SMALL_KEY));
    assertEquals(BuildSide.RIGHT, plan.buildSide());
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
