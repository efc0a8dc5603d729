package dev.ember.sql;

import dev.ember.api.execution.QueryExecution;
import dev.ember.api.execution.QuerySettings;
import dev.ember.api.format.ShowFormatter;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Sort;
import dev.ember.planner.logical.Union;
import dev.ember.planner.parser.ExpressionParser;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import scala.Tuple2;

/**
 * A distributed-in-name-only collection of rows, as in Spark: transformations build a logical plan,
 * actions ({@code show}, {@code count}, {@code collectAsList} …) run it. Like Spark, a Dataset is
 * analyzed when it is created, so an unknown column fails at {@code select}, not at {@code show}.
 *
 * @param <T> always {@link Row} in Ember; the parameter keeps Spark's signatures
 */
public class Dataset<T> {
  private final SparkSession session;
  private final QueryExecution queryExecution;

  Dataset(SparkSession session, LogicalPlan plan) {
    session.checkRunning();
    this.session = session;
    SessionSettings settings = session.settings();
    QuerySettings querySettings = new QuerySettings(settings.caseSensitive(), settings.ansiEnabled(),
        settings.codegenEnabled(), settings.kernelOptions(), settings.scanSettings(), settings.disabledRules(),
        settings.backgroundCompilation());
    this.queryExecution = new QueryExecution(session.engine(), querySettings, plan);
    queryExecution.analyzed();
  }

  /** Ember's Datasets always hold rows; this states it for the type checker. */
  @SuppressWarnings("unchecked")
  private Dataset<Row> asRows() {
    return (Dataset<Row>) (Dataset<?>) this;
  }

  private Dataset<Row> withPlan(LogicalPlan plan) {
    return new Dataset<>(session, plan);
  }

  /** The analyzed plan: new Datasets build on it so their columns keep their identities. */
  LogicalPlan plan() {
    return queryExecution.analyzed();
  }

  /** Writes this Dataset's rows to files: {@code df.write().mode("overwrite").csv(path)}. */
  public DataFrameWriter<T> write() {
    return new DataFrameWriter<>(this);
  }

  public SparkSession sparkSession() {
    return session;
  }

  public QueryExecution queryExecution() {
    return queryExecution;
  }

  // ---- transformations ----

  public Dataset<Row> select(String column, String... columns) {
    List<Column> all = new ArrayList<>();
    all.add(functions.col(column));
    for (String name : columns) {
      all.add(functions.col(name));
    }
    return select(all.toArray(new Column[0]));
  }

  public Dataset<Row> select(Column... columns) {
    List<Expression> projectList = new ArrayList<>();
    for (Column column : columns) {
      projectList.add(column.expr());
    }
    return withPlan(new Project(projectList, plan()));
  }

  public Dataset<Row> filter(Column condition) {
    return withPlan(new Filter(condition.expr(), plan()));
  }

  /** A SQL condition such as {@code "age > 26 AND city = 'Paris'"}. */
  public Dataset<Row> filter(String conditionExpr) {
    Expression condition = ExpressionParser.parse(conditionExpr);
    // The parser reads "a > 1 b" as an aliased expression, as Spark's does; a condition drops the name.
    if (condition instanceof Alias alias) {
      condition = alias.child();
    }
    return withPlan(new Filter(condition, plan()));
  }

  public Dataset<Row> where(Column condition) {
    return filter(condition);
  }

  public Dataset<Row> where(String conditionExpr) {
    return filter(conditionExpr);
  }

  public RelationalGroupedDataset groupBy(Column... columns) {
    List<Expression> grouping = new ArrayList<>();
    for (Column column : columns) {
      grouping.add(column.expr());
    }
    return new RelationalGroupedDataset(asRows(), grouping);
  }

  /** Unlike {@code groupBy(Column...)}, Spark resolves names given as strings here, so a typo fails now. */
  public RelationalGroupedDataset groupBy(String column, String... columns) {
    List<Column> all = new ArrayList<>();
    all.add(col(column));
    for (String name : columns) {
      all.add(col(name));
    }
    return groupBy(all.toArray(new Column[0]));
  }

  /** Aggregates over all rows: {@code df.agg(max("age"))} is {@code df.groupBy().agg(max("age"))}. */
  public Dataset<Row> agg(Column aggregate, Column... aggregates) {
    return groupBy().agg(aggregate, aggregates);
  }

  /** Aggregates over all rows by function name per column: {@code df.agg(Map.of("age", "stddev"))}. */
  public Dataset<Row> agg(java.util.Map<String, String> aggregates) {
    return groupBy().agg(aggregates);
  }

  Dataset<Row> aggregate(List<Expression> grouping, List<Expression> aggregates) {
    return withPlan(new Aggregate(grouping, aggregates, plan()));
  }

