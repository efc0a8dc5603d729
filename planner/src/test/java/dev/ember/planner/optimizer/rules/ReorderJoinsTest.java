package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.optimizer.RuleAssertions.assertRewrites;
import static dev.ember.planner.statistics.StatisticsTable.range;
import static dev.ember.planner.statistics.StatisticsTable.scan;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.MathFunctionDefinitions;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TPC-H Q2's supply chain: partsupp, supplier, nation, and one region of five. */
class ReorderJoinsTest {
  private static final AttributeReference SUPPLY_SUPPLIER = column("ps_suppkey", 1);
  private static final AttributeReference SUPPLY_COST = column("ps_supplycost", 2);
  private static final AttributeReference SUPPLIER_KEY = column("s_suppkey", 11);
  private static final AttributeReference SUPPLIER_NATION = column("s_nationkey", 12);
  private static final AttributeReference NATION_KEY = column("n_nationkey", 21);
  private static final AttributeReference NATION_REGION = column("n_regionkey", 22);
  private static final AttributeReference REGION_KEY = column("r_regionkey", 31);
  private static final AttributeReference REGION_NAME =
      new AttributeReference("r_name", DataTypes.StringType, true, 32);

  private final ReorderJoins rule = new ReorderJoins();

  private static AttributeReference column(String name, long id) {
    return new AttributeReference(name, DataTypes.LongType, true, id);
  }

  private static ScanRelation partsupp() {
    return scan("partsupp", 800_000, Map.of("ps_suppkey", range(1, 10_000)), SUPPLY_SUPPLIER, SUPPLY_COST);
  }

  private static ScanRelation supplier() {
    return scan("supplier", 10_000, Map.of("s_suppkey", range(1, 10_000), "s_nationkey", range(0, 24)),
        SUPPLIER_KEY, SUPPLIER_NATION);
  }

  private static ScanRelation nation() {
    return scan("nation", 25, Map.of("n_nationkey", range(0, 24), "n_regionkey", range(0, 4)),
        NATION_KEY, NATION_REGION);
  }

  private static ScanRelation region() {
    return scan("region", 5, Map.of("r_regionkey", range(0, 4)), REGION_KEY, REGION_NAME);
  }

  private static Expression equal(Expression left, Expression right) {
    return new Comparison(ComparisonOperator.EQUAL_TO, left, right);
  }

  private static Join join(LogicalPlan left, LogicalPlan right, Expression condition) {
    return new Join(left, right, JoinType.INNER, Optional.ofNullable(condition));
  }

  private static Filter europe(LogicalPlan region) {
    return new Filter(equal(REGION_NAME, Literal.fromJava("EUROPE")), region);
  }

  private static List<Expression> outputOf(LogicalPlan... plans) {
    List<Expression> columns = new ArrayList<>();
    for (LogicalPlan plan : plans) {
      columns.addAll(plan.output());
    }
    return columns;
  }

  @Test
  void theFilteredEndOfAChainIsJoinedFirstAndTheColumnsKeepTheirOrder() {
    LogicalPlan written = join(join(join(supplier(), partsupp(), equal(SUPPLY_SUPPLIER, SUPPLIER_KEY)),
        nation(), equal(SUPPLIER_NATION, NATION_KEY)), europe(region()), equal(NATION_REGION, REGION_KEY));
    LogicalPlan expected = new Project(outputOf(supplier(), partsupp(), nation(), region()),
        join(partsupp(),
            join(supplier(), join(nation(), europe(region()), equal(NATION_REGION, REGION_KEY)),
                equal(SUPPLIER_NATION, NATION_KEY)),
            equal(SUPPLY_SUPPLIER, SUPPLIER_KEY)));
    LogicalPlan after = assertRewrites(rule, written, expected);
    assertSame(after, rule.apply(after), "a second pass keeps the new order");
  }

  @Test
  void aConditionOnOneRelationBecomesItsFilter() {
    Expression europe = equal(REGION_NAME, Literal.fromJava("EUROPE"));
    LogicalPlan written = join(join(join(partsupp(), supplier(), equal(SUPPLY_SUPPLIER, SUPPLIER_KEY)),
        nation(), equal(SUPPLIER_NATION, NATION_KEY)), region(), new And(equal(NATION_REGION, REGION_KEY), europe));
    LogicalPlan expected = join(partsupp(),
        join(supplier(), join(nation(), europe(region()), equal(NATION_REGION, REGION_KEY)),
            equal(SUPPLIER_NATION, NATION_KEY)),
        equal(SUPPLY_SUPPLIER, SUPPLIER_KEY));
    assertRewrites(rule, written, expected);
  }

  @Test
  void anOrderTheEstimatesFindAsGoodStaysAsWritten() {
    LogicalPlan written = join(partsupp(), join(supplier(), join(nation(), europe(region()),
        equal(NATION_REGION, REGION_KEY)), equal(SUPPLIER_NATION, NATION_KEY)),
        equal(SUPPLY_SUPPLIER, SUPPLIER_KEY));
    assertDoesNotFire(rule, written);
  }

  @Test
  void threeRelationsAreReorderedToo() {
    // One probe of partsupp into the joined supplier and nation, instead of two.
    LogicalPlan written = join(join(partsupp(), supplier(), equal(SUPPLY_SUPPLIER, SUPPLIER_KEY)),
        nation(), equal(SUPPLIER_NATION, NATION_KEY));
    assertRewrites(rule, written, join(partsupp(), join(supplier(), nation(), equal(SUPPLIER_NATION, NATION_KEY)),
        equal(SUPPLY_SUPPLIER, SUPPLIER_KEY)));
  }

  @Test
  void oneJoinIsLeftToTheChoiceOfTheBuildSide() {
    assertDoesNotFire(rule, join(supplier(), partsupp(), equal(SUPPLY_SUPPLIER, SUPPLIER_KEY)));
  }

  @Test
  void aNonDeterministicConditionEndsTheGroup() {
    Expression random = new Comparison(ComparisonOperator.LESS_THAN,
        new ScalarFunctionCall(MathFunctionDefinitions.RAND, List.of(Literal.fromJava(1))), Literal.fromJava(0.5));
    LogicalPlan written = join(join(join(partsupp(), supplier(), equal(SUPPLY_SUPPLIER, SUPPLIER_KEY)),
        nation(), new And(equal(SUPPLIER_NATION, NATION_KEY), random)), europe(region()),
        equal(NATION_REGION, REGION_KEY));
    assertDoesNotFire(rule, written);
  }

  @Test
  void outerJoinsAreNotReordered() {
    // Inner joins under and over the outer join form two groups of two relations each.
    LogicalPlan outer = new Join(join(supplier(), nation(), equal(SUPPLIER_NATION, NATION_KEY)), europe(region()),
        JoinType.LEFT_OUTER, Optional.of(equal(NATION_REGION, REGION_KEY)));
    LogicalPlan written = join(partsupp(), outer, equal(SUPPLY_SUPPLIER, SUPPLIER_KEY));
    assertDoesNotFire(rule, written);
  }
}
