package dev.ember.planner.optimizer.rules;

import static dev.ember.planner.optimizer.PeopleTable.AGE;
import static dev.ember.planner.optimizer.PeopleTable.CITY;
import static dev.ember.planner.optimizer.PeopleTable.NAME;
import static dev.ember.planner.optimizer.RuleAssertions.assertDoesNotFire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.IsNotNull;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.optimizer.PeopleTable;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.TableSource;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.StructType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushFiltersIntoScanTest {
  private final PushFiltersIntoScan rule = new PushFiltersIntoScan();
  private final Expression adult = new Comparison(ComparisonOperator.GREATER_THAN, AGE, Literal.fromJava(26));
  private final Expression hasCity = new IsNotNull(CITY);

  /** The people table, keeping whatever conjuncts it is offered except those on {@code name}. */
  private record SkippingTable(List<Expression> pushedFilters) implements TableSource {
    @Override
    public StructType schema() {
      return PeopleTable.INSTANCE.schema();
    }

    @Override
    public String formatName() {
      return "parquet";
    }

    @Override
    public String describe() {
      return "skipping people";
    }

    @Override
    public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
      throw new UnsupportedOperationException("planning only");
    }

    @Override
    public TableSource withPushedFilters(List<Expression> conjuncts) {
      List<Expression> usable = conjuncts.stream()
          .filter(conjunct -> !conjunct.exists(e -> e.equals(NAME))).toList();
      return usable.equals(pushedFilters) ? this : new SkippingTable(usable);
    }
  }

  private static ScanRelation scan(TableSource source) {
    return new ScanRelation(source, List.of(NAME, AGE, CITY));
  }

  @Test
  void offersEachConjunctAndKeepsTheFilter() {
    Expression nameIsBob = new Comparison(ComparisonOperator.EQUAL_TO, NAME, Literal.fromJava("Bob"));
    Expression condition = new And(new And(adult, nameIsBob), hasCity);
    LogicalPlan plan = new Filter(condition, scan(new SkippingTable(List.of())));
    Filter result = (Filter) rule.apply(plan);
    assertEquals(condition, result.condition());
    ScanRelation pushed = (ScanRelation) result.child();
    assertEquals(List.of(adult, hasCity), pushed.source().pushedFilters());
    assertEquals("Relation [name#1,age#2,city#3] parquet, PushedFilters: [(age#2 > 26), isnotnull(city#3)]",
        pushed.nodeString());
  }

  @Test
  void doesNotFireWhenTheSourceAlreadyHoldsTheFilters() {
    assertDoesNotFire(rule, new Filter(adult, scan(new SkippingTable(List.of(adult)))));
  }

  @Test
  void doesNotFireOnASourceWithoutPushdown() {
    assertDoesNotFire(rule, new Filter(adult, PeopleTable.scan()));
  }

  @Test
  void doesNotFireWhenTheFilterIsNotRightAboveTheScan() {
    assertDoesNotFire(rule, new Filter(adult, new Project(List.of(AGE), scan(new SkippingTable(List.of())))));
  }

  /** A partitioned table whose partition column is {@code city}: it takes conjuncts on city as partition filters. */
  private record PartitionedPeople(List<Expression> partitionFilters) implements TableSource {
    @Override
    public StructType schema() {
      return PeopleTable.INSTANCE.schema();
    }

    @Override
    public String formatName() {
      return "json";
    }

    @Override
    public String describe() {
      return "people by city";
    }

    @Override
    public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
      throw new UnsupportedOperationException("planning only");
    }

    @Override
    public TableSource withPushedFilters(List<Expression> conjuncts) {
      List<Expression> onCity = conjuncts.stream()
          .filter(conjunct -> conjunct.exists(e -> e.equals(CITY)) && !conjunct.exists(e -> e.equals(AGE))).toList();
      return onCity.equals(partitionFilters) ? this : new PartitionedPeople(onCity);
    }
  }

  @Test
  void firesForPartitionFiltersAloneAndShowsThem() {
    Expression inOslo = new Comparison(ComparisonOperator.EQUAL_TO, CITY, Literal.fromJava("Oslo"));
    LogicalPlan plan = new Filter(new And(adult, inOslo), scan(new PartitionedPeople(List.of())));
    Filter result = (Filter) rule.apply(plan);
    ScanRelation pushed = (ScanRelation) result.child();
    assertEquals(List.of(inOslo), pushed.source().partitionFilters());
    assertEquals(List.of(), pushed.source().pushedFilters());
    assertEquals("Relation [name#1,age#2,city#3] json, PartitionFilters: [(city#3 = Oslo)]", pushed.nodeString());
    assertDoesNotFire(rule, result);
  }
}
