package dev.ember.sql;

import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnresolvedFunction;
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

  RelationalGroupedDataset(Dataset<Row> dataset, List<Expression> grouping) {
    this.dataset = dataset;
    this.grouping = List.copyOf(grouping);
  }

  private Dataset<Row> aggregate(List<Expression> aggregates) {
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
