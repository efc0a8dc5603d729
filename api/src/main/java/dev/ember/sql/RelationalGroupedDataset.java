package dev.ember.sql;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code df.groupBy(...)}: the grouping waiting for its aggregates. As in Spark, the result holds the
 * grouping columns first, then one column per aggregate.
 */
public class RelationalGroupedDataset {
  private final Dataset<Row> dataset;
  private final List<Expression> grouping;
  /** The grouping sets of a rollup or cube (masks of the keys kept), or null for a plain groupBy. */
  private final List<Integer> groupingSets;

  RelationalGroupedDataset(Dataset<Row> dataset, List<Expression> grouping) {
    this(dataset, grouping, null);
  }

  /** {@code pivot(column, values)}: the column whose values become columns, or null. */
  private final Column pivotColumn;
  private final List<Object> pivotValues;

  RelationalGroupedDataset(Dataset<Row> dataset, List<Expression> grouping, List<Integer> groupingSets) {
    this(dataset, grouping, groupingSets, null, null);
  }

  private RelationalGroupedDataset(Dataset<Row> dataset, List<Expression> grouping, List<Integer> groupingSets,
      Column pivotColumn, List<Object> pivotValues) {
    this.dataset = dataset;
    this.grouping = List.copyOf(grouping);
    this.groupingSets = groupingSets == null ? null : List.copyOf(groupingSets);
    this.pivotColumn = pivotColumn;
    // Values may be null, which List.copyOf refuses.
    this.pivotValues = pivotValues == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(pivotValues));
  }

  /**
   * One output column per distinct value of {@code pivotColumn}, in ascending order (nulls first); as
   * in Spark, a first query finds the values, so this runs the input once.
   */
  public RelationalGroupedDataset pivot(Column pivotColumn) {
    java.util.Objects.requireNonNull(pivotColumn, "pivotColumn is null");
    List<Row> rows = dataset.select(pivotColumn).distinct().sort(functions.col(dataset.select(pivotColumn)
        .columns()[0])).limit(PivotPlan.MAX_VALUES + 1).collectAsList();
    if (rows.size() > PivotPlan.MAX_VALUES) {
      throw new AnalysisException("_LEGACY_ERROR_TEMP_1325", Map.of("config", "spark.sql.pivotMaxValues"),
          "The pivot column " + pivotColumn + " has more than " + PivotPlan.MAX_VALUES + " distinct values, this could"
              + " indicate an error. If this was intended, set spark.sql.pivotMaxValues to at least the number of"
              + " distinct values of the pivot column.");
    }
    List<Object> values = new ArrayList<>();
    rows.forEach(row -> values.add(row.get(0)));
    return pivot(pivotColumn, values);
  }

  public RelationalGroupedDataset pivot(String pivotColumn) {
    return pivot(dataset.col(pivotColumn));
  }

  /** One output column per given value of {@code pivotColumn}, in the given order. */
  public RelationalGroupedDataset pivot(Column pivotColumn, List<Object> values) {
    java.util.Objects.requireNonNull(pivotColumn, "pivotColumn is null");
    java.util.Objects.requireNonNull(values, "values is null");
    if (groupingSets != null || this.pivotColumn != null) {
      throw new UnsupportedOperationException("[REPEATED_CLAUSE] pivot is only supported after a groupBy, once");
    }
    return new RelationalGroupedDataset(dataset, grouping, null, pivotColumn, values);
  }

  public RelationalGroupedDataset pivot(String pivotColumn, List<Object> values) {
    return pivot(dataset.col(pivotColumn), values);
  }

  private Dataset<Row> aggregate(List<Expression> aggregates) {
    if (pivotColumn != null) {
      return PivotPlan.aggregate(dataset, grouping, pivotColumn, pivotValues, aggregates);
    }
    if (groupingSets != null) {
      // The keys resolved against the input, as a projection of them resolves them.
      List<Column> keyColumns = grouping.stream().map(Column::new).toList();
      LogicalPlan keys = dataset.select(keyColumns.toArray(new Column[0])).plan();
      List<Expression> resolvedKeys = ((dev.ember.planner.logical.Project) keys).projectList();
      return dataset.withPlanOf(GroupingSetsPlan.plan(dataset.plan(), resolvedKeys, groupingSets, aggregates));
    }
    GroupingSetsPlan.rejectGroupingCalls(aggregates);
    List<Expression> output = new ArrayList<>(grouping);
    output.addAll(aggregates);
    return dataset.aggregate(grouping, output);
  }

  public Dataset<Row> agg(Column aggregate, Column... aggregates) {
    List<Expression> all = new ArrayList<>();
    all.add(aggregate.expr());
    for (Column column : aggregates) {
      all.add(column.expr());
    }
    return aggregate(all);
  }

  /** {@code agg(Map.of("age", "max"))}: function by name per column; {@code "*"} with count counts rows. */
  public Dataset<Row> agg(Map<String, String> aggregates) {
    List<Expression> all = new ArrayList<>();
    aggregates.forEach((column, function) -> {
      String name = function.toLowerCase(Locale.ROOT);
      if (name.equals("mean") || name.equals("average")) {
        name = "avg";
      } else if (name.equals("std")) {
        name = "stddev";
      } else if (name.equals("size")) {
        name = "count";
      }
      Expression argument = column.equals("*") && name.equals("count")
          ? Literal.fromJava(1) : functions.col(column).expr();
      all.add(new UnresolvedFunction(name, List.of(argument), false));
    });
    return aggregate(all);
  }

  /** Rows per group, in a column named {@code count}. */
  public Dataset<Row> count() {
    return aggregate(List.of(Alias.of(new UnresolvedFunction("count", List.of(Literal.fromJava(1)), false), "count")));
  }

  public Dataset<Row> sum(String... columns) {
    return numericAggregate("sum", columns);
  }

  public Dataset<Row> avg(String... columns) {
    return numericAggregate("avg", columns);
  }

  public Dataset<Row> mean(String... columns) {
    return numericAggregate("avg", columns);
  }

  public Dataset<Row> max(String... columns) {
    return numericAggregate("max", columns);
  }

  public Dataset<Row> min(String... columns) {
    return numericAggregate("min", columns);
  }

  /**
   * Spark's {@code sum("a", "b")}; with no names, every numeric column. A named column that is not
   * numeric is an error, as in Spark.
   */
  private Dataset<Row> numericAggregate(String function, String... columns) {
    List<String> names = new ArrayList<>();
    if (columns.length == 0) {
      for (StructField field : dataset.schema().fields()) {
        if (field.dataType().isNumeric()) {
          names.add(field.name());
        }
      }
    } else {
      for (String column : columns) {
        StructField field = findField(column);
        if (!field.dataType().isNumeric()) {
          throw new AnalysisException("_LEGACY_ERROR_TEMP_1224", Map.of("colName", column),
              "\"" + column + "\" is not a numeric column. Aggregation function can only be applied on a numeric column.");
        }
        names.add(column);
      }
    }
    List<Expression> aggregates = new ArrayList<>();
    for (String name : names) {
      aggregates.add(new UnresolvedFunction(function, List.of(functions.col(name).expr()), false));
    }
    return aggregate(aggregates);
  }

  private StructField findField(String column) {
    for (StructField field : dataset.schema().fields()) {
      if (field.name().equalsIgnoreCase(column)) {
        return field;
      }
    }
    dataset.col(column);
    throw new IllegalStateException("column " + column + " resolved but not found in the schema");
  }
}
