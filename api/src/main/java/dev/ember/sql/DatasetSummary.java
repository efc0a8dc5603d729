package dev.ember.sql;

import dev.ember.api.sources.StringRowsTableSource;
import dev.ember.planner.expressions.AggregateCall;
import dev.ember.planner.expressions.AggregateFunction;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StringType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Spark's {@code Dataset.summary(statistics...)}: one row per statistic, one string column per numeric
 * or string column, under a first column {@code summary}. Statistics: {@code count}, {@code mean},
 * {@code stddev}, {@code min}, {@code max}, {@code count_distinct}, {@code approx_count_distinct} and
 * percentiles such as {@code 25%} (Spark's {@code percentile_approx} with accuracy 10000); mean, stddev
 * and percentiles of strings are null. All statistics are computed by one aggregation, when called.
 */
final class DatasetSummary {
  static final List<String> DEFAULT_STATISTICS =
      List.of("count", "mean", "stddev", "min", "25%", "50%", "75%", "max");

  private final Dataset<Row> dataset;

  DatasetSummary(Dataset<Row> dataset) {
    this.dataset = Objects.requireNonNull(dataset, "dataset is null");
  }

  Dataset<Row> compute(List<String> statistics) {
    List<AttributeReference> described = new ArrayList<>();
    for (AttributeReference attribute : dataset.plan().output()) {
      if (attribute.dataType().isNumeric() || attribute.dataType() instanceof StringType) {
        described.add(attribute);
      }
    }
    List<Expression> aggregates = new ArrayList<>();
    // Where each statistic of each column is in the aggregate row; -1 where Spark shows null.
    int[][] positions = new int[statistics.size()][described.size()];
    for (int statistic = 0; statistic < statistics.size(); statistic++) {
      for (int column = 0; column < described.size(); column++) {
        Expression value = statistic(statistics.get(statistic), described.get(column));
        positions[statistic][column] = value == null ? -1 : aggregates.size();
        if (value != null) {
          // Decimal percentiles are formatted below, as Spark renders the double it converts back.
          boolean keepDecimal = value instanceof AggregateCall && value.dataType() instanceof DecimalType;
          aggregates.add(Alias.of(keepDecimal ? value : new Cast(value, DataTypes.StringType, true, false),
              "s" + aggregates.size()));
        }
      }
    }
    Row values = aggregates.isEmpty() ? null : dataset.aggregate(List.of(), aggregates).collectAsList().get(0);
    List<List<String>> rows = new ArrayList<>();
    for (int statistic = 0; statistic < statistics.size(); statistic++) {
      List<String> row = new ArrayList<>();
      row.add(statistics.get(statistic));
      for (int column = 0; column < described.size(); column++) {
        int position = positions[statistic][column];
        row.add(position < 0 ? null : text(values.get(position)));
      }
      rows.add(row);
    }
    List<String> names = new ArrayList<>();
    names.add("summary");
    described.forEach(attribute -> names.add(attribute.name()));
    ScanRelation scan = ScanRelation.of(new StringRowsTableSource(names.size(), rows));
    List<Expression> projectList = new ArrayList<>();
    for (int column = 0; column < names.size(); column++) {
      projectList.add(Alias.of(scan.output().get(column), names.get(column)));
    }
    return new Dataset<>(dataset.sparkSession(), new Project(projectList, scan));
  }

  /**
   * A statistic's text. Spark's percentile of a decimal column is a decimal made from a double, so a
   * whole number shows one decimal place ({@code 3.0}) and others the column's scale ({@code 7.70}).
   */
  private static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().scale() <= 0 ? decimal.setScale(1, RoundingMode.UNNECESSARY).toPlainString()
          : decimal.toPlainString();
    }
    return value == null ? null : value.toString();
  }

  /** The aggregate computing {@code statistic} of {@code column}, or null where Spark shows null. */
  private static Expression statistic(String statistic, AttributeReference column) {
    boolean numeric = column.dataType().isNumeric();
    String name = statistic.toLowerCase(Locale.ROOT);
    return switch (name) {
      case "count" -> call("count", column);
      case "mean" -> numeric ? call("avg", column) : null;
      case "stddev" -> numeric ? call("stddev", new Cast(column, DataTypes.DoubleType, false, false)) : null;
      case "min", "max" -> call(name, column);
      case "count_distinct" -> new UnresolvedFunction("count", List.of(column), true);
      case "approx_count_distinct" -> call("approx_count_distinct", column);
      default -> {
        double percentage = percentage(statistic);
        yield numeric ? new AggregateCall(AggregateFunction.PERCENTILE_APPROX, List.of(column), false,
            "percentile_approx", List.of(new Literal(percentage, DataTypes.DoubleType), Literal.fromJava(10000)), true)
            : null;
      }
    };
  }

  private static double percentage(String statistic) {
    if (statistic.endsWith("%")) {
      try {
        double percentage = Double.parseDouble(statistic.substring(0, statistic.length() - 1)) / 100.0;
        if (percentage >= 0.0 && percentage <= 1.0) {
          return percentage;
        }
      } catch (NumberFormatException e) {
        // not a percentage: reported below
      }
    }
    throw new IllegalArgumentException(statistic + " is not a recognised statistic in summary(): use count, mean,"
        + " stddev, min, max, count_distinct, approx_count_distinct or a percentage such as 25%");
  }

  private static Expression call(String name, Expression argument) {
    return new UnresolvedFunction(name, List.of(argument), false);
  }
}
