package dev.ember.sql;

import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.And;
import dev.ember.planner.expressions.ArithmeticOperator;
import dev.ember.planner.expressions.BinaryArithmetic;
import dev.ember.planner.expressions.If;
import dev.ember.planner.expressions.Comparison;
import dev.ember.planner.expressions.ComparisonOperator;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ReplicateRows;
import dev.ember.planner.logical.Union;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the plans of {@code unionByName}, {@code distinct} and {@code dropDuplicates} from analyzed
 * inputs, with Spark's errors for names that do not match. Positional {@code union} needs no help:
 * the analyzer widens its types and checks its column counts.
 */
final class SetOperationPlans {
  private final boolean caseSensitive;

  SetOperationPlans(boolean caseSensitive) {
    this.caseSensitive = caseSensitive;
  }

  /**
   * The right side's columns reordered to match the left's by name. With {@code allowMissingColumns}
   * a column only one side has is added to the other as nulls: the left's missing columns at its end,
   * so they follow the shared ones. Without it a left column the right lacks fails as in Spark, and
   * extra right columns are kept for the union to report as a column count mismatch.
   */
  LogicalPlan unionByName(LogicalPlan left, LogicalPlan right, boolean allowMissingColumns) {
    List<AttributeReference> leftOutput = left.output();
    List<AttributeReference> rightOutput = right.output();
    requireUniqueNames(leftOutput);
    requireUniqueNames(rightOutput);
    List<Expression> rightProjection = new ArrayList<>();
    Set<Long> matched = new HashSet<>();
    for (AttributeReference leftColumn : leftOutput) {
      AttributeReference found = find(leftColumn.name(), rightOutput);
      if (found != null) {
        rightProjection.add(found);
        matched.add(found.exprId());
      } else if (allowMissingColumns) {
        rightProjection.add(Alias.of(Literal.nullOf(leftColumn.dataType()), leftColumn.name()));
      } else {
        throw unresolvedAmongFieldNames(leftColumn.name(), rightOutput);
      }
    }
    List<AttributeReference> rightOnly = rightOutput.stream().filter(column -> !matched.contains(column.exprId()))
        .toList();
    if (rightOnly.isEmpty()) {
      return new Union(left, new Project(rightProjection, right));
    }
    if (!allowMissingColumns) {
      // Spark compares the column counts of the unchanged inputs and reports the mismatch.
      return new Union(left, right);
    }
    List<Expression> leftProjection = new ArrayList<>(leftOutput);
    for (AttributeReference column : rightOnly) {
      leftProjection.add(Alias.of(Literal.nullOf(column.dataType()), column.name()));
      rightProjection.add(column);
    }
    return new Union(new Project(leftProjection, left), new Project(rightProjection, right));
  }

  /** {@code distinct()}: one group per distinct row, whose columns are the grouping keys. */
  static LogicalPlan distinct(LogicalPlan child) {
    List<Expression> columns = List.copyOf(child.output());
    return new Aggregate(columns, columns, child);
  }

  /**
   * {@code dropDuplicates(keys)}: one row per distinct key; the other columns come from the first
   * row of the key in input order, as Spark keeps it. Every input column whose name matches a key
   * is a key, so a name given twice or a duplicated column name counts once per column.
   */
  LogicalPlan dropDuplicates(LogicalPlan child, List<String> keyNames) {
    List<AttributeReference> output = child.output();
    Set<Long> keyIds = new LinkedHashSet<>();
    for (String name : keyNames) {
      List<AttributeReference> matches = output.stream().filter(column -> nameMatches(name, column.name())).toList();
      if (matches.isEmpty()) {
        throw unresolvedAmongFieldNames(name, output);
      }
      matches.forEach(column -> keyIds.add(column.exprId()));
    }
    List<Expression> grouping = new ArrayList<>();
    List<Expression> aggregates = new ArrayList<>();
    for (AttributeReference column : output) {
      if (keyIds.contains(column.exprId())) {
        if (!grouping.contains(column)) {
          grouping.add(column);
        }
        aggregates.add(column);
      } else {
        aggregates.add(Alias.of(new UnresolvedFunction("first", List.of(column), false), column.name()));
      }
    }
    return new Aggregate(grouping, aggregates, child);
  }

  /**
   * {@code intersect} ({@code keepCommon}) or {@code except} of an analyzed union of the two inputs,
   * whose sides already have equal types. Rows are compared null-safely by grouping: each side's
   * rows are tagged, one group per distinct row records which sides it came from, and the groups
   * found on the wanted sides are kept:
   *
   * <pre>
   * Project [a, b]
   * +- Filter (left &gt; 0 AND right &gt; 0)        (except: right = 0)
   *    +- Aggregate [a, b], [a, b, max(in_left) AS left, max(in_right) AS right]
   *       +- Union
   *          :- Project [a, b, 1 AS in_left, 0 AS in_right]
   *          +- Project [c, d, 0 AS in_left, 1 AS in_right]
   * </pre>
   */
  static LogicalPlan intersectOrExcept(Union analyzed, boolean keepCommon) {
    LogicalPlan tagged = new Union(tagged(analyzed.left(), 1, 0), tagged(analyzed.right(), 0, 1));
    List<AttributeReference> taggedOutput = tagged.output();
    int columns = analyzed.left().output().size();
    List<Expression> grouping = new ArrayList<>(taggedOutput.subList(0, columns));
    List<Expression> aggregates = new ArrayList<>(grouping);
    // Resolved calls, so the filter above can refer to their columns by id.
    Alias inLeft = Alias.of(new AggregateCall(AggregateFunction.MAX, taggedOutput.get(columns), false), "in_left");
    Alias inRight = Alias.of(new AggregateCall(AggregateFunction.MAX, taggedOutput.get(columns + 1), false),
        "in_right");
    aggregates.add(inLeft);
    aggregates.add(inRight);
    LogicalPlan groups = new Aggregate(grouping, aggregates, tagged);
    Expression zero = Literal.fromJava(0);
    Expression condition = new And(
        new Comparison(ComparisonOperator.GREATER_THAN, inLeft.toAttribute(), zero),
        new Comparison(keepCommon ? ComparisonOperator.GREATER_THAN : ComparisonOperator.EQUAL_TO,
            inRight.toAttribute(), zero));
    return new Project(grouping, new Filter(condition, groups));
  }