  public Dataset<Row> orderBy(String column, String... columns) {
    return sort(column, columns);
  }

  public Dataset<Row> orderBy(Column... columns) {
    return sort(columns);
  }

  public Dataset<Row> sort(String column, String... columns) {
    List<Column> all = new ArrayList<>();
    all.add(functions.col(column));
    for (String name : columns) {
      all.add(functions.col(name));
    }
    return sort(all.toArray(new Column[0]));
  }

  /** Columns without a direction sort ascending with nulls first, as in Spark. */
  public Dataset<Row> sort(Column... columns) {
    List<SortOrder> order = new ArrayList<>();
    for (Column column : columns) {
      Expression expression = column.expr();
      order.add(expression instanceof SortOrder sortOrder ? sortOrder : SortOrder.ascending(expression));
    }
    return withPlan(new Sort(order, plan()));
  }

  public Dataset<Row> limit(int n) {
    return withPlan(new Limit(n, plan()));
  }

  // ---- set operations ----

  /**
   * The rows of this Dataset, then those of {@code other}, columns matched by position and duplicates
   * kept (SQL's {@code UNION ALL}). Columns take this Dataset's names and the wider of both types.
   */
  public Dataset<T> union(Dataset<T> other) {
    return typed(withPlan(new Union(plan(), requireOther(other).plan())));
  }

  /** The same as {@link #union}, as in Spark. */
  public Dataset<T> unionAll(Dataset<T> other) {
    return union(other);
  }

  /** Like {@link #union}, but columns matched by name; every column of this Dataset must be in {@code other}. */
  public Dataset<T> unionByName(Dataset<T> other) {
    return unionByName(other, false);
  }

  /** With {@code allowMissingColumns}, a column only one side has is null in the other side's rows. */
  public Dataset<T> unionByName(Dataset<T> other, boolean allowMissingColumns) {
    LogicalPlan union = setOperationPlans().unionByName(plan(), requireOther(other).plan(), allowMissingColumns);
    return typed(withPlan(union));
  }

  /** The distinct rows; like Spark, in no particular order. */
  public Dataset<T> distinct() {
    return typed(withPlan(SetOperationPlans.distinct(plan())));
  }

  /** The same as {@link #distinct()}. */
  public Dataset<T> dropDuplicates() {
    return distinct();
  }

  /** One row per distinct value of the named columns: the first such row of the input. */
  public Dataset<T> dropDuplicates(String[] colNames) {
    java.util.Objects.requireNonNull(colNames, "colNames is null");
    return typed(withPlan(setOperationPlans().dropDuplicates(plan(), List.of(colNames))));
  }

  public Dataset<T> dropDuplicates(String col1, String... cols) {
    List<String> names = new ArrayList<>();
    names.add(col1);
    names.addAll(List.of(cols));
    return dropDuplicates(names.toArray(new String[0]));
  }

  /** The distinct rows found in both Datasets, nulls comparing equal; like Spark, in no particular order. */
  public Dataset<T> intersect(Dataset<T> other) {
    return intersectOrExcept(other, "INTERSECT", true);
  }

  /** The distinct rows of this Dataset not found in {@code other}, nulls comparing equal. */
  public Dataset<T> except(Dataset<T> other) {
    return intersectOrExcept(other, "EXCEPT", false);
  }

  private Dataset<T> intersectOrExcept(Dataset<T> other, String operatorName, boolean keepCommon) {
    // Analyzing the inputs' union first reports mismatched inputs with Spark's errors and widens types.
    Union inputs = (Union) withPlan(new Union(plan(), requireOther(other).plan(), operatorName)).plan();
    return typed(withPlan(SetOperationPlans.intersectOrExcept(inputs, keepCommon)));
  }

  private Dataset<T> requireOther(Dataset<T> other) {
    return java.util.Objects.requireNonNull(other, "other is null");
  }

  private SetOperationPlans setOperationPlans() {
    return new SetOperationPlans(session.settings().caseSensitive());
  }

  /** A Dataset of rows typed as this one, for the set operations Spark declares as {@code Dataset<T>}. */
  @SuppressWarnings("unchecked")
  private Dataset<T> typed(Dataset<Row> rows) {
    return (Dataset<T>) (Dataset<?>) rows;
  }

  public Dataset<Row> toDF() {
    return withPlan(plan());
  }

  // ---- columns and schema ----

  /** The column {@code name} of this Dataset; fails like Spark when it does not exist. */
  public Column col(String name) {
    if (!name.equals("*")) {
      requireColumn(name);
    }
    return functions.col(name);
  }

