package dev.ember.planner.statistics;

import static dev.ember.planner.statistics.StatisticsTable.range;
import static dev.ember.planner.statistics.StatisticsTable.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.logical.Aggregate;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CardinalityEstimatorTest {
  // orders: 1 000 keys 1..1000, 10 customers, dates over 100 days, a status string.
  private static final AttributeReference ORDER_KEY = column("o_orderkey", 1);
  private static final AttributeReference ORDER_CUSTOMER = column("o_custkey", 2);
  private static final AttributeReference ORDER_DATE = new AttributeReference("o_date", DataTypes.DateType, true, 3);
  private static final AttributeReference ORDER_STATUS =
      new AttributeReference("o_status", DataTypes.StringType, true, 4);
  // lineitem: 4 000 rows, order keys 1..1000, part keys 1..200.
  private static final AttributeReference LINE_ORDER = column("l_orderkey", 11);
  private static final AttributeReference LINE_PART = column("l_partkey", 12);
  private static final AttributeReference LINE_SUPPLIER = column("l_suppkey", 13);
  // customers: 10 keys, 5 nations.
  private static final AttributeReference CUSTOMER_KEY = column("c_custkey", 21);
  private static final AttributeReference CUSTOMER_NATION = column("c_nationkey", 22);
  // suppliers: 20 keys, 5 nations.
  private static final AttributeReference SUPPLIER_KEY = column("s_suppkey", 31);
  private static final AttributeReference SUPPLIER_NATION = column("s_nationkey", 32);
  // partsupp: 800 rows, part keys 1..200, supplier keys 1..20 (a composite primary key).
  private static final AttributeReference SUPPLY_PART = column("ps_partkey", 41);
  private static final AttributeReference SUPPLY_SUPPLIER = column("ps_suppkey", 42);

  private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

  private static AttributeReference column(String name, long id) {
    return new AttributeReference(name, DataTypes.LongType, true, id);
  }

  private static ScanRelation orders() {
    return scan("orders", 1_000, Map.of("o_orderkey", range(1, 1_000), "o_custkey", range(1, 10),
        "o_date", range(FIRST_DAY.toEpochDay(), FIRST_DAY.toEpochDay() + 99)),
        ORDER_KEY, ORDER_CUSTOMER, ORDER_DATE, ORDER_STATUS);
  }

  private static ScanRelation lineitem() {
    return scan("lineitem", 4_000, Map.of("l_orderkey", range(1, 1_000), "l_partkey", range(1, 200),
        "l_suppkey", range(1, 20)), LINE_ORDER, LINE_PART, LINE_SUPPLIER);
  }

  private static ScanRelation customers() {
    return scan("customer", 10, Map.of("c_custkey", range(1, 10), "c_nationkey", range(0, 4)),
        CUSTOMER_KEY, CUSTOMER_NATION);
  }

  private static ScanRelation suppliers() {
    return scan("supplier", 20, Map.of("s_suppkey", range(1, 20), "s_nationkey", range(0, 4)),
        SUPPLIER_KEY, SUPPLIER_NATION);
  }

  private static ScanRelation partsupp() {
    return scan("partsupp", 800, Map.of("ps_partkey", range(1, 200), "ps_suppkey", range(1, 20)),
        SUPPLY_PART, SUPPLY_SUPPLIER);
  }

  private static Comparison compare(ComparisonOperator operator, Expression left, Expression right) {
    return new Comparison(operator, left, right);
  }

  private static Comparison equal(Expression left, Expression right) {
    return compare(ComparisonOperator.EQUAL_TO, left, right);
  }

  private static Join innerJoin(LogicalPlan left, LogicalPlan right, Expression condition) {
    return new Join(left, right, JoinType.INNER, Optional.of(condition));
  }

  private static double rows(LogicalPlan plan) {
    return new CardinalityEstimator().estimate(plan).rows();
  }

  @Test
  void aScanHasItsTablesRowsAndAKeyNoMoreDistinctValuesThanItsRange() {
    Estimate estimate = new CardinalityEstimator().estimate(lineitem());
    assertEquals(4_000, estimate.rows());
    assertEquals(1_000, estimate.column(LINE_ORDER.exprId()).distinct());
    assertEquals(200, estimate.column(LINE_PART.exprId()).distinct());
    assertEquals(4_000, estimate.column(LINE_PART.exprId()).sourceRows());
  }

  @Test
  void twoBoundsOnOneColumnCountTheirIntervalOnce() {
    // 30 of 99 days: independent halves would give 0.7 * 0.4 of the rows instead.
    Expression condition = new And(
        compare(ComparisonOperator.GREATER_THAN_OR_EQUAL, ORDER_DATE, Literal.fromJava(FIRST_DAY.plusDays(30))),
        compare(ComparisonOperator.LESS_THAN, ORDER_DATE, Literal.fromJava(FIRST_DAY.plusDays(60))));
    assertEquals(1_000 * 30.0 / 99, rows(new Filter(condition, orders())), 1e-9);
  }

  @Test
  void aBoundOutsideTheRangeKeepsAboutOneValuesRows() {
    Expression condition =
        compare(ComparisonOperator.GREATER_THAN, ORDER_DATE, Literal.fromJava(FIRST_DAY.plusDays(500)));
    assertEquals(10, rows(new Filter(condition, orders())), 1e-9);
  }

  @Test
  void anEqualityKeepsOneDistinctValueOrATenthOfAStringColumn() {
    assertEquals(100, rows(new Filter(equal(ORDER_CUSTOMER, Literal.fromJava(3L)), orders())), 1e-9);
    assertEquals(100, rows(new Filter(equal(ORDER_STATUS, Literal.fromJava("F")), orders())), 1e-9);
    assertEquals(1, rows(new Filter(equal(ORDER_KEY, Literal.fromJava(7L)), orders())), 1e-9);
  }

  @Test
  void aForeignKeyJoinedToAFilteredKeyKeepsTheFilteredShare() {
    // A tenth of the orders survive, so a tenth of their lines.
    LogicalPlan someOrders = new Filter(equal(ORDER_CUSTOMER, Literal.fromJava(3L)), orders());
    assertEquals(400, rows(innerJoin(lineitem(), someOrders, equal(LINE_ORDER, ORDER_KEY))), 1e-9);
  }

  @Test
  void twoLowCardinalityColumnsJoinManyToMany() {
    // 10 customers and 20 suppliers over 5 nations: 2 * 4 pairs per nation.
    assertEquals(40, rows(innerJoin(customers(), suppliers(), equal(CUSTOMER_NATION, SUPPLIER_NATION))), 1e-9);
  }

  @Test
  void aCompositeKeyIsNoMoreSelectiveThanItsTablesRows() {
    // Every line has its (part, supplier) row in partsupp: 200 * 20 combinations would say 800.
    Expression condition = new And(equal(LINE_PART, SUPPLY_PART), equal(LINE_SUPPLIER, SUPPLY_SUPPLIER));
    assertEquals(4_000, rows(innerJoin(lineitem(), partsupp(), condition)), 1e-9);
  }

  @Test
  void anAggregateHasAtMostOneRowPerCombinationOfKeys() {
    AttributeReference count = new AttributeReference("n", DataTypes.LongType, false, 99);
    Aggregate perPart = new Aggregate(List.of(LINE_PART), List.of(LINE_PART,
        new Alias(new AggregateCall(AggregateFunction.COUNT, LINE_ORDER, false), "n", count.exprId())),
        lineitem());
    Estimate estimate = new CardinalityEstimator().estimate(perPart);
    assertEquals(200, estimate.rows());
    assertEquals(200, estimate.column(LINE_PART.exprId()).sourceRows());
    assertEquals(200, estimate.column(count.exprId()).distinct());
  }

  @Test
  void semiAndAntiJoinsKeepAtMostTheirLeftRows() {
    LogicalPlan someOrders = new Filter(equal(ORDER_CUSTOMER, Literal.fromJava(3L)), orders());
    Comparison sameOrder = equal(ORDER_KEY, LINE_ORDER);
    double semi = rows(new Join(someOrders, lineitem(), JoinType.LEFT_SEMI, Optional.of(sameOrder)));
    double anti = rows(new Join(orders(), lineitem(), JoinType.LEFT_ANTI, Optional.of(sameOrder)));
    assertEquals(100, semi, 1e-9);
    assertEquals(100, anti, 1e-9); // every order has lines, but an anti join keeps at least a tenth
  }

  @Test
  void aSourceWithoutStatisticsHasItsSizeOverTheWidthOfARow() {
    TableSource sized = new TableSource() {
      @Override
      public StructType schema() {
        return new StructType().add("a", DataTypes.LongType).add("b", DataTypes.IntegerType);
      }

      @Override
      public String formatName() {
        return "csv";
      }

      @Override
      public String describe() {
        return "sized";
      }

      @Override
      public OptionalLong sizeInBytes() {
        return OptionalLong.of(1_200);
      }

      @Override
      public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
        throw new UnsupportedOperationException("only for planning");
      }
    };
    assertEquals(100, rows(ScanRelation.of(sized)));
  }

  @Test
  void theLeftSidesIdsDecideWhichColumnsFormEachSidesKey() {
    Estimate columns = new CardinalityEstimator().estimate(innerJoin(lineitem(), partsupp(), Literal.fromJava(true)));
    double selectivity = CardinalityEstimator.joinSelectivity(
        List.of(equal(SUPPLY_PART, LINE_PART), equal(LINE_SUPPLIER, SUPPLY_SUPPLIER)),
        java.util.Set.of(LINE_ORDER.exprId(), LINE_PART.exprId(), LINE_SUPPLIER.exprId()), columns);
    assertTrue(Math.abs(selectivity - 1.0 / 800) < 1e-12, "selectivity " + selectivity);
  }
}
