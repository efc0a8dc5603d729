package dev.ember.planner.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The date and time syntax Spark 4.2's parser accepts beyond function calls. */
class DateTimeSyntaxTest {
  @Test
  void extractIsACallWithTheFieldAsText() {
    assertEquals(new UnresolvedFunction("extract",
            List.of(new Literal("YEAR", DataTypes.StringType), new UnresolvedAttribute("d")), false),
        ExpressionParser.parse("EXTRACT(YEAR FROM d)"));
  }

  @Test
  void currentDateAndTimestampNeedNoParentheses() {
    assertEquals(new UnresolvedFunction("current_date", List.of(), false), ExpressionParser.parse("current_date"));
    assertEquals(new UnresolvedFunction("current_timestamp", List.of(), false),
        ExpressionParser.parse("CURRENT_TIMESTAMP"));
  }

  @Test
  void extractStaysAColumnNameElsewhere() {
    assertEquals(new UnresolvedAttribute("extract"), ExpressionParser.parse("extract"));
  }
}