  /**
   * {@code intersectAll} ({@code keepCommon}) or {@code exceptAll}: multiset semantics, so a row found
   * {@code l} times on the left and {@code r} times on the right comes out {@code min(l, r)} times
   * (intersect) or {@code l - r} times (except). Each distinct row is counted per side, then repeated:
   *
   * <pre>
   * ReplicateRows [n, a, b]
   * +- Project [if(left &lt; right, left, right) AS n, a, b]       (except: left - right AS n)
   *    +- Filter (left &gt; 0 AND right &gt; 0)                       (except: left &gt; right)
   *       +- Aggregate [a, b], [a, b, sum(in_left) AS left, sum(in_right) AS right]
   *          +- Union (sides tagged as for intersect)
   * </pre>
   */
  static LogicalPlan intersectAllOrExceptAll(Union analyzed, boolean keepCommon) {
    LogicalPlan tagged = new Union(tagged(analyzed.left(), 1, 0), tagged(analyzed.right(), 0, 1));
    List<AttributeReference> taggedOutput = tagged.output();
    int columns = analyzed.left().output().size();
    List<Expression> grouping = new ArrayList<>(taggedOutput.subList(0, columns));
    List<Expression> aggregates = new ArrayList<>(grouping);
    Alias inLeft = Alias.of(new AggregateCall(AggregateFunction.SUM, taggedOutput.get(columns), false), "in_left");
    Alias inRight = Alias.of(new AggregateCall(AggregateFunction.SUM, taggedOutput.get(columns + 1), false),
        "in_right");
    aggregates.add(inLeft);
    aggregates.add(inRight);
    LogicalPlan groups = new Aggregate(grouping, aggregates, tagged);
    Expression left = inLeft.toAttribute();
    Expression right = inRight.toAttribute();
    Expression zero = Literal.fromJava(0L);
    Expression condition = keepCommon
        ? new And(new Comparison(ComparisonOperator.GREATER_THAN, left, zero),
            new Comparison(ComparisonOperator.GREATER_THAN, right, zero))
        : new Comparison(ComparisonOperator.GREATER_THAN, left, right);
    Expression copies = keepCommon
        ? new If(new Comparison(ComparisonOperator.LESS_THAN, left, right), left, right)
        : new BinaryArithmetic(ArithmeticOperator.SUBTRACT, left, right);
    List<Expression> projectList = new ArrayList<>();
    projectList.add(Alias.of(copies, "copies"));
    projectList.addAll(grouping);
    return new ReplicateRows(new Project(projectList, new Filter(condition, groups)));
  }

  private static LogicalPlan tagged(LogicalPlan side, int inLeft, int inRight) {
    List<Expression> projectList = new ArrayList<>(side.output());
    projectList.add(Alias.of(Literal.fromJava(inLeft), "in_left"));
    projectList.add(Alias.of(Literal.fromJava(inRight), "in_right"));
    return new Project(projectList, side);
  }

  private AttributeReference find(String name, List<AttributeReference> columns) {
    for (AttributeReference column : columns) {
      if (nameMatches(name, column.name())) {
        return column;
      }
    }
    return null;
  }

  private boolean nameMatches(String requested, String candidate) {
    return caseSensitive ? requested.equals(candidate) : requested.equalsIgnoreCase(candidate);
  }

  /** Spark names the duplicate as it compares names: lower-cased unless case-sensitive. */
  private void requireUniqueNames(List<AttributeReference> columns) {
    Set<String> seen = new HashSet<>();
    for (AttributeReference column : columns) {
      String key = caseSensitive ? column.name() : column.name().toLowerCase(Locale.ROOT);
      if (!seen.add(key)) {
        String quoted = "`" + key.replace("`", "``") + "`";
        throw new AnalysisException("COLUMN_ALREADY_EXISTS", java.util.Map.of("columnName", quoted),
            "The column " + quoted + " already exists. Choose another name or rename the existing column."
                + " SQLSTATE: 42711");
      }
    }
  }

  private static AnalysisException unresolvedAmongFieldNames(String name, List<AttributeReference> columns) {
    String fieldNames = String.join(", ", columns.stream().map(AttributeReference::name).toList());
    return new AnalysisException("UNRESOLVED_COLUMN_AMONG_FIELD_NAMES",
        java.util.Map.of("colName", name, "fieldNames", fieldNames),
        "Cannot resolve column name \"" + name + "\" among (" + fieldNames + "). SQLSTATE: 42703");
  }
}
