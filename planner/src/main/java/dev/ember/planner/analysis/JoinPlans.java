package dev.ember.planner.analysis;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Coalesce;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.DatasetColumnReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.AttributeRenumbering;
import dev.ember.planner.logical.Join;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.sql.AnalysisException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the join plans of the Dataset API over two analyzed plans, as Spark's {@code Dataset.join}
 * does before analysis: a side that shares columns with the other (a self-join) gets fresh ids, the
 * trivially true {@code df.col("id") === df.col("id")} of a self-join means "left id equals right
 * id", and a using join becomes a join on equal keys under a projection that keeps each key once.
 */
public final class JoinPlans {
  private static final String SELF_JOIN_CONFIG = "spark.sql.analyzer.failAmbiguousSelfJoin";

  private JoinPlans() {}

  /**
   * {@code left.join(right, condition, joinType)}; {@code condition} may be null (every pair matches).
   *
   * @throws AnalysisException when a condition column of a self-join could be either side's
   */
  public static Join join(LogicalPlan left, LogicalPlan right, JoinType joinType, Expression condition) {
    Objects.requireNonNull(left, "left is null");
    Objects.requireNonNull(right, "right is null");
    Objects.requireNonNull(joinType, "joinType is null");
    if (!AttributeRenumbering.overlap(left.output(), right.output())) {
      return new Join(left, right, joinType, condition);
    }
    AttributeRenumbering.Result renumbered = AttributeRenumbering.renumber(right);
    Map<Long, Long> newIds = renumbered.newIds();
    Expression rewritten = condition == null ? null : condition.transformUp(expression -> {
      if (expression instanceof Comparison comparison && isEquality(comparison.operator())
          && comparison.left() instanceof DatasetColumnReference first
          && comparison.right() instanceof DatasetColumnReference second
          && first.exprId() == second.exprId() && newIds.containsKey(second.exprId())) {
        return new Comparison(comparison.operator(), first,
            new DatasetColumnReference(second.name(), newIds.get(second.exprId())));
      }
      return expression;
    });
    if (rewritten != null) {
      List<DatasetColumnReference> ambiguous = new ArrayList<>();
      Set<Long> leftIds = left.output().stream().map(AttributeReference::exprId).collect(Collectors.toSet());
      // After the rewrite, a reference to an id both sides had (and which is not one side of a trivial
      // equality) could mean either side; Spark refuses to guess.
      collectAmbiguous(rewritten, newIds, leftIds, ambiguous);
      if (!ambiguous.isEmpty()) {
        throw ambiguousSelfJoin(ambiguous);
      }
    }
    return new Join(left, renumbered.plan(), joinType, rewritten);
  }

  private static void collectAmbiguous(Expression expression, Map<Long, Long> newIds, Set<Long> leftIds,
      List<DatasetColumnReference> ambiguous) {
    if (expression instanceof Comparison comparison && isEquality(comparison.operator())
        && comparison.left() instanceof DatasetColumnReference first
        && comparison.right() instanceof DatasetColumnReference second
        && newIds.get(first.exprId()) != null && newIds.get(first.exprId()) == second.exprId()) {
      return;
    }
    if (expression instanceof DatasetColumnReference reference && newIds.containsKey(reference.exprId())
        && leftIds.contains(reference.exprId())) {
      ambiguous.add(reference);
      return;
    }
    for (Expression child : expression.children()) {
      collectAmbiguous(child, newIds, leftIds, ambiguous);
    }
  }

  private static boolean isEquality(ComparisonOperator operator) {
    return operator == ComparisonOperator.EQUAL_TO || operator == ComparisonOperator.NULL_SAFE_EQUAL;
  }

