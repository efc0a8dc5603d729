package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds a column by name among an operator's input, honouring {@code spark.sql.caseSensitive}. */
final class ColumnResolver {
  private final boolean caseSensitive;

  ColumnResolver(boolean caseSensitive) {
    this.caseSensitive = caseSensitive;
  }

  boolean nameMatches(String requested, String candidate) {
    return caseSensitive ? requested.equals(candidate)
        : requested.toLowerCase(Locale.ROOT).equals(candidate.toLowerCase(Locale.ROOT));
  }

  /**
   * The single input column called {@code name}, renamed to the user's spelling (Spark names the
   * output {@code NAME} when the user asked for {@code NAME}); empty when there is none.
   *
   * @throws dev.ember.sql.AnalysisException AMBIGUOUS_REFERENCE when two different columns match
   */
  Optional<AttributeReference> resolve(String name, List<AttributeReference> input) {
    List<AttributeReference> matches = new ArrayList<>();
    for (AttributeReference candidate : input) {
      // The same column listed twice (select(name, name)) is not ambiguous: ids tell columns apart.
      if (nameMatches(name, candidate.name())
          && matches.stream().noneMatch(match -> match.exprId() == candidate.exprId())) {
        matches.add(candidate);
      }
    }
    if (matches.size() > 1) {
      throw AnalysisErrors.ambiguousReference(name, matches.size());
    }
    return matches.stream().findFirst().map(match -> match.name().equals(name) ? match : match.withName(name));
  }

  /**
   * Whether {@code plan}'s output can be computed: it is resolved and every select list is made of
   * named expressions (a resolved but not yet aliased {@code (age > 26)} has no output column yet).
   */
  static boolean outputReady(LogicalPlan plan) {
    return plan.resolved() && !plan.exists(node ->
        node instanceof Project project && !allNamed(project.projectList())
            || node instanceof Aggregate aggregate && !allNamed(aggregate.aggregateExpressions()));
  }

  static boolean childrenReady(LogicalPlan plan) {
    return plan.children().stream().allMatch(ColumnResolver::outputReady);
  }

  private static boolean allNamed(List<dev.ember.planner.expressions.Expression> expressions) {
    return expressions.stream().allMatch(expression ->
        expression instanceof AttributeReference || expression instanceof dev.ember.planner.expressions.Alias);
  }
}
