package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static dev.ember.planner.statistics.StatisticsTable.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.functions.MathFunctionDefinitions;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.statistics.StatisticsTable;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** TPC-H Q17's shape: the average quantity of every part, joined to the few parts a filter keeps. */
class ReduceAggregateInputsBySemiJoinTest {
  private static final AttributeReference LINE_PART = column("l_partkey", 1);
  private static final AttributeReference LINE_QUANTITY = column("l_quantity", 2);
  private static final AttributeReference AVERAGE_PART = column("l_partkey", 11);
  private static final AttributeReference AVERAGE_QUANTITY = column("l_quantity", 12);
  private static final AttributeReference PART_KEY = column("p_partkey", 21);
  private static final AttributeReference PART_BRAND =
      new AttributeReference("p_brand", DataTypes.StringType, true, 22);
  private static final AttributeReference SUPPLY_PART = column("ps_partkey", 31);
  private static final long AVERAGE_ID = 40;
  private static final long RENAMED_ID = 41;

  private final ReduceAggregateInputsBySemiJoin rule = new ReduceAggregateInputsBySemiJoin();

  private static AttributeReference column(String name, long id) {
    return new AttributeReference(name, DataTypes.LongType, true, id);
  }

  private static Expression equal(Expression left, Expression right) {
    return new Comparison(ComparisonOperator.EQUAL_TO, left, right);
  }

  private static ScanRelation lineitem() {
    return scan("lineitem", 6_000_000, LINE_PART, LINE_QUANTITY);
  }

  private static ScanRelation averagedLineitem() {
    return scan("lineitem", 6_000_000, AVERAGE_PART, AVERAGE_QUANTITY);
  }

  private static Filter brand23(long partRows) {
    return new Filter(equal(PART_BRAND, Literal.fromJava("Brand#23")),
        scan("part", partRows, PART_KEY, PART_BRAND));
  }

  /** The average quantity per part, its key renamed as Q17's DataFrame renames it. */
  private static LogicalPlan averagePerPart() {
    Aggregate average = new Aggregate(List.of(AVERAGE_PART), List.of(AVERAGE_PART,
        new Alias(new AggregateCall(AggregateFunction.AVG, AVERAGE_QUANTITY, false), "average", AVERAGE_ID)),
        averagedLineitem());
    return new Project(List.of(new Alias(AVERAGE_PART, "small_partkey", RENAMED_ID),
        new AttributeReference("average", AVERAGE_QUANTITY.dataType(), true, AVERAGE_ID)), average);
  }

  private static AttributeReference renamedKey() {
    return column("small_partkey", RENAMED_ID);
  }

  /** Lineitem joined to the filtered parts, then to the averages: Q17. */
  private static LogicalPlan q17(Filter parts, JoinType type, Expression averageCondition) {
    Join partLines = new Join(lineitem(), parts, JoinType.INNER, Optional.of(equal(LINE_PART, PART_KEY)));
    return new Join(partLines, averagePerPart(), type, Optional.of(averageCondition));
  }

  private static Aggregate aggregateIn(LogicalPlan plan) {
    List<Aggregate> aggregates = plan.collect(node -> node instanceof Aggregate aggregate ? aggregate : null);
    assertEquals(1, aggregates.size(), plan.treeString());
    return aggregates.get(0);
  }

  @Test
  void theAggregateReadsOnlyTheRowsOfKeysTheFilteredScanHolds() {
    LogicalPlan written = q17(brand23(200_000), JoinType.INNER, equal(PART_KEY, renamedKey()));
    LogicalPlan reduced = rule.apply(written);
    assertNotSame(written, reduced);

    Join semi = assertInstanceOf(Join.class, aggregateIn(reduced).child(), reduced.treeString());
    assertEquals(JoinType.LEFT_SEMI, semi.joinType());
    assertEquals(averagedLineitem(), semi.left());
    // A copy of the filtered parts with fresh ids, so the plan holds no id twice on one join.
    Filter copy = assertInstanceOf(Filter.class, semi.right());
    ScanRelation copiedScan = assertInstanceOf(ScanRelation.class, copy.child());
    assertEquals(((ScanRelation) brand23(200_000).child()).source(), copiedScan.source());
    Set<Long> originalIds = Set.of(PART_KEY.exprId(), PART_BRAND.exprId());
    assertTrue(copiedScan.output().stream().noneMatch(column -> originalIds.contains(column.exprId())));
    Comparison condition = assertInstanceOf(Comparison.class, semi.condition().orElseThrow());
    assertEquals(AVERAGE_PART, condition.left());
    assertEquals(copiedScan.output().get(0), condition.right());
    assertEquals("p_brand", ((AttributeReference) ((Comparison) copy.condition()).left()).name());
    assertTrue(copiedScan.output().contains((AttributeReference) ((Comparison) copy.condition()).left()));

    assertSame(reduced, rule.apply(reduced), "a second pass adds no second semi join");
    // The rest of the plan is as written.
    Join top = (Join) reduced;
    assertSame(((Join) written).left(), top.left());
    assertEquals(written.output(), reduced.output());
  }

