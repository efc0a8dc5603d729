package dev.ember.sql;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Union;
import dev.ember.sql.types.DataTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rollup} and {@code cube}: one aggregation over several grouping sets. Spark expands each input
 * row once per grouping set; Ember builds the same rows as a union of one projection per set, where the
 * keys a set leaves out are null and each set carries its {@code grouping_id} and the values of the
 * query's {@code grouping(...)} / {@code grouping_id(...)} calls as constants:
 *
 * <pre>
 * Aggregate [k', g', gid, c0], [k' AS k, g' AS g, sum(v), c0 AS `grouping(k)`]
 * +- Union
 *    :- Project [k, g, v, k AS k', g AS g', 0 AS gid, 0 AS c0]        (set {k, g})
 *    :- Project [k, g, v, k AS k', null AS g', 1 AS gid, 0 AS c0]     (set {k})
 *    +- Project [k, g, v, null AS k', null AS g', 3 AS gid, 1 AS c0]  (set {})
 * </pre>
 *
 * The input is read once per grouping set.
 */
final class GroupingSetsPlan {
  private GroupingSetsPlan() {}

  /** The grouping sets of {@code rollup} over {@code n} keys, as masks of the keys kept (bit i: key i). */
  static List<Integer> rollupSets(int n) {
    List<Integer> sets = new ArrayList<>();
    for (int kept = n; kept >= 0; kept--) {
      sets.add((1 << kept) - 1);
    }
    return sets;
  }

  /** Every subset of the keys, the full set first, as Spark lists cube's sets. */
  static List<Integer> cubeSets(int n) {
    List<Integer> sets = new ArrayList<>();
    for (int mask = (1 << n) - 1; mask >= 0; mask--) {
      sets.add(Integer.reverse(mask) >>> (Integer.SIZE - n));
    }
    return sets;
  }