  private static AnalysisException ambiguousSelfJoin(List<DatasetColumnReference> references) {
    String attributes = references.stream().map(reference -> reference.name() + "#" + reference.exprId())
        .collect(Collectors.joining(", "));
    return new AnalysisException("_LEGACY_ERROR_TEMP_1182",
        Map.of("ambiguousAttrs", attributes, "config", SELF_JOIN_CONFIG),
        "Column " + attributes + " are ambiguous. It's probably because you joined several Datasets together, and"
            + " some of these Datasets are the same. This column points to one of the Datasets but Spark is unable"
            + " to figure out which one. Please alias the Datasets with different names via `Dataset.as` before"
            + " joining them, and specify the column using qualified name, e.g. `df.as(\"a\").join(df.as(\"b\"),"
            + " $\"a.id\" > $\"b.id\")`. You can also set " + SELF_JOIN_CONFIG + " to false to disable this check.");
  }

  /**
   * {@code left.join(right, usingColumns, joinType)}: joins on equal columns of the same name and keeps
   * each once, first: the left side's (the right side's for a right outer join), then the other
   * columns of the left and of the right side, as Spark 4.2 does.
   *
   * @throws AnalysisException UNRESOLVED_USING_COLUMN_FOR_JOIN when a side lacks a column
   */
  public static LogicalPlan usingJoin(LogicalPlan left, LogicalPlan right, List<String> usingColumns,
      JoinType joinType, boolean caseSensitive) {
    Objects.requireNonNull(usingColumns, "usingColumns is null");
    ColumnResolver resolver = new ColumnResolver(caseSensitive);
    Join plain = join(left, right, joinType, null);
    LogicalPlan rightSide = plain.right();
    // Spark ignores a column named twice.
    List<String> names = List.copyOf(new LinkedHashSet<>(usingColumns));
    List<AttributeReference> leftKeys = new ArrayList<>();
    List<AttributeReference> rightKeys = new ArrayList<>();
    for (String name : names) {
      leftKeys.add(original(resolveSide(resolver, name, left, "left"), left.output()));
      rightKeys.add(original(resolveSide(resolver, name, rightSide, "right"), rightSide.output()));
    }
    Expression condition = null;
    for (int i = 0; i < leftKeys.size(); i++) {
      Expression equal = new Comparison(ComparisonOperator.EQUAL_TO, leftKeys.get(i), rightKeys.get(i));
      condition = condition == null ? equal : new And(condition, equal);
    }
    Join join = plain.withCondition(condition);
    Map<Long, AttributeReference> joinOutput = new HashMap<>();
    join.output().forEach(column -> joinOutput.put(column.exprId(), column));
    List<AttributeReference> keys = joinType == JoinType.RIGHT_OUTER ? rightKeys : leftKeys;
    Set<Long> keyIds = new java.util.HashSet<>();
    leftKeys.forEach(key -> keyIds.add(key.exprId()));
    rightKeys.forEach(key -> keyIds.add(key.exprId()));
    List<Expression> projectList = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      AttributeReference key = joinOutput.get(keys.get(i).exprId());
      if (joinType == JoinType.FULL_OUTER) {
        // Either side's key may be missing from a row, so the key is whichever side has it.
        projectList.add(Alias.of(new Coalesce(List.of(key, joinOutput.get(rightKeys.get(i).exprId()))),
            leftKeys.get(i).name()));
      } else {
        projectList.add(key);
      }
    }
    for (AttributeReference column : join.output()) {
      if (!keyIds.contains(column.exprId())) {
        projectList.add(column);
      }
    }
    return new Project(projectList, join);
  }

  private static AttributeReference resolveSide(ColumnResolver resolver, String name, LogicalPlan side,
      String sideName) {
    return resolver.resolve(name, side.output()).orElseThrow(() -> AnalysisErrors.unresolvedUsingColumn(name,
        sideName, side.output().stream().map(AttributeReference::name).toList()));
  }

  /** The side's own attribute (its own spelling), not the one renamed to the user's spelling. */
  private static AttributeReference original(AttributeReference found, List<AttributeReference> output) {
    return output.stream().filter(column -> column.exprId() == found.exprId()).findFirst().orElse(found);
  }
}
