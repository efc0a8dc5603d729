package dev.ember.planner.analysis;

import static dev.ember.planner.analysis.PlanBuilders.analysisError;
import static dev.ember.planner.analysis.PlanBuilders.call;
import static dev.ember.planner.analysis.PlanBuilders.col;
import static dev.ember.planner.analysis.PlanBuilders.eq;
import static dev.ember.planner.analysis.PlanBuilders.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.WindowExpression;
import dev.ember.planner.expressions.WindowFrameSpec;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.logical.Window;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window expressions through the analyzer; names, frames and errors are Spark 4.2.0's, observed on Spark. */
class WindowAnalysisTest {
  private final Analyzer analyzer = new Analyzer(AnalyzerSettings.defaults());
  private final ScanRelation people = FakeTableSource.people();

  private static WindowExpression over(Expression function, List<Expression> partition, List<SortOrder> order,
      WindowFrameSpec frame) {
    return new WindowExpression(function, partition, order, frame);
  }

  private LogicalPlan select(Expression... items) {
    return analyzer.analyze(new Project(List.of(items), people));
  }

  @Test
  void windowExpressionsMoveIntoAWindowNodeBelowTheProject() {
    Project project = (Project) select(col("name"),
        over(call("row_number"), List.of(col("city")), List.of(SortOrder.ascending(col("age"))), null));
    Window window = assertInstanceOf(Window.class, project.child());
    assertEquals(people, window.child());
    AttributeReference column = (AttributeReference) project.projectList().get(1);
    assertEquals("row_number() OVER (PARTITION BY city ORDER BY age ASC NULLS FIRST ROWS BETWEEN UNBOUNDED"
        + " PRECEDING AND CURRENT ROW)", column.name());
    assertEquals(DataTypes.IntegerType, column.dataType());
    assertFalse(column.nullable());
    assertTrue(window.nodeString().startsWith("Window [row_number() windowspecdefinition(city#"),
        window.nodeString());
  }

  @Test
  void aggregatesTakeTheRunningRangeFrameWhenOrderedAndTheWholePartitionOtherwise() {
    Project project = (Project) select(
        over(call("sum", col("age")), List.of(col("city")), List.of(SortOrder.descending(col("age"))), null),
        over(call("count", col("age")), List.of(), List.of(), null));
    assertEquals(List.of("sum(age) OVER (PARTITION BY city ORDER BY age DESC NULLS LAST RANGE BETWEEN UNBOUNDED"
            + " PRECEDING AND CURRENT ROW)", "count(age) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"),
        project.output().stream().map(AttributeReference::name).toList());
    // Different windows: one Window node each, and no global aggregate for the aggregates inside them.
    assertInstanceOf(Window.class, ((Window) project.child()).child());
    assertFalse(project.exists(node -> node instanceof Aggregate));
  }

  @Test
  void lagAndLeadFixTheirRowsFrameAndName() {
    Project project = (Project) select(
        over(call("lag", col("age")), List.of(col("city")), List.of(SortOrder.ascending(col("age"))), null),
        over(call("lead", col("age"), lit(2), lit(0)), List.of(), List.of(SortOrder.ascending(col("age"))), null));
    assertEquals(List.of("lag(age, 1, NULL) OVER (PARTITION BY city ORDER BY age ASC NULLS FIRST ROWS BETWEEN -1"
            + " FOLLOWING AND -1 FOLLOWING)",
            "lead(age, 2, 0) OVER (ORDER BY age ASC NULLS FIRST ROWS BETWEEN 2 FOLLOWING AND 2 FOLLOWING)"),
        project.output().stream().map(AttributeReference::name).toList());
    Alias lag = ((Window) ((Window) project.child()).child()).windowExpressions().get(0);
    assertEquals(new WindowFrameSpec(true, -1, -1), ((WindowExpression) lag.child()).frame());
  }

  @Test
  void rankingWithoutOrderFails() {
    var error = analysisError(() -> select(over(call("rank"), List.of(col("city")), List.of(), null)));
    assertEquals("WINDOW_FUNCTION_FRAME_NOT_ORDERED", error.getCondition());
    assertTrue(error.getMessage().contains("Window function rank requires the window to be ordered. You need to"
        + " add an ORDER BY clause. For example: SELECT RANK() OVER (PARTITION BY window_partition ORDER BY"
        + " window_ordering) FROM table. SQLSTATE: 42601"), error.getMessage());
  }

  @Test
  void rangeFramesWithOffsetsNeedOneNumericOrderKey() {
    WindowFrameSpec nearby = new WindowFrameSpec(false, -1, 1);
    var stringKey = analysisError(() -> select(
        over(call("sum", col("age")), List.of(), List.of(SortOrder.ascending(col("city"))), nearby)));
    assertEquals("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", stringKey.getCondition());
    var twoKeys = analysisError(() -> select(over(call("sum", col("age")), List.of(),
        List.of(SortOrder.ascending(col("age")), SortOrder.ascending(col("name"))), nearby)));
    assertEquals("DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER", twoKeys.getCondition());
    var unordered = analysisError(() -> select(over(call("sum", col("age")), List.of(col("city")), List.of(), nearby)));
    assertEquals("DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER", unordered.getCondition());
    var reversed = analysisError(() -> select(over(call("sum", col("age")), List.of(),
        List.of(SortOrder.ascending(col("age"))), new WindowFrameSpec(true, 1, -1))));
    assertEquals("DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON", reversed.getCondition());
  }

  @Test
  void windowFunctionsAreNotAllowedInAFilter() {
    var error = analysisError(() -> analyzer.analyze(new Filter(eq(
        over(call("row_number"), List.of(), List.of(SortOrder.ascending(col("age"))), null), lit(1)), people)));
    assertEquals("WINDOW_FUNCTION_NOT_ALLOWED_IN_CLAUSE", error.getCondition());
  }
}
