package dev.ember.planner.analysis;

import static dev.ember.planner.analysis.PlanBuilders.attribute;
import static dev.ember.planner.analysis.PlanBuilders.call;
import static dev.ember.planner.analysis.PlanBuilders.col;
import static dev.ember.planner.analysis.PlanBuilders.divide;
import static dev.ember.planner.analysis.PlanBuilders.gt;
import static dev.ember.planner.analysis.PlanBuilders.lit;
import static dev.ember.planner.analysis.PlanBuilders.plus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnresolvedStar;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.logical.Sort;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule alone: the plan before and after, and the cases where it must not fire. */
class RulesTest {
  private final ScanRelation people = FakeTableSource.people();
  private final AttributeReference name = attribute(people, "name");
  private final AttributeReference age = attribute(people, "age");
  private final AttributeReference city = attribute(people, "city");
  private final ColumnResolver caseInsensitive = new ColumnResolver(false);

  @Nested
  class ResolveReferencesRule {
    private final ResolveReferences rule = new ResolveReferences(caseInsensitive);

    @Test
    void bindsNamesToTheChildsColumns() {
      assertEquals(new Filter(gt(age, lit(26)), people), rule.apply(new Filter(gt(col("age"), lit(26)), people)));
    }

    @Test
    void doesNotFireOnUnknownNamesOrResolvedPlans() {
      Filter unknown = new Filter(gt(col("agee"), lit(26)), people);
      assertSame(unknown, rule.apply(unknown));
      Filter resolved = new Filter(gt(age, lit(26)), people);
      assertSame(resolved, rule.apply(resolved));
    }

    @Test
    void waitsUntilTheChildHasNamedOutput() {
      Project unnamed = new Project(List.of(gt(col("age"), lit(1))), people);
      Filter above = new Filter(col("(age > 1)"), unnamed);
      LogicalPlan once = rule.apply(above);
      assertEquals(new Filter(col("(age > 1)"), new Project(List.of(gt(age, lit(1))), people)), once);
    }
  }

  @Nested
  class ResolveStarRule {
    private final ResolveStar rule = new ResolveStar(new ColumnResolver(false));

    @Test
    void expandsInProjectionsAndAggregates() {
      assertEquals(new Project(List.of(name, age, city), people),
          rule.apply(new Project(List.of(new UnresolvedStar()), people)));
      assertEquals(new Aggregate(List.of(), List.of(lit(1), name, age, city), people),
          rule.apply(new Aggregate(List.of(), List.of(lit(1), new UnresolvedStar()), people)));
    }

    @Test
    void doesNotFireWithoutAStarOrBeforeTheChildIsResolved() {
      Project noStar = new Project(List.of(col("name")), people);
      assertSame(noStar, rule.apply(noStar));
      Project unresolvedChild = new Project(List.of(new UnresolvedStar()), new Project(List.of(col("x")), people));
      assertSame(unresolvedChild, rule.apply(unresolvedChild));
    }
  }

  @Nested
  class ResolveFunctionsRule {
    private final ResolveFunctions rule = new ResolveFunctions(FunctionRegistry.builtin());

    @Test
    void resolvesAggregatesCaseInsensitively() {
      Project plan = new Project(List.of(call("AVG", age), call("Mean", age), call("count", new UnresolvedStar())),
          people);
      assertEquals(new Project(List.of(new AggregateCall(AggregateFunction.AVG, age, false),
          new AggregateCall(AggregateFunction.AVG, age, false),
          new AggregateCall(AggregateFunction.COUNT, lit(1), false)), people), rule.apply(plan));
    }

    @Test
    void doesNotFireWhileArgumentsAreUnresolved() {
      Project plan = new Project(List.of(call("avg", col("age"))), people);
      assertSame(plan, rule.apply(plan));
    }

    @Test
    void registryTakesMoreFunctions() {
      FunctionRegistry registry = FunctionRegistry.builtin()
          .with("twice", (functionName, arguments, distinct) -> plus(arguments.get(0), arguments.get(0)));
      Project plan = new Project(List.of(call("TWICE", age)), people);
      assertEquals(new Project(List.of(plus(age, age)), people), new ResolveFunctions(registry).apply(plan));
      assertTrue(FunctionRegistry.builtin().lookup("twice").isEmpty());
    }
  }

  @Nested
  class ConvertGlobalAggregatesRule {
    private final ConvertGlobalAggregates rule = new ConvertGlobalAggregates();

    @Test
    void turnsASelectWithAggregatesIntoAnAggregate() {
      AggregateCall count = new AggregateCall(AggregateFunction.COUNT, lit(1), false);
      assertEquals(new Aggregate(List.of(), List.of(count), people),
          rule.apply(new Project(List.of(count), people)));
    }

    @Test
    void doesNotFireWithoutAggregates() {
      Project plan = new Project(List.of(name), people);
      assertSame(plan, rule.apply(plan));
    }
  }