  /**
   * Fails as Spark does when a name given as a string does not resolve against this Dataset: unlike
   * the analyzer, Spark then suggests every column in schema order and adds no plan to the message.
   */
  private void requireColumn(String name) {
    try {
      select(name);
    } catch (AnalysisException e) {
      String[] fieldNames = columns();
      if (!"UNRESOLVED_COLUMN.WITH_SUGGESTION".equals(e.getCondition()) || fieldNames.length == 0) {
        throw e;
      }
      List<String> quoted = new ArrayList<>();
      for (String fieldName : fieldNames) {
        quoted.add("`" + fieldName.replace("`", "``") + "`");
      }
      String proposal = String.join(", ", quoted);
      String objectName = e.getMessageParameters().get("objectName");
      throw new AnalysisException(e.getCondition(), java.util.Map.of("objectName", objectName, "proposal", proposal),
          "A column, variable, or function parameter with name " + objectName
              + " cannot be resolved. Did you mean one of the following? [" + proposal + "]. SQLSTATE: 42703");
    }
  }

  public Column apply(String name) {
    return col(name);
  }

  public StructType schema() {
    return queryExecution.schema();
  }

  /** Spark prints the tree and then a line break, so the output ends with an empty line. */
  public void printSchema() {
    System.out.println(schema().treeString());
  }

  public void printSchema(int level) {
    printSchema();
  }

  public String[] columns() {
    return schema().fieldNames();
  }

  @SuppressWarnings("unchecked")
  public Tuple2<String, String>[] dtypes() {
    StructField[] fields = schema().fields();
    Tuple2<String, String>[] types = new Tuple2[fields.length];
    for (int i = 0; i < fields.length; i++) {
      types[i] = new Tuple2<>(fields[i].name(), fields[i].dataType().toString());
    }
    return types;
  }

  // ---- actions ----

  public long count() {
    Alias count = Alias.of(new UnresolvedFunction("count", List.of(Literal.fromJava(1)), false), "count");
    List<Row> rows = aggregate(List.of(), List.of(count)).queryExecution.collectRows();
    return rows.get(0).getLong(0);
  }

  public List<Row> collectAsList() {
    // A Dataset made before stop() would otherwise fail deep in the closed allocator.
    session.checkRunning();
    return queryExecution.collectRows();
  }

  /** A {@code Row[]}, typed {@code Object} as Java sees Spark's {@code Array[T]}. */
  public Object collect() {
    return collectAsList().toArray(new Row[0]);
  }

  public List<Row> takeAsList(int n) {
    return limit(n).collectAsList();
  }

  /** The first {@code n} rows as a {@code Row[]}, typed {@code Object} as Java sees Spark's signature. */
  public Object take(int n) {
    return takeAsList(n).toArray(new Row[0]);
  }

  public Object head(int n) {
    return take(n);
  }

  /** The first row; Spark throws {@code NoSuchElementException} on an empty Dataset. */
  @SuppressWarnings("unchecked")
  public T head() {
    List<Row> rows = takeAsList(1);
    if (rows.isEmpty()) {
      throw new java.util.NoSuchElementException("next on empty iterator");
    }
    return (T) rows.get(0);
  }

  public T first() {
    return head();
  }

  public boolean isEmpty() {
    return takeAsList(1).isEmpty();
  }

  public void show() {
    show(20);
  }

  public void show(int numRows) {
    show(numRows, true);
  }

  public void show(boolean truncate) {
    show(20, truncate);
  }

  public void show(int numRows, boolean truncate) {
    show(numRows, truncate ? 20 : 0);
  }

  public void show(int numRows, int truncate) {
    show(numRows, truncate, false);
  }

  public void show(int numRows, int truncate, boolean vertical) {
    System.out.println(showString(numRows, truncate, vertical));
  }

  /** The text {@code show} prints; Spark keeps this method internal too. */
  String showString(int numRows, int truncate, boolean vertical) {
    int shown = Math.max(numRows, 0);
    // One row more than shown tells the formatter whether to print "only showing top N rows".
    session.checkRunning();
    List<Row> rows = limit(shown == Integer.MAX_VALUE ? shown : shown + 1).queryExecution.collectDisplayRows();
    return ShowFormatter.showString(schema(), rows, shown, truncate, vertical, session.settings().sessionZone());
  }

  public void explain() {
    explain("simple");
  }

  public void explain(boolean extended) {
    explain(extended ? "extended" : "simple");
  }

  public void explain(String mode) {
    System.out.println(queryExecution.explainString(mode));
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (StructField field : schema().fields()) {
      parts.add(field.name() + ": " + field.dataType().simpleString());
    }
    return "[" + String.join(", ", parts) + "]";
  }
}
