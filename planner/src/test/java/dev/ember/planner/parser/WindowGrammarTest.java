package dev.ember.planner.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.expressions.WindowExpression;
import dev.ember.planner.expressions.WindowFrameSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowGrammarTest {
  @Test
  void overClauseGivesPartitionOrderAndFrame() {
    WindowExpression window = assertInstanceOf(WindowExpression.class, ExpressionParser.parse(
        "sum(v) OVER (PARTITION BY k, j ORDER BY o DESC NULLS FIRST ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING)"));
    assertEquals(new UnresolvedFunction("sum", List.of(new UnresolvedAttribute("v")), false), window.function());
    assertEquals(List.of(new UnresolvedAttribute("k"), new UnresolvedAttribute("j")), window.partitionSpec());
    assertEquals(List.of(new SortOrder(new UnresolvedAttribute("o"), false, true)), window.orderSpec());
    assertEquals(new WindowFrameSpec(true, -2, WindowFrameSpec.UNBOUNDED_FOLLOWING), window.frame());
    // Spark keeps SQL's PRECEDING in the column name.
    assertEquals("ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING", window.frame().sql());
  }

  @Test
  void frameWithoutBetweenEndsAtTheCurrentRowAndNoFrameIsLeftToTheAnalyzer() {
    WindowExpression ranged = (WindowExpression) ExpressionParser.parse("count(1) over (order by o range 3 preceding)");
    assertEquals(new WindowFrameSpec(false, -3, WindowFrameSpec.CURRENT_ROW), ranged.frame());
    WindowExpression unspecified = (WindowExpression) ExpressionParser.parse("row_number() OVER ()");
    assertEquals(null, unspecified.frame());
    assertEquals(List.of(), unspecified.partitionSpec());
  }
}