  @Nested
  class ResolveAliasesRule {
    private final ResolveAliases rule = new ResolveAliases();

    @Test
    void namesUnnamedExpressionsWithTheirSql() {
      Project named = (Project) rule.apply(new Project(List.of(name, gt(age, lit(26))), people));
      assertEquals(name, named.projectList().get(0));
      Alias alias = (Alias) named.projectList().get(1);
      assertEquals("(age > 26)", alias.name());
      assertEquals(gt(age, lit(26)), alias.child());
    }

    @Test
    void doesNotFireOnNamedOrUnresolvedEntries() {
      Project plan = new Project(List.of(name, Alias.of(age, "years"), gt(col("age"), lit(1))), people);
      assertSame(plan, rule.apply(plan));
    }
  }

  @Nested
  class ResolveMissingReferencesRule {
    private final ResolveMissingReferences rule = new ResolveMissingReferences(caseInsensitive);

    @Test
    void carriesAColumnUpThroughAProjectionForAFilter() {
      Project project = new Project(List.of(name), people);
      LogicalPlan rewritten = rule.apply(new Filter(gt(col("age"), lit(1)), project));
      assertEquals(new Project(List.of(name),
          new Filter(gt(col("age"), lit(1)), new Project(List.of(name, age), people))), rewritten);
    }

    @Test
    void doesNotFireWhenTheChildHasTheColumnOrNobodyHasIt() {
      Sort present = new Sort(List.of(SortOrder.ascending(col("name"))), new Project(List.of(name), people));
      assertSame(present, rule.apply(present));
      Sort absent = new Sort(List.of(SortOrder.ascending(col("nope"))), new Project(List.of(name), people));
      assertSame(absent, rule.apply(absent));
    }

    @Test
    void doesNotCarryANonGroupingColumnThroughAnAggregate() {
      Aggregate aggregate = new Aggregate(List.of(city), List.of(city), people);
      Sort plan = new Sort(List.of(SortOrder.ascending(col("name"))), aggregate);
      assertSame(plan, rule.apply(plan));
    }
  }

  @Nested
  class TypeCoercionRules {
    @Test
    void divisionRuleCastsIntegralsToDoubleAndLeavesDecimals() {
      DivideAsFractional rule = new DivideAsFractional();
      Project integral = new Project(List.of(divide(age, lit(2))), people);
      assertEquals(new Project(List.of(divide(Cast.implicit(age, DataTypes.DoubleType),
          Cast.implicit(lit(2), DataTypes.DoubleType))), people), rule.apply(integral));
      Project doubles = new Project(List.of(divide(lit(1.0), lit(2.0))), people);
      assertSame(doubles, rule.apply(doubles));
    }

    @Test
    void wideningDoesNotFireOnEqualTypesOrNonNumericPairs() {
      WidenOperandTypes rule = new WidenOperandTypes();
      Project same = new Project(List.of(plus(age, lit(1)), gt(name, city)), people);
      assertSame(same, rule.apply(same));
    }

    @Test
    void stringPromotionDoesNotFireOnTwoStrings() {
      PromoteStrings rule = new PromoteStrings();
      Project plan = new Project(List.of(gt(name, city), plus(name, city)), people);
      assertSame(plan, rule.apply(plan));
    }

    @Test
    void nullCoercionLeavesTwoComparedNullsAlone() {
      CoerceNullOperands rule = new CoerceNullOperands();
      Project plan = new Project(List.of(gt(lit(null), lit(null))), people);
      assertSame(plan, rule.apply(plan));
    }

    @Test
    void aggregateInputRuleLeavesNumbersAlone() {
      CoerceAggregateInputs rule = new CoerceAggregateInputs();
      Aggregate plan = new Aggregate(List.of(), List.of(new AggregateCall(AggregateFunction.SUM, age, false)), people);
      assertSame(plan, rule.apply(plan));
    }
  }

  @Nested
  class Batches {
    @Test
    void failsLoudlyWhenRulesNeverSettle() {
      AnalyzerRule flipFlop = plan -> plan instanceof Project project && project.projectList().size() == 1
          ? new Project(List.of(name, age), people) : new Project(List.of(name), people);
      RuleBatch batch = new RuleBatch("Flip flop", List.of(flipFlop), 5);
      IllegalStateException error = assertThrows(IllegalStateException.class,
          () -> batch.execute(new Project(List.of(name), people)));
      assertTrue(error.getMessage().startsWith("analyzer batch 'Flip flop' did not reach a fixed point after 5"
          + " iterations"), error.getMessage());
    }

    @Test
    void stopsAtTheFirstPassThatChangesNothing() {
      int[] calls = {0};
      AnalyzerRule counting = plan -> {
        calls[0]++;
        return plan;
      };
      Project plan = new Project(List.of(name), people);
      assertSame(plan, new RuleBatch("Once", List.of(counting), 5).execute(plan));
      assertEquals(1, calls[0]);
    }
  }
}
