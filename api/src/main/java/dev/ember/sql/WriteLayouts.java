package dev.ember.sql;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Repartition;
import dev.ember.planner.logical.SubqueryAlias;
import dev.ember.runtime.operators.write.FileLayout;
import java.util.Objects;

/**
 * The part files a write makes, from the {@code repartition} or {@code coalesce} that Spark's written
 * partitions would come from: the one below any projections and filters at the top of the plan (a
 * sort or an aggregate above it would partition the rows again, so it no longer counts).
 */
final class WriteLayouts {
  /** A column name no program writes; the column never reaches a file. */
  static final String FILE_COLUMN = "__ember_part_file__";

  /** What to run for the write and how its rows spread over files. */
  record WritePlan(Dataset<Row> source, FileLayout layout) {
    WritePlan {
      Objects.requireNonNull(source, "source is null");
      Objects.requireNonNull(layout, "layout is null");
    }
  }

  private WriteLayouts() {}

  static WritePlan of(Dataset<?> dataset) {
    @SuppressWarnings("unchecked")
    Dataset<Row> rows = (Dataset<Row>) (Dataset<?>) dataset;
    LogicalPlan top = dataset.plan();
    LogicalPlan node = top;
    while (node instanceof Project || node instanceof Filter || node instanceof SubqueryAlias) {
      node = node.children().get(0);
    }
    if (!(node instanceof Repartition repartition)) {
      return new WritePlan(rows, FileLayout.perWorker());
    }
    if (repartition.numPartitions().isEmpty()) {
      // Spark's adaptive execution coalesces small shuffles into one partition: one file per directory.
      return new WritePlan(rows, FileLayout.roundRobin(1));
    }
    int files = repartition.numPartitions().getAsInt();
    if (files == 1 || !repartition.shuffle()) {
      return new WritePlan(rows, FileLayout.atMost(files));
    }
    if (repartition.partitionExpressions().isEmpty() || node != top) {
      // Keys under a projection may be gone from the written columns; the file count still holds.
      return new WritePlan(rows, FileLayout.roundRobin(files));
    }
    Column[] keys = repartition.partitionExpressions().stream().map(WriteLayouts::column).toArray(Column[]::new);
    Dataset<Row> child = new Dataset<>(dataset.sparkSession(), repartition.child());
    // Spark's hash partitioning: pmod(murmur3(keys, seed 42), n), the same function as hash().
    Dataset<Row> numbered = child.withColumn(FILE_COLUMN, functions.pmod(functions.hash(keys), functions.lit(files)));
    return new WritePlan(numbered, FileLayout.byColumn(files, child.schema().length()));
  }

  private static Column column(Expression expression) {
    return new Column(expression);
  }
}
