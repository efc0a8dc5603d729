package dev.ember.planner.analysis;

import static dev.ember.planner.analysis.PlanBuilders.analysisError;
import static dev.ember.planner.analysis.PlanBuilders.attribute;
import static dev.ember.planner.analysis.PlanBuilders.call;
import static dev.ember.planner.analysis.PlanBuilders.col;
import static dev.ember.planner.analysis.PlanBuilders.firstLine;
import static dev.ember.planner.analysis.PlanBuilders.gt;
import static dev.ember.planner.analysis.PlanBuilders.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnresolvedStar;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.logical.Sort;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.DataTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole analyzer on the plans the API builds. Expected errors are Spark 4.2.0's, observed on Spark. */
class AnalyzerTest {
  private final Analyzer analyzer = new Analyzer(AnalyzerSettings.defaults());
  private final ScanRelation people = FakeTableSource.people();
  private final AttributeReference name = attribute(people, "name");
  private final AttributeReference age = attribute(people, "age");
  private final AttributeReference city = attribute(people, "city");

  /** Tree text with expression ids replaced, so expected plans can be written down. */
  static String tree(LogicalPlan plan) {
    return plan.treeString().replaceAll("#\\d+", "#n");
  }

  @Test
  void resolvesColumnsOfAProjectionToTheScanColumns() {
    LogicalPlan analyzed = analyzer.analyze(new Project(List.of(col("name"), col("age")), people));
    assertEquals(new Project(List.of(name, age), people), analyzed);
  }

  @Test
  void resolvesNamesCaseInsensitivelyAndKeepsTheUsersSpelling() {
    Project analyzed = (Project) analyzer.analyze(new Project(List.of(col("NAME"), col("Age")), people));
    // Spark 4.2: Project [NAME#0, Age#1], schema struct<NAME:string,Age:int>.
    assertEquals(List.of(name.withName("NAME"), age.withName("Age")), analyzed.projectList());
  }

  @Test
  void caseSensitiveSettingRejectsOtherSpellings() {
    Analyzer caseSensitive = new Analyzer(new AnalyzerSettings(true, true));
    AnalysisException error = analysisError(() -> caseSensitive.analyze(new Project(List.of(col("NAME")), people)));
    assertEquals("UNRESOLVED_COLUMN.WITH_SUGGESTION", error.getCondition());
  }

  @Test
  void unknownColumnIsSparksErrorWithRankedSuggestions() {
    Project plan = new Project(List.of(col("agee")), people);
    AnalysisException error = analysisError(() -> analyzer.analyze(plan));
    assertEquals("UNRESOLVED_COLUMN.WITH_SUGGESTION", error.getCondition());
    assertEquals(Map.of("objectName", "`agee`", "proposal", "`age`, `name`, `city`"), error.getMessageParameters());
    // Spark: the message line, then the failing operator's plan.
    assertEquals("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `agee`"
        + " cannot be resolved. Did you mean one of the following? [`age`, `name`, `city`]. SQLSTATE: 42703;",
        firstLine(error));
    assertTrue(error.getMessage().endsWith(";\n" + plan.treeString()), error.getMessage());
  }

  @Test
  void unknownColumnInAFilterIsReportedTheSameWay() {
    AnalysisException error = analysisError(() -> analyzer.analyze(new Filter(gt(col("agee"), lit(26)), people)));
    assertEquals(Map.of("objectName", "`agee`", "proposal", "`age`, `name`, `city`"), error.getMessageParameters());
  }

  @Test
  void ambiguousNameIsSparksError() {
    Project twoNames = new Project(List.of(col("name"), Alias.of(col("age"), "NAME")), people);
    AnalysisException error = analysisError(() -> analyzer.analyze(new Project(List.of(col("Name")), twoNames)));
    assertEquals("[AMBIGUOUS_REFERENCE] Reference `Name` is ambiguous, could be: [`Name`, `Name`]. SQLSTATE: 42704",
        error.getMessage());
    assertEquals(Map.of("name", "`Name`", "referenceNames", "[`Name`, `Name`]"), error.getMessageParameters());
  }

  @Test
  void theSameColumnTwiceIsNotAmbiguous() {
    Project twice = new Project(List.of(col("name"), col("name")), people);
    LogicalPlan analyzed = analyzer.analyze(new Project(List.of(col("name")), twice));
    assertEquals(List.of(name), analyzed.output());
  }

  @Test
  void starExpandsToTheInputColumns() {
    LogicalPlan analyzed = analyzer.analyze(new Project(List.of(new UnresolvedStar()), people));
    assertEquals(new Project(List.of(name, age, city), people), analyzed);
  }

  @Test
  void filterComparesTheColumnWithTheLiteral() {
    LogicalPlan analyzed = analyzer.analyze(new Filter(gt(col("age"), lit(26)), people));
    assertEquals(new Filter(gt(age, lit(26)), people), analyzed);
  }

