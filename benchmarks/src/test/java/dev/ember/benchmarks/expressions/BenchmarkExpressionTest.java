package dev.ember.benchmarks.expressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.benchmarks.ExpressionBenchmark;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class BenchmarkExpressionTest {
  @Test
  void theBenchmarkTimesEveryExpressionAndNoOther() throws Exception {
    Param expressions = ExpressionBenchmark.class.getField("expression").getAnnotation(Param.class);

    assertEquals(Arrays.stream(BenchmarkExpression.values()).map(BenchmarkExpression::parameterName).toList(),
        List.of(expressions.value()));
  }

  @Test
  void parameterNamesAreCamelCaseAndLeadBackToTheirExpression() {
    assertEquals("castStringToInt", BenchmarkExpression.CAST_STRING_TO_INT.parameterName());
    for (BenchmarkExpression expression : BenchmarkExpression.values()) {
      assertEquals(expression, BenchmarkExpression.forParameter(expression.parameterName()));
    }
    assertThrows(IllegalArgumentException.class, () -> BenchmarkExpression.forParameter("CAST_STRING_TO_INT"));
  }

  @Test
  void theChecksumHashesTheExpressionOnEveryRow() {
    assertEquals("sum(hash(upper(s)))", BenchmarkExpression.UPPER.checksumSql());
  }
}
