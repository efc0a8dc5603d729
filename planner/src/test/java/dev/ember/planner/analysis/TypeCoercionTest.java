package dev.ember.planner.analysis;

import static dev.ember.planner.analysis.PlanBuilders.call;
import static dev.ember.planner.analysis.PlanBuilders.col;
import static dev.ember.planner.analysis.PlanBuilders.divide;
import static dev.ember.planner.analysis.PlanBuilders.eq;
import static dev.ember.planner.analysis.PlanBuilders.gt;
import static dev.ember.planner.analysis.PlanBuilders.lit;
import static dev.ember.planner.analysis.PlanBuilders.lt;
import static dev.ember.planner.analysis.PlanBuilders.plus;
import static dev.ember.planner.analysis.PlanBuilders.remainder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Not;
import dev.ember.planner.expressions.UnaryMinus;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Implicit casts as Spark 4.2.0 inserts them in ANSI mode. Each expected string is Spark's analyzed
 * plan entry for the same expression (from {@code queryExecution().analyzed()}), with ids replaced
 * by {@code #n} and the probe's column names mapped onto this table's.
 */
class TypeCoercionTest {
  private final Analyzer analyzer = new Analyzer(AnalyzerSettings.defaults());

  private String analyzed(Expression expression) {
    Project project = (Project) analyzer.analyze(new Project(List.of(expression), FakeTableSource.allTypes()));
    return project.projectList().get(0).toString().replaceAll("#\\d+", "#n");
  }

  private String aggregated(Expression expression) {
    LogicalPlan plan = analyzer.analyze(new Aggregate(List.of(), List.of(expression), FakeTableSource.allTypes()));
    return ((Aggregate) plan).aggregateExpressions().get(0).toString().replaceAll("#\\d+", "#n");
  }

  @Test
  void stringComparedWithAnIntegralComparesBigints() {
    assertEquals("(cast(5 as bigint) > cast(3 as bigint)) AS (5 > 3)#n", analyzed(gt(lit("5"), lit(3))));
    assertEquals("(cast(age#n as bigint) > cast(5 as bigint)) AS (age > 5)#n", analyzed(gt(col("age"), lit("5"))));
    assertEquals("(big#nL > cast(5 as bigint)) AS (big > 5)#n", analyzed(gt(col("big"), lit("5"))));
    assertEquals("(cast(tiny#n as bigint) > cast(1 as bigint)) AS (tiny > 1)#n", analyzed(gt(col("tiny"), lit("1"))));
  }

  @Test
  void stringComparedWithAFractionalOrDecimalComparesDoubles() {
    assertEquals("(salary#n > cast(5 as double)) AS (salary > 5)#n", analyzed(gt(col("salary"), lit("5"))));
    assertEquals("(cast(price#n as double) > cast(5 as double)) AS (price > 5)#n",
        analyzed(gt(col("price"), lit("5"))));
    assertEquals("(cast(real#n as double) > cast(1 as double)) AS (real > 1)#n", analyzed(gt(col("real"), lit("1"))));
  }

  @Test
  void stringComparedWithADatetimeOrBooleanTakesItsType() {
    assertEquals("(day#n > cast(2020-01-01 as date)) AS (day > 2020-01-01)#n",
        analyzed(gt(col("day"), lit("2020-01-01"))));
    assertEquals("(moment#n > cast(2020-01-01 as timestamp)) AS (moment > 2020-01-01)#n",
        analyzed(gt(col("moment"), lit("2020-01-01"))));
    assertEquals("(flag#n = cast(true as boolean)) AS (flag = true)#n", analyzed(eq(col("flag"), lit("true"))));
    assertEquals("(cast(day#n as timestamp) < moment#n) AS (day < moment)#n", analyzed(lt(col("day"), col("moment"))));
  }

  @Test
  void twoStringsAreComparedAsStrings() {
    assertEquals("(name#n > city#n) AS (name > city)#n", analyzed(gt(col("name"), col("city"))));
  }

  @Test
  void numericOperandsWiden() {
    assertEquals("(cast(age#n as double) + salary#n) AS (age + salary)#n", analyzed(plus(col("age"), col("salary"))));
    assertEquals("(cast(tiny#n as smallint) + small#n) AS (tiny + small)#n", analyzed(plus(col("tiny"), col("small"))));
    assertEquals("(cast(age#n as bigint) + big#nL) AS (age + big)#nL", analyzed(plus(col("age"), col("big"))));
    assertEquals("(cast(big#nL as decimal(20,0)) + price#n) AS (big + price)#n", analyzed(plus(col("big"), col("price"))));
    assertEquals("(cast(age#n as decimal(10,0)) + price#n) AS (age + price)#n", analyzed(plus(col("age"), col("price"))));
    assertEquals("(cast(tiny#n as decimal(3,0)) + price#n) AS (tiny + price)#n",
        analyzed(plus(col("tiny"), col("price"))));
    assertEquals("(cast(real#n as double) + salary#n) AS (real + salary)#n", analyzed(plus(col("real"), col("salary"))));
    assertEquals("(cast(price#n as double) + salary#n) AS (price + salary)#n",
        analyzed(plus(col("price"), col("salary"))));
  }

  @Test
  void floatWithAnythingButFloatBecomesDouble() {
    assertEquals("(cast(real#n as double) + cast(age#n as double)) AS (real + age)#n",
        analyzed(plus(col("real"), col("age"))));
    assertEquals("(cast(real#n as double) + cast(big#nL as double)) AS (real + big)#n",
        analyzed(plus(col("real"), col("big"))));
    assertEquals("(cast(real#n as double) > cast(age#n as double)) AS (real > age)#n",
        analyzed(gt(col("real"), col("age"))));
  }

  @Test
  void decimalNextToAnIntegralLiteralUsesTheLiteralsDigits() {
    assertEquals("(price#n + cast(1 as decimal(1,0))) AS (price + 1)#n", analyzed(plus(col("price"), lit(1))));
    assertEquals("(price#n > cast(cast(1 as decimal(1,0)) as decimal(10,2))) AS (price > 1)#n",
        analyzed(gt(col("price"), lit(1))));
  }

  @Test
  void decimalComparisonsCastBothSidesToTheWiderDecimal() {
    assertEquals("(cast(cast(age#n as decimal(10,0)) as decimal(12,2)) < cast(price#n as decimal(12,2)))"
        + " AS (age < price)#n", analyzed(lt(col("age"), col("price"))));
    assertEquals("(cast(cast(big#nL as decimal(20,0)) as decimal(22,2)) < cast(price#n as decimal(22,2)))"
        + " AS (big < price)#n", analyzed(lt(col("big"), col("price"))));
    assertEquals("(cast(cast(tiny#n as decimal(3,0)) as decimal(10,2)) = price#n) AS (tiny = price)#n",
        analyzed(eq(col("tiny"), col("price"))));
    assertEquals("(cast(price#n as double) > 1.5) AS (price > 1.5)#n", analyzed(gt(col("price"), lit(1.5))));
  }

  @Test
  void divisionIsFractional() {
    assertEquals("(cast(age#n as double) / cast(age#n as double)) AS (age / age)#n",
        analyzed(divide(col("age"), col("age"))));
    assertEquals("(cast(tiny#n as double) / cast(small#n as double)) AS (tiny / small)#n",
        analyzed(divide(col("tiny"), col("small"))));
    assertEquals("(cast(real#n as double) / cast(age#n as double)) AS (real / age)#n",
        analyzed(divide(col("real"), col("age"))));
    assertEquals("(cast(age#n as double) / cast(2 as double)) AS (age / 2)#n", analyzed(divide(col("age"), lit(2))));
    assertEquals("(cast(big#nL as decimal(20,0)) / price#n) AS (big / price)#n",
        analyzed(divide(col("big"), col("price"))));
    assertEquals("(price#n / price#n) AS (price / price)#n", analyzed(divide(col("price"), col("price"))));
  }

  @Test
  void remainderWidensLikeOtherArithmetic() {
    assertEquals("(cast(age#n as bigint) % big#nL) AS (age % big)#nL", analyzed(remainder(col("age"), col("big"))));
    assertEquals("(cast(age#n as double) % 2.0) AS (age % 2.0)#n", analyzed(remainder(col("age"), lit(2.0))));
  }

  @Test
  void stringsInArithmeticBecomeBigintOrDouble() {
    assertEquals("(cast(name#n as bigint) + cast(1 as bigint)) AS (name + 1)#nL", analyzed(plus(col("name"), lit(1))));
    assertEquals("(cast(name#n as double) + salary#n) AS (name + salary)#n", analyzed(plus(col("name"), col("salary"))));
    assertEquals("(cast(name#n as double) + cast(price#n as double)) AS (name + price)#n",
        analyzed(plus(col("name"), col("price"))));
    assertEquals("(cast(cast(name#n as bigint) as double) / cast(cast(age#n as bigint) as double)) AS (name / age)#n",
        analyzed(divide(col("name"), col("age"))));
    assertEquals("-cast(name#n as double) AS (- name)#n", analyzed(new UnaryMinus(col("name"))).replace(
        "negative(name)", "(- name)"));
  }

  @Test
  void nullLiteralsTakeTheOtherOperandsType() {
    assertEquals("(age#n > cast(null as int)) AS (age > NULL)#n", analyzed(gt(col("age"), lit(null))));
    assertEquals("(age#n + cast(null as int)) AS (age + NULL)#n", analyzed(plus(col("age"), lit(null))));
    assertEquals("(null = null) AS (NULL = NULL)#n", analyzed(eq(lit(null), lit(null))));
    assertEquals("(cast(null as double) / cast(age#n as double)) AS (NULL / age)#n",
        analyzed(divide(lit(null), col("age"))));
    assertEquals("(day#n > cast(null as date)) AS (day > NULL)#n", analyzed(gt(col("day"), lit(null))));
    assertEquals("(cast(null as decimal(10,2)) + price#n) AS (NULL + price)#n", analyzed(plus(lit(null), col("price"))));
    assertEquals("NOT cast(null as boolean) AS (NOT NULL)#n", analyzed(new Not(lit(null))));
    assertEquals("(cast(null as boolean) AND true) AS (NULL AND true)#n", analyzed(new And(lit(null), lit(true))));
  }

  @Test
  void stringsUnderBooleanOperatorsBecomeBoolean() {
    assertEquals("(cast(name#n as boolean) AND true) AS (name AND true)#n", analyzed(new And(col("name"), lit(true))));
    assertEquals("NOT cast(name#n as boolean) AS (NOT name)#n", analyzed(new Not(col("name"))));
  }

  @Test
  void sumAndAvgOfStringsOrNullsReadDoubles() {
    assertEquals("sum(cast(name#n as double)) AS sum(name)#n", aggregated(call("sum", col("name"))));
    assertEquals("avg(cast(name#n as double)) AS avg(name)#n", aggregated(call("avg", col("name"))));
    assertEquals("sum(cast(null as double)) AS sum(NULL)#n", aggregated(call("sum", lit(null))));
    assertEquals("min(day#n) AS min(day)#n", aggregated(call("min", col("day"))));
  }

  @Test
  void resultTypesMatchSpark() {
    LogicalPlan plan = analyzer.analyze(new Aggregate(List.of(), List.of(call("sum", col("tiny")),
        call("sum", col("real")), call("sum", col("price")), call("avg", col("tiny")), call("avg", col("price"))),
        FakeTableSource.allTypes()));
    assertEquals("struct<sum(tiny):bigint,sum(real):double,sum(price):decimal(20,2),avg(tiny):double,"
        + "avg(price):decimal(14,6)>", "struct<" + String.join(",", plan.output().stream()
            .map(column -> column.name() + ":" + column.dataType().simpleString()).toList()) + ">");
    LogicalPlan divisions = analyzer.analyze(new Project(List.of(divide(col("big"), col("price")),
        divide(col("price"), col("price")), plus(col("big"), col("price"))), FakeTableSource.allTypes()));
    assertEquals(List.of("decimal(33,11)", "decimal(23,13)", "decimal(23,2)"),
        divisions.output().stream().map(column -> column.dataType().simpleString()).toList());
  }

  @Test
  void generatedNamesHideImplicitCasts() {
    assertEquals("(cast(age#n as double) + 1.5) AS (age + 1.5)#n", analyzed(plus(col("age"), lit(1.5))));
    assertEquals("(age#n + 1) AS (age + 1)#n", analyzed(plus(col("age"), lit(1))));
    assertEquals("(price#n > cast(1.50 as decimal(10,2))) AS (price > 1.50)#n",
        analyzed(gt(col("price"), lit(new BigDecimal("1.50")))));
  }
}