  @Test
  void aggregateResolvesFunctionsAndNamesColumnsLikeSpark() {
    Aggregate plan = new Aggregate(List.of(col("city")),
        List.of(col("city"), call("avg", col("age")), Alias.of(call("count", lit(1)), "count"),
            call("count", new UnresolvedStar()), call("MAX", col("age")), call("sum", col("age"))),
        people);
    LogicalPlan analyzed = analyzer.analyze(plan);
    // Spark: Aggregate [city#2], [city#2, avg(age#1) AS avg(age)#24, ...]
    assertEquals("Aggregate [city#n], [city#n, avg(age#n) AS avg(age)#n, count(1) AS count#nL,"
        + " count(1) AS count(1)#nL, max(age#n) AS max(age)#n, sum(age#n) AS sum(age)#nL]\n"
        + "+- Relation [name#n,age#n,city#n] fake\n", tree(analyzed));
    List<String> names = analyzed.output().stream().map(AttributeReference::name).toList();
    assertEquals(List.of("city", "avg(age)", "count", "count(1)", "max(age)", "sum(age)"), names);
    assertEquals(List.of(DataTypes.StringType, DataTypes.DoubleType, DataTypes.LongType, DataTypes.LongType,
        DataTypes.IntegerType, DataTypes.LongType), analyzed.output().stream().map(Expression::dataType).toList());
    assertEquals(List.of(true, true, false, false, true, true),
        analyzed.output().stream().map(AttributeReference::nullable).toList());
  }

  @Test
  void selectWithAnAggregateBecomesAGlobalAggregate() {
    LogicalPlan analyzed = analyzer.analyze(new Project(List.of(call("avg", col("age"))), people));
    assertEquals("Aggregate [], [avg(age#n) AS avg(age)#n]\n+- Relation [name#n,age#n,city#n] fake\n", tree(analyzed));
  }

  @Test
  void sortByAnAggregateOutputColumn() {
    Aggregate aggregate = new Aggregate(List.of(col("city")), List.of(col("city"), call("avg", col("age"))), people);
    LogicalPlan analyzed = analyzer.analyze(
        new Sort(List.of(SortOrder.ascending(col("avg(age)"))), aggregate));
    assertEquals("Sort [avg(age)#n ASC NULLS FIRST], true\n"
        + "+- Aggregate [city#n], [city#n, avg(age#n) AS avg(age)#n]\n"
        + "   +- Relation [name#n,age#n,city#n] fake\n", tree(analyzed));
  }

  @Test
  void sortByAGroupingColumnThatIsNotSelectedCarriesItUp() {
    Aggregate aggregate = new Aggregate(List.of(col("city")), List.of(call("avg", col("age"))), people);
    LogicalPlan analyzed = analyzer.analyze(new Sort(List.of(SortOrder.ascending(col("city"))), aggregate));
    // Spark (SQL ... GROUP BY city ORDER BY city): Project [avg(age)] over Sort over Aggregate [.., city].
    assertEquals("Project [avg(age)#n]\n"
        + "+- Sort [city#n ASC NULLS FIRST], true\n"
        + "   +- Aggregate [city#n], [avg(age#n) AS avg(age)#n, city#n]\n"
        + "      +- Relation [name#n,age#n,city#n] fake\n", tree(analyzed));
    assertEquals(List.of("avg(age)"), analyzed.output().stream().map(AttributeReference::name).toList());
  }

  @Test
  void sortByAColumnTheProjectionDroppedCarriesItUp() {
    Project project = new Project(List.of(col("name")), people);
    Limit limited = new Limit(3, project);
    LogicalPlan analyzed = analyzer.analyze(new Sort(List.of(SortOrder.ascending(col("age"))), limited));
    assertEquals("Project [name#n]\n"
        + "+- Sort [age#n ASC NULLS FIRST], true\n"
        + "   +- GlobalLimit 3\n"
        + "      +- Project [name#n, age#n]\n"
        + "         +- Relation [name#n,age#n,city#n] fake\n", tree(analyzed));
    assertEquals(List.of(name), analyzed.output());
  }

  @Test
  void sortByANonGroupingColumnBelowAnAggregateFailsWithTheAggregatesColumnsAsSuggestions() {
    Aggregate aggregate = new Aggregate(List.of(col("city")),
        List.of(col("city"), Alias.of(call("avg", col("age")), "a")), people);
    AnalysisException error = analysisError(() ->
        analyzer.analyze(new Sort(List.of(SortOrder.ascending(col("name"))), aggregate)));
    assertEquals(Map.of("objectName", "`name`", "proposal", "`a`, `city`"), error.getMessageParameters());
  }

  @Test
  void limitKeepsItsChildsColumns() {
    LogicalPlan analyzed = analyzer.analyze(new Limit(5, new Project(List.of(col("city")), people)));
    assertEquals(new Limit(5, new Project(List.of(city), people)), analyzed);
  }

  @Test
  void analyzingAnAnalyzedPlanChangesNothing() {
    LogicalPlan analyzed = analyzer.analyze(new Aggregate(List.of(col("city")),
        List.of(col("city"), call("avg", col("age"))), new Filter(gt(col("age"), lit("26")), people)));
    assertSame(analyzed, analyzer.analyze(analyzed));
  }

  @Test
  void keepsTheSourcesNullability() {
    ScanRelation table = FakeTableSource.allTypes();
    LogicalPlan analyzed = analyzer.analyze(new Project(List.of(col("id"), col("age")), table));
    assertEquals(List.of(false, true), analyzed.output().stream().map(AttributeReference::nullable).toList());
    assertFalse(attribute(table, "id").nullable());
  }
}