  @Test
  void aKeyIsFollowedAcrossTheEqualityOfASemiJoin() {
    // Q20: partsupp rows of the filtered parts, joined to sums per part of lineitem.
    Join supplyOfParts = new Join(scan("partsupp", 800_000, SUPPLY_PART), brand23(200_000), JoinType.LEFT_SEMI,
        Optional.of(equal(SUPPLY_PART, PART_KEY)));
    Aggregate sums = new Aggregate(List.of(AVERAGE_PART), List.of(AVERAGE_PART,
        new Alias(new AggregateCall(AggregateFunction.SUM, AVERAGE_QUANTITY, false), "sum", AVERAGE_ID)),
        averagedLineitem());
    LogicalPlan written = new Join(supplyOfParts, sums, JoinType.INNER, Optional.of(equal(SUPPLY_PART, AVERAGE_PART)));
    LogicalPlan reduced = rule.apply(written);
    Join semi = assertInstanceOf(Join.class, aggregateIn(reduced).child(), reduced.treeString());
    assertEquals(JoinType.LEFT_SEMI, semi.joinType());
    ScanRelation copiedScan = (ScanRelation) ((Filter) semi.right()).child();
    assertEquals("part", ((StatisticsTable) copiedScan.source()).name());
  }

  @Test
  void anOuterJoinKeepingEveryAggregateRowIsLeftAlone() {
    // The averages are the preserved side of a right outer join: every group is output.
    assertDoesNotFire(rule, q17(brand23(200_000), JoinType.RIGHT_OUTER, equal(PART_KEY, renamedKey())));
  }

  @Test
  void aNullSafeKeyIsLeftAlone() {
    // A null key group would match null keys on the other side, and no semi join on = keeps it.
    assertDoesNotFire(rule, q17(brand23(200_000), JoinType.INNER,
        new Comparison(ComparisonOperator.NULL_SAFE_EQUAL, PART_KEY, renamedKey())));
  }

  @Test
  void aFilteredTableLargerThanTheAggregateInputIsNotScannedAgain() {
    assertDoesNotFire(rule, q17(brand23(60_000_000), JoinType.INNER, equal(PART_KEY, renamedKey())));
  }

  @Test
  void aNonDeterministicFilterIsNotCopied() {
    Expression random = new Comparison(ComparisonOperator.LESS_THAN,
        new ScalarFunctionCall(MathFunctionDefinitions.RAND, List.of(Literal.fromJava(1))), Literal.fromJava(0.01));
    Filter sampledParts = new Filter(random, scan("part", 200_000, PART_KEY, PART_BRAND));
    assertDoesNotFire(rule, q17(sampledParts, JoinType.INNER, equal(PART_KEY, renamedKey())));
  }

  @Test
  void aJoinOnAnAggregatedValueRatherThanTheGroupingKeyIsLeftAlone() {
    LogicalPlan written = q17(brand23(200_000), JoinType.INNER,
        equal(PART_KEY, new AttributeReference("average", AVERAGE_QUANTITY.dataType(), true, AVERAGE_ID)));
    assertDoesNotFire(rule, written);
  }

  @Test
  void theCopyAddsNoIdThatTheAggregateSideAlreadyHas() {
    LogicalPlan reduced = rule.apply(q17(brand23(200_000), JoinType.LEFT_OUTER, equal(PART_KEY, renamedKey())));
    Join semi = (Join) aggregateIn(reduced).child();
    Set<Long> leftIds = semi.left().output().stream().map(AttributeReference::exprId).collect(Collectors.toSet());
    assertFalse(semi.right().output().stream().anyMatch(column -> leftIds.contains(column.exprId())));
  }
}
