package dev.ember.planner.analysis;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
   * Like {@link #resolve(String, List)}, but a name {@code a.id} also finds the column {@code id}
   * qualified {@code a} (by {@code df.as("a")}); Spark tries that reading first. An ambiguous name is
   * reported with each match's qualified name, as Spark does.
   *
   * @param qualifiers the qualifier of input columns by attribute id (see {@link Qualifiers})
   */
  Optional<AttributeReference> resolve(String name, List<AttributeReference> input, Map<Long, String> qualifiers) {
    if (qualifiers.isEmpty()) {
      return resolve(name, input);
    }
    int dot = name.indexOf('.');
    if (dot > 0 && dot < name.length() - 1) {
      Optional<AttributeReference> qualified =
          resolveQualified(name.substring(0, dot), name.substring(dot + 1), input, qualifiers);
      if (qualified.isPresent()) {
        return qualified;
      }
    }
    List<AttributeReference> matches = new ArrayList<>();
    for (AttributeReference candidate : input) {
      if (nameMatches(name, candidate.name())
          && matches.stream().noneMatch(match -> match.exprId() == candidate.exprId())) {
        matches.add(candidate);
      }
    }
    if (matches.size() > 1) {
      throw AnalysisErrors.ambiguousReference(name, qualifiedNames(matches, qualifiers));
    }
    return resolve(name, input);
  }

  /**
   * The input column {@code column} of the table aliased {@code qualifier}, renamed to the user's
   * spelling; empty when there is none.
   */
  Optional<AttributeReference> resolveQualified(String qualifier, String column, List<AttributeReference> input,
      Map<Long, String> qualifiers) {
    List<AttributeReference> qualifiedMatches = new ArrayList<>();
    for (AttributeReference candidate : input) {
      String candidateQualifier = qualifiers.get(candidate.exprId());
      if (candidateQualifier != null && nameMatches(qualifier, candidateQualifier)
          && nameMatches(column, candidate.name())
          && qualifiedMatches.stream().noneMatch(match -> match.exprId() == candidate.exprId())) {
        qualifiedMatches.add(candidate);
      }
    }
    if (qualifiedMatches.size() > 1) {
      throw AnalysisErrors.ambiguousReference(qualifier + "." + column, qualifiedNames(qualifiedMatches, qualifiers));
    }
    return qualifiedMatches.stream().findFirst()
        .map(match -> match.name().equals(column) ? match : match.withName(column));
  }

  private static List<String> qualifiedNames(List<AttributeReference> matches, Map<Long, String> qualifiers) {
    List<String> names = new ArrayList<>();
    for (AttributeReference match : matches) {
      String qualifier = qualifiers.get(match.exprId());
      names.add((qualifier == null ? "" : Identifiers.quote(qualifier) + ".") + Identifiers.quote(match.name()));
    }
    return names;
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