  /**
   * @param child the analyzed input
   * @param keys the grouping expressions, resolved against {@code child} (columns or aliases)
   * @param aggregates the user's aggregate columns, unresolved
   */
  static LogicalPlan plan(LogicalPlan child, List<Expression> keys, List<Integer> sets, List<Expression> aggregates) {
    int n = keys.size();
    List<UnresolvedFunction> groupingCalls = new ArrayList<>();
    for (Expression aggregate : aggregates) {
      aggregate.transformDown(expression -> {
        if (isGroupingCall(expression) && !groupingCalls.contains(expression)) {
          groupingCalls.add((UnresolvedFunction) expression);
        }
        return expression;
      });
    }
    List<String> keyNames = keys.stream().map(GroupingSetsPlan::nameOf).toList();
    List<LogicalPlan> branches = new ArrayList<>();
    for (int set : sets) {
      List<Expression> projectList = new ArrayList<>(child.output());
      for (int i = 0; i < n; i++) {
        Expression key = keys.get(i) instanceof Alias alias ? alias.child() : keys.get(i);
        boolean kept = (set & (1 << i)) != 0;
        projectList.add(Alias.of(kept ? key : Literal.nullOf(key.dataType()), "__grouping_key_" + i));
      }
      projectList.add(Alias.of(Literal.fromJava(groupingId(set, n)), "__grouping_id"));
      for (int call = 0; call < groupingCalls.size(); call++) {
        projectList.add(Alias.of(callValue(groupingCalls.get(call), set, keyNames), "__grouping_call_" + call));
      }
      branches.add(new Project(projectList, child));
    }
    LogicalPlan union = branches.get(0);
    for (int i = 1; i < branches.size(); i++) {
      union = new Union(union, branches.get(i));
    }
    List<AttributeReference> unionOutput = union.output();
    int first = child.output().size();
    List<Expression> grouping = new ArrayList<>(unionOutput.subList(first, unionOutput.size()));
    List<Expression> output = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      output.add(Alias.of(unionOutput.get(first + i), keyNames.get(i)));
    }
    for (Expression aggregate : aggregates) {
      Expression replaced = aggregate.transformDown(expression -> {
        int call = isGroupingCall(expression) ? groupingCalls.indexOf(expression) : -1;
        return call < 0 ? expression : unionOutput.get(first + n + 1 + call);
      });
      if (isGroupingCall(aggregate)) {
        replaced = Alias.of(replaced, callName((UnresolvedFunction) aggregate));
      }
      output.add(replaced);
    }
    return new Aggregate(grouping, output, union);
  }

  /** Spark's error for {@code grouping()} in a plain {@code groupBy}. */
  static void rejectGroupingCalls(List<Expression> aggregates) {
    for (Expression aggregate : aggregates) {
      aggregate.transformDown(expression -> {
        if (isGroupingCall(expression)) {
          throw new AnalysisException("UNSUPPORTED_GROUPING_EXPRESSION", Map.of(),
              "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup. SQLSTATE: 42K0E");
        }
        return expression;
      });
    }
  }

  private static boolean isGroupingCall(Expression expression) {
    return expression instanceof UnresolvedFunction function
        && (function.name().equalsIgnoreCase("grouping") || function.name().equalsIgnoreCase("grouping_id"));
  }

  /** grouping(k): 1 when k is rolled up in this set; grouping_id(): a bit per key, the first highest. */
  private static Literal callValue(UnresolvedFunction call, int set, List<String> keyNames) {
    List<Integer> indexes = new ArrayList<>();
    for (Expression argument : call.arguments()) {
      indexes.add(keyIndex(argument, keyNames));
    }
    if (call.name().equalsIgnoreCase("grouping")) {
      if (indexes.size() != 1) {
        throw new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
            Map.of("functionName", "`grouping`", "expectedNum", "1", "actualNum", String.valueOf(indexes.size())),
            "The `grouping` requires 1 parameters but the actual number is " + indexes.size() + ". SQLSTATE: 42605");
      }
      return new Literal((byte) ((set & (1 << indexes.get(0))) != 0 ? 0 : 1), DataTypes.ByteType);
    }
    if (!indexes.isEmpty() && !indexes.equals(allKeyIndexes(keyNames.size()))) {
      // Spark accepts grouping_id's columns only when they are the grouping columns, in order.
      String given = String.join(",", call.arguments().stream().map(GroupingSetsPlan::nameOf).toList());
      String all = String.join(",", keyNames);
      throw new AnalysisException("GROUPING_ID_COLUMN_MISMATCH", Map.of("groupingIdColumn", given,
          "groupByColumns", all), "Columns of grouping_id (" + given + ") does not match grouping columns (" + all
              + "). SQLSTATE: 42803");
    }
    return Literal.fromJava(groupingId(set, keyNames.size()));
  }

  /** A bit per key, 1 where the set rolls it up; the first key's bit is the highest. */
  private static long groupingId(int set, int keyCount) {
    long id = 0;
    for (int index = 0; index < keyCount; index++) {
      id = (id << 1) | ((set & (1 << index)) != 0 ? 0 : 1);
    }
    return id;
  }

  private static List<Integer> allKeyIndexes(int n) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      indexes.add(i);
    }
    return indexes;
  }

  private static int keyIndex(Expression argument, List<String> keyNames) {
    String name = nameOf(argument);
    for (int i = 0; i < keyNames.size(); i++) {
      if (keyNames.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    throw new AnalysisException("GROUPING_COLUMN_MISMATCH", Map.of("grouping", name,
        "groupingColumns", String.join(",", keyNames)),
        "Column of grouping (" + name + ") can't be found in grouping columns " + String.join(",", keyNames)
            + ". SQLSTATE: 42803");
  }

  private static String callName(UnresolvedFunction call) {
    List<String> names = call.arguments().stream().map(GroupingSetsPlan::nameOf).toList();
    return call.name().toLowerCase(Locale.ROOT) + "(" + String.join(", ", names) + ")";
  }

  private static String nameOf(Expression expression) {
    if (expression instanceof Alias alias) {
      return alias.name();
    }
    if (expression instanceof AttributeReference attribute) {
      return attribute.name();
    }
    if (expression instanceof UnresolvedAttribute attribute) {
      return attribute.name();
    }
    return expression.sql();
  }
}
