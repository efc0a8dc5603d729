package dev.ember.sql;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code groupBy(keys).pivot(p, values).agg(f...)} in two aggregations: first per key and pivot value,
 * then per key with one column per value and aggregate, holding the first step's result for that value
 * (null when the group has no row with it):
 *
 * <pre>
 * Aggregate [k], [k, max(if(p &lt;=&gt; v1, f1, null)) AS `v1_f1`, …]
 * +- Aggregate [k, p], [k, p, f1, f2]
 * </pre>
 *
 * With one aggregate a column is named for its value alone ({@code v1}), as in Spark.
 */
final class PivotPlan {
  /** Spark's default for {@code spark.sql.pivotMaxValues}. */
  static final int MAX_VALUES = 10_000;

  private PivotPlan() {}

  static Dataset<Row> aggregate(Dataset<Row> input, List<Expression> grouping, Column pivotColumn, List<Object> values,
      List<Expression> aggregates) {
    List<Column> keys = grouping.stream().map(Column::new).toList();
    List<Column> aggregateColumns = aggregates.stream().map(Column::new).toList();
    // The names Spark gives the aggregates, as a plain groupBy would name them.
    String[] groupedNames = new RelationalGroupedDataset(input, grouping).agg(aggregateColumns.get(0),
        aggregateColumns.subList(1, aggregateColumns.size()).toArray(new Column[0])).columns();
    List<String> aggregateNames = List.of(groupedNames).subList(grouping.size(), groupedNames.length);

    List<Column> firstKeys = new ArrayList<>(keys);
    firstKeys.add(pivotColumn.as("__pivot_value"));
    List<Column> firstAggregates = new ArrayList<>();
    for (int i = 0; i < aggregates.size(); i++) {
      // An aggregate the user named is renamed here; its name is already in aggregateNames.
      Expression aggregate = aggregates.get(i) instanceof Alias alias ? alias.child() : aggregates.get(i);
      firstAggregates.add(new Column(aggregate).as("__pivot_aggregate_" + i));
    }
    Dataset<Row> perValue = input.groupBy(firstKeys.toArray(new Column[0]))
        .agg(firstAggregates.get(0), firstAggregates.subList(1, firstAggregates.size()).toArray(new Column[0]));

    List<AttributeReference> perValueColumns = perValue.plan().output();
    List<Column> secondKeys = new ArrayList<>();
    for (int i = 0; i < grouping.size(); i++) {
      secondKeys.add(new Column(perValueColumns.get(i)));
    }
    Column pivotValue = new Column(perValueColumns.get(grouping.size()));
    List<Column> pivoted = new ArrayList<>();
    for (Object value : values) {
      Column matches = pivotValue.eqNullSafe(functions.lit(value));
      for (int i = 0; i < aggregateColumns.size(); i++) {
        Column result = new Column(perValueColumns.get(grouping.size() + 1 + i));
        String name = aggregateColumns.size() == 1 ? String.valueOf(value)
            : value + "_" + aggregateNames.get(i);
        pivoted.add(functions.max(functions.when(matches, result)).as(name));
      }
    }
    if (pivoted.isEmpty()) {
      return perValue.select(secondKeys.toArray(new Column[0])).distinct();
    }
    return perValue.groupBy(secondKeys.toArray(new Column[0]))
        .agg(pivoted.get(0), pivoted.subList(1, pivoted.size()).toArray(new Column[0]));
  }
}
