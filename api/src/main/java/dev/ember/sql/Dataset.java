package dev.ember.sql;

import dev.ember.api.execution.QueryExecution;
import dev.ember.api.execution.QuerySettings;
import dev.ember.api.format.ShowFormatter;
import dev.ember.api.sources.StringRowsTableSource;
import dev.ember.planner.expressions.Alias;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Cast;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.expressions.SortOrder;
import dev.ember.planner.expressions.UnresolvedAttribute;
import dev.ember.planner.expressions.UnresolvedFunction;
import dev.ember.planner.analysis.JoinPlans;
import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.DatasetColumnReference;
import dev.ember.planner.logical.Aggregate;
import dev.ember.planner.logical.BroadcastHint;
import dev.ember.planner.logical.JoinType;
import dev.ember.planner.logical.SubqueryAlias;
import dev.ember.planner.logical.Filter;
import dev.ember.planner.logical.Limit;
import dev.ember.planner.logical.Offset;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.planner.logical.Project;
import dev.ember.planner.logical.Repartition;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.logical.Sort;
import dev.ember.planner.logical.Union;
import dev.ember.planner.parser.ExpressionParser;
import dev.ember.sql.types.StructField;
import dev.ember.storage.StorageLevel;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
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
        settings.backgroundCompilation(), settings.sortSpillSettings(), settings.codegenFallback());
    this.queryExecution = new QueryExecution(session.engine(), querySettings, plan, session.functionRegistry(), null);
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

  /** Each string a SQL expression, optionally aliased: {@code selectExpr("sqrt(x) AS root", "y")}. */
  public Dataset<Row> selectExpr(String... expressions) {
    List<Expression> projectList = new ArrayList<>();
    for (String expression : expressions) {
      projectList.add(ExpressionParser.parse(expression, session.settings().sessionZone()));
    }
    return withPlan(new Project(projectList, plan()));
  }

  public Dataset<Row> filter(Column condition) {
    return withPlan(new Filter(condition.expr(), plan()));
  }

  /** A SQL condition such as {@code "age > 26 AND city = 'Paris'"}. */
  public Dataset<Row> filter(String conditionExpr) {
    Expression condition = ExpressionParser.parse(conditionExpr, session.settings().sessionZone());
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

  /** Groups by every prefix of the columns, down to all rows: subtotals and a grand total. */
  public RelationalGroupedDataset rollup(Column... columns) {
    return groupingSets(columns, GroupingSetsPlan.rollupSets(columns.length));
  }

  public RelationalGroupedDataset rollup(String column, String... columns) {
    return rollup(named(column, columns));
  }

  /** Groups by every subset of the columns. */
  public RelationalGroupedDataset cube(Column... columns) {
    return groupingSets(columns, GroupingSetsPlan.cubeSets(columns.length));
  }

  public RelationalGroupedDataset cube(String column, String... columns) {
    return cube(named(column, columns));
  }

  private RelationalGroupedDataset groupingSets(Column[] columns, List<Integer> sets) {
    List<Expression> grouping = new ArrayList<>();
    for (Column column : columns) {
      grouping.add(column.expr());
    }
    return new RelationalGroupedDataset(asRows(), grouping, sets);
  }

  private Column[] named(String column, String... columns) {
    List<Column> all = new ArrayList<>();
    all.add(col(column));
    for (String name : columns) {
      all.add(col(name));
    }
    return all.toArray(new Column[0]);
  }

  Dataset<Row> withPlanOf(LogicalPlan plan) {
    return withPlan(plan);
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

  /**
   * The rows after the first {@code n}, in this Dataset's order.
   *
   * @throws AnalysisException INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE for a negative {@code n}
   */
  public Dataset<T> offset(int n) {
    if (n < 0) {
      throw new AnalysisException("INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE",
          java.util.Map.of("name", "offset", "expr", "\"" + n + "\"", "v", String.valueOf(n)),
          "The limit like expression \"" + n + "\" is invalid. The offset expression must be equal to or greater"
              + " than 0, but got " + n + ". SQLSTATE: 42K0E");
    }
    return typed(withPlan(new Offset(n, plan())));
  }

  /**
   * A random subset holding each row with probability {@code fraction}, as Spark's Bernoulli sampler
   * does: row i is kept when the i-th value of {@code rand(seed)} is below {@code fraction}. Spark
   * seeds each partition with {@code seed + partitionIndex}; Ember's workers all play partition 0, so
   * the rows are Spark's exactly when Spark reads the input as one partition.
   */
  public Dataset<T> sample(double fraction, long seed) {
    return sample(false, fraction, seed);
  }

  public Dataset<T> sample(double fraction) {
    return sample(fraction, java.util.concurrent.ThreadLocalRandom.current().nextLong());
  }

  public Dataset<T> sample(boolean withReplacement, double fraction) {
    return sample(withReplacement, fraction, java.util.concurrent.ThreadLocalRandom.current().nextLong());
  }

  /**
   * With replacement, each row is repeated a Poisson({@code fraction}) number of times (Knuth's
   * method over {@code rand(seed)}); the counts honour the fraction but are not Spark's, whose
   * Poisson sampler draws from another generator.
   */
  public Dataset<T> sample(boolean withReplacement, double fraction, long seed) {
    if (withReplacement) {
      if (!(fraction >= 0)) {
        throw new IllegalArgumentException("requirement failed: Sampling fraction (" + fraction
            + ") must be nonnegative with replacement");
      }
      return typed(withPlan(Sampling.withReplacement(plan(), fraction, seed)));
    }
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("requirement failed: Sampling fraction (" + fraction
          + ") must be on interval [0, 1] without replacement");
    }
    return typed(withPlan(Sampling.between(plan(), 0, fraction, seed)));
  }

  /**
   * Splits the rows by {@code weights} (normalized to sum to 1). As in Spark, the input is sorted by
   * every orderable column first, so that each split sees the rows in one order, and split k keeps
   * the rows whose {@code rand(seed)} value falls in its share of [0, 1).
   */
  @SuppressWarnings("unchecked")
  public Dataset<T>[] randomSplit(double[] weights, long seed) {
    java.util.Objects.requireNonNull(weights, "weights is null");
    String shown = java.util.Arrays.stream(weights).mapToObj(String::valueOf)
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    if (java.util.Arrays.stream(weights).anyMatch(weight -> weight < 0)) {
      throw new IllegalArgumentException("requirement failed: Weights must be nonnegative, but got " + shown);
    }
    double total = java.util.Arrays.stream(weights).sum();
    if (!(total > 0)) {
      throw new IllegalArgumentException("requirement failed: Sum of weights must be positive, but got " + shown);
    }
    LogicalPlan sorted = Sampling.sortedByEveryColumn(plan());
    Dataset<T>[] splits = new Dataset[weights.length];
    double lowerBound = 0;
    for (int i = 0; i < weights.length; i++) {
      double upperBound = lowerBound + weights[i] / total;
      splits[i] = typed(withPlan(Sampling.between(sorted, lowerBound, upperBound, seed)));
      lowerBound = upperBound;
    }
    return splits;
  }

  public Dataset<T>[] randomSplit(double[] weights) {
    return randomSplit(weights, java.util.concurrent.ThreadLocalRandom.current().nextLong());
  }

  /**
   * Ember's workers share every result, so the rows are unchanged (the optimizer drops the node); a
   * write of the result makes {@code numPartitions} files, with the rows dealt round robin, as Spark's
   * does.
   */
  public Dataset<T> repartition(int numPartitions) {
    requirePositivePartitions(numPartitions);
    return typed(withPlan(new Repartition(OptionalInt.of(numPartitions), List.of(), true, plan())));
  }

  /**
   * Rows with equal {@code partitionExprs} values go into one part file of a write, chosen by Spark's
   * hash ({@code pmod(hash(exprs), numPartitions)}), so each file holds what Spark's holds.
   */
  public Dataset<T> repartition(int numPartitions, Column... partitionExprs) {
    requirePositivePartitions(numPartitions);
    return typed(withPlan(new Repartition(OptionalInt.of(numPartitions), expressions(partitionExprs), true, plan())));
  }

  /**
   * Hash-partitioned into as many parts as Spark's adaptive execution would make; a write puts all
   * rows of each partition directory into one file, as Spark does for inputs under its 64 MB advisory
   * partition size.
   */
  public Dataset<T> repartition(Column... partitionExprs) {
    if (partitionExprs.length == 0) {
      return repartition(session.engine().parallelism());
    }
    return typed(withPlan(new Repartition(OptionalInt.empty(), expressions(partitionExprs), true, plan())));
  }

  private static List<Expression> expressions(Column[] columns) {
    List<Expression> expressions = new ArrayList<>(columns.length);
    for (Column column : columns) {
      expressions.add(column.expr());
    }
    return expressions;
  }

  /**
   * At most {@code numPartitions} part files in a write, without splitting any worker's rows:
   * {@code coalesce(1)} writes one file with the rows in order.
   */
  public Dataset<T> coalesce(int numPartitions) {
    requirePositivePartitions(numPartitions);
    return typed(withPlan(new Repartition(OptionalInt.of(numPartitions), List.of(), false, plan())));
  }

  private static void requirePositivePartitions(int numPartitions) {
    if (numPartitions <= 0) {
      throw new IllegalArgumentException("requirement failed: Number of partitions (" + numPartitions
          + ") must be positive.");
    }
  }

  // ---- caching ----

  /** The same as {@link #persist()}. */
  public Dataset<T> cache() {
    return persist();
  }

  /** Keeps the result in memory once an action computes it; Spark's default level for Datasets. */
  public Dataset<T> persist() {
    return persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * Keeps this Dataset's result as Arrow batches in the session's memory, computed by the first action
   * that needs it; later queries on this Dataset, and on Datasets built from it, read those batches.
   * Ember keeps them in memory whatever {@code newLevel} says. Persisting a persisted Dataset again
   * changes nothing, as in Spark.
   */
  public Dataset<T> persist(StorageLevel newLevel) {
    java.util.Objects.requireNonNull(newLevel, "newLevel is null");
    session.checkRunning();
    QuerySettings settings = queryExecution.settings();
    dev.ember.api.execution.EngineContext engine = session.engine();
    LogicalPlan plan = plan();
    engine.cacheManager().persist(plan, newLevel,
        (entry, allocator) -> new QueryExecution(engine, settings, plan, session.functionRegistry(), entry)
            .collectBatchesInto(allocator));
    return this;
  }

  /** Frees the cached result; later queries compute it again. */
  public Dataset<T> unpersist() {
    session.engine().cacheManager().unpersist(plan());
    return this;
  }

  /** Ember frees the memory at once, so {@code blocking} changes nothing. */
  public Dataset<T> unpersist(boolean blocking) {
    return unpersist();
  }

  /** The level this Dataset is persisted with, {@code StorageLevel.NONE()} when it is not. */
  public StorageLevel storageLevel() {
    return session.engine().cacheManager().lookup(plan()).map(dev.ember.api.cache.CachedData::level)
        .orElse(StorageLevel.NONE());
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

  /** Each row of this Dataset as often as it is in both, nulls comparing equal (multiset intersection). */
  public Dataset<T> intersectAll(Dataset<T> other) {
    return intersectAllOrExceptAll(other, "INTERSECT ALL", true);
  }

  /** Each row of this Dataset as often as it is here more than in {@code other} (multiset difference). */
  public Dataset<T> exceptAll(Dataset<T> other) {
    return intersectAllOrExceptAll(other, "EXCEPT ALL", false);
  }

  private Dataset<T> intersectAllOrExceptAll(Dataset<T> other, String operatorName, boolean keepCommon) {
    Union inputs = (Union) withPlan(new Union(plan(), requireOther(other).plan(), operatorName)).plan();
    return typed(withPlan(SetOperationPlans.intersectAllOrExceptAll(inputs, keepCommon)));
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

  // ---- joins ----

  /** Every pair of rows (Spark 4 allows an inner join without a condition). */
  public Dataset<Row> join(Dataset<?> right) {
    return withPlan(JoinPlans.join(plan(), right.plan(), JoinType.INNER, null));
  }

  /** An inner join on equal {@code usingColumn}s, which the result has once. */
  public Dataset<Row> join(Dataset<?> right, String usingColumn) {
    return join(right, List.of(usingColumn), "inner");
  }

  public Dataset<Row> join(Dataset<?> right, String[] usingColumns) {
    return join(right, List.of(usingColumns), "inner");
  }

  public Dataset<Row> join(Dataset<?> right, scala.collection.immutable.Seq<String> usingColumns) {
    return join(right, scala.jdk.javaapi.CollectionConverters.asJava(usingColumns), "inner");
  }

  public Dataset<Row> join(Dataset<?> right, String usingColumn, String joinType) {
    return join(right, List.of(usingColumn), joinType);
  }

  public Dataset<Row> join(Dataset<?> right, String[] usingColumns, String joinType) {
    return join(right, List.of(usingColumns), joinType);
  }

  public Dataset<Row> join(Dataset<?> right, scala.collection.immutable.Seq<String> usingColumns, String joinType) {
    return join(right, scala.jdk.javaapi.CollectionConverters.asJava(usingColumns), joinType);
  }

  private Dataset<Row> join(Dataset<?> right, List<String> usingColumns, String joinType) {
    JoinType type = JoinType.parse(joinType);
    return withPlan(JoinPlans.usingJoin(plan(), right.plan(), usingColumns, type, session.settings().caseSensitive()));
  }

  public Dataset<Row> join(Dataset<?> right, Column joinExprs) {
    return join(right, joinExprs, "inner");
  }

  /** {@code joinType}: inner, cross, outer/full/fullouter/full_outer, left/leftouter/left_outer, right…, semi…, anti…. */
  public Dataset<Row> join(Dataset<?> right, Column joinExprs, String joinType) {
    JoinType type = JoinType.parse(joinType);
    return withPlan(JoinPlans.join(plan(), right.plan(), type, joinExprs.expr()));
  }

  public Dataset<Row> crossJoin(Dataset<?> right) {
    return withPlan(JoinPlans.join(plan(), right.plan(), JoinType.CROSS, null));
  }

  /** Names this Dataset's columns {@code alias.column}, for {@code col("alias.column")} after a join. */
  @SuppressWarnings("unchecked")
  public Dataset<T> as(String alias) {
    return (Dataset<T>) withPlan(new SubqueryAlias(alias, plan()));
  }

  public Dataset<T> alias(String alias) {
    return as(alias);
  }

  /** {@code functions.broadcast}: this side builds the hash table of the joins it takes part in. */
  Dataset<T> withBroadcastHint() {
    @SuppressWarnings("unchecked")
    Dataset<T> hinted = (Dataset<T>) withPlan(new BroadcastHint(plan()));
    return hinted;
  }

  /**
   * Renames every column, in order; Spark requires exactly one name per column and allows repeats.
   *
   * @throws AnalysisException ASSIGNMENT_ARITY_MISMATCH when the count differs from the column count
   */
  public Dataset<Row> toDF(String... colNames) {
    List<AttributeReference> output = plan().output();
    if (colNames.length != output.size()) {
      // Spark's message puts the column count where one would expect the name count, and vice versa.
      throw new AnalysisException("ASSIGNMENT_ARITY_MISMATCH",
          java.util.Map.of("numTarget", String.valueOf(output.size()), "numExpr", String.valueOf(colNames.length)),
          "The number of columns or variables assigned or aliased: " + output.size()
              + " does not match the number of source expressions: " + colNames.length + ". SQLSTATE: 42802");
    }
    List<Expression> projectList = new ArrayList<>();
    for (int i = 0; i < colNames.length; i++) {
      projectList.add(renamed(output.get(i), colNames[i]));
    }
    return withPlan(new Project(projectList, plan()));
  }

  /**
   * Replaces each column named {@code colName} (matched as the session's case sensitivity says) by
   * {@code col}, in place and under the new spelling, or appends it when there is none.
   */
  public Dataset<Row> withColumn(String colName, Column col) {
    return withColumns(List.of(colName), List.of(col));
  }

  /** {@link #withColumn} for several columns at once, in the map's iteration order. */
  public Dataset<Row> withColumns(java.util.Map<String, Column> colsMap) {
    return withColumns(new ArrayList<>(colsMap.keySet()), new ArrayList<>(colsMap.values()));
  }

  private Dataset<Row> withColumns(List<String> names, List<Column> columns) {
    requireDistinct(names);
    boolean[] replacedSomething = new boolean[names.size()];
    List<Expression> projectList = new ArrayList<>();
    for (AttributeReference attribute : plan().output()) {
      int match = indexOfName(names, attribute.name());
      if (match < 0) {
        projectList.add(attribute);
      } else {
        // One alias per replaced column: a repeated name must not give two outputs the same id.
        projectList.add(columns.get(match).as(names.get(match)).expr());
        replacedSomething[match] = true;
      }
    }
    for (int i = 0; i < names.size(); i++) {
      if (!replacedSomething[i]) {
        projectList.add(columns.get(i).as(names.get(i)).expr());
      }
    }
    return withPlan(new Project(projectList, plan()));
  }

  /** Spark reports the first repeated name, lower-cased unless the session is case sensitive. */
  private void requireDistinct(List<String> names) {
    boolean caseSensitive = session.settings().caseSensitive();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String name : names) {
      String key = caseSensitive ? name : name.toLowerCase(java.util.Locale.ROOT);
      if (!seen.add(key)) {
        throw new AnalysisException("COLUMN_ALREADY_EXISTS", java.util.Map.of("columnName", "`" + key + "`"),
            "The column `" + key + "` already exists. Choose another name or rename the existing column."
                + " SQLSTATE: 42711");
      }
    }
  }

  /** Renames every column called {@code existingName}; a name that matches no column changes nothing. */
  public Dataset<Row> withColumnRenamed(String existingName, String newName) {
    List<AttributeReference> output = plan().output();
    if (output.stream().noneMatch(attribute -> sameName(attribute.name(), existingName))) {
      return asRows();
    }
    List<Expression> projectList = new ArrayList<>();
    for (AttributeReference attribute : output) {
      projectList.add(sameName(attribute.name(), existingName) ? renamed(attribute, newName) : attribute);
    }
    return withPlan(new Project(projectList, plan()));
  }

  /**
   * Renames one pair after the other in the map's order, as Spark does: {@code {a: b, b: c}} ends
   * with {@code a} called {@code c}.
   */
  public Dataset<Row> withColumnsRenamed(java.util.Map<String, String> colsMap) {
    Dataset<Row> result = asRows();
    for (java.util.Map.Entry<String, String> rename : colsMap.entrySet()) {
      result = result.withColumnRenamed(rename.getKey(), rename.getValue());
    }
    return result;
  }

  /** Removes the columns with these names; names that match no column are ignored, as in Spark. */
  public Dataset<Row> drop(String... colNames) {
    List<AttributeReference> output = plan().output();
    List<Expression> kept = new ArrayList<>();
    for (AttributeReference attribute : output) {
      if (indexOfName(List.of(colNames), attribute.name()) < 0) {
        kept.add(attribute);
      }
    }
    return kept.size() == output.size() ? asRows() : withPlan(new Project(kept, plan()));
  }

  /**
   * Removes the column {@code col} stands for. As in Spark, a column that does not resolve, or an
   * expression that is not a plain column, removes nothing.
   */
  public Dataset<Row> drop(Column col) {
    return drop(col, new Column[0]);
  }

  public Dataset<Row> drop(Column col, Column... cols) {
    java.util.Set<Long> dropped = new java.util.HashSet<>();
    List<Column> all = new ArrayList<>();
    all.add(col);
    all.addAll(List.of(cols));
    for (Column column : all) {
      droppedColumn(column).ifPresent(attribute -> dropped.add(attribute.exprId()));
    }
    List<AttributeReference> output = plan().output();
    List<Expression> kept = new ArrayList<>();
    for (AttributeReference attribute : output) {
      if (!dropped.contains(attribute.exprId())) {
        kept.add(attribute);
      }
    }
    return kept.size() == output.size() ? asRows() : withPlan(new Project(kept, plan()));
  }

  /** The output column {@code column} resolves to, if it is a plain column reference. */
  private java.util.Optional<AttributeReference> droppedColumn(Column column) {
    Expression expression = column.expr();
    if (expression instanceof AttributeReference attribute) {
      return java.util.Optional.of(attribute);
    }
    if (expression instanceof dev.ember.planner.expressions.DatasetColumnReference reference) {
      // df.col(name): the column of a Dataset this one may be built on, identified by its id.
      return plan().output().stream().filter(attribute -> attribute.exprId() == reference.exprId()).findFirst();
    }
    if (!(expression instanceof UnresolvedAttribute)) {
      return java.util.Optional.empty();
    }
    LogicalPlan resolved;
    try {
      resolved = select(column).plan();
    } catch (AnalysisException e) {
      return java.util.Optional.empty();
    }
    if (resolved instanceof Project project && project.projectList().size() == 1
        && project.projectList().get(0) instanceof AttributeReference attribute) {
      return java.util.Optional.of(attribute);
    }
    return java.util.Optional.empty();
  }

  private boolean sameName(String first, String second) {
    return session.settings().caseSensitive() ? first.equals(second)
        : first.toLowerCase(java.util.Locale.ROOT).equals(second.toLowerCase(java.util.Locale.ROOT));
  }

  private int indexOfName(List<String> names, String name) {
    for (int i = 0; i < names.size(); i++) {
      if (sameName(names.get(i), name)) {
        return i;
      }
    }
    return -1;
  }

  private static Expression renamed(AttributeReference attribute, String newName) {
    return attribute.name().equals(newName) ? attribute : Alias.of(attribute, newName);
  }

  // ---- columns and schema ----

  /**
   * The column {@code name} of this Dataset; fails like Spark when it does not exist. The column
   * remembers which Dataset it came from, so {@code left.col("id").equalTo(right.col("id"))} names
   * two different columns.
   */
  public Column col(String name) {
    if (name.equals("*")) {
      return functions.col(name);
    }
    Dataset<Row> selected = requireColumn(name);
    if (selected.plan() instanceof Project project && project.projectList().size() == 1
        && project.projectList().get(0) instanceof AttributeReference column) {
      return new Column(new DatasetColumnReference(column.name(), column.exprId()));
    }
    return functions.col(name);
  }

  /**
   * Fails as Spark does when a name given as a string does not resolve against this Dataset: unlike
   * the analyzer, Spark then suggests every column in schema order and adds no plan to the message.
   */
  private Dataset<Row> requireColumn(String name) {
    try {
      return select(name);
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

  /**
   * count, mean, stddev, min and max of the numeric and string columns (of {@code cols} if given; other
   * types are left out, as in Spark), as strings under a first column {@code summary}.
   *
   * <p>Unlike Spark, which plans this lazily, Ember computes the statistics when called.
   */
  public Dataset<Row> describe(String... cols) {
    Dataset<Row> selected = cols.length == 0 ? asRows() : select(cols[0], java.util.Arrays.copyOfRange(cols, 1, cols.length));
    List<AttributeReference> described = new ArrayList<>();
    for (AttributeReference attribute : selected.plan().output()) {
      if (attribute.dataType().isNumeric() || attribute.dataType() instanceof dev.ember.sql.types.StringType) {
        described.add(attribute);
      }
    }
    List<String> statistics = List.of("count", "mean", "stddev", "min", "max");
    List<Expression> aggregates = new ArrayList<>();
    // Where each column's statistic is in the aggregate row; -1 for mean and stddev of strings, which are null.
    int[][] positions = new int[described.size()][statistics.size()];
    for (int column = 0; column < described.size(); column++) {
      AttributeReference attribute = described.get(column);
      for (int statistic = 0; statistic < statistics.size(); statistic++) {
        String name = statistics.get(statistic);
        if (!attribute.dataType().isNumeric() && (name.equals("mean") || name.equals("stddev"))) {
          positions[column][statistic] = -1;
          continue;
        }
        Expression argument = name.equals("stddev")
            ? new Cast(attribute, dev.ember.sql.types.DataTypes.DoubleType, false, false) : attribute;
        Expression value = new UnresolvedFunction(name.equals("mean") ? "avg" : name, List.of(argument), false);
        positions[column][statistic] = aggregates.size();
        aggregates.add(Alias.of(new Cast(value, dev.ember.sql.types.DataTypes.StringType, true, false),
            "s" + aggregates.size()));
      }
    }
    Row values = described.isEmpty() ? null : selected.aggregate(List.of(), aggregates).collectAsList().get(0);
    List<List<String>> rows = new ArrayList<>();
    for (int statistic = 0; statistic < statistics.size(); statistic++) {
      List<String> row = new ArrayList<>();
      row.add(statistics.get(statistic));
      for (int column = 0; column < described.size(); column++) {
        int position = positions[column][statistic];
        row.add(position < 0 ? null : values.getString(position));
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
    return withPlan(new Project(projectList, scan));
  }

  /**
   * Spark's {@code summary()}: count, mean, stddev, min, 25%, 50%, 75% and max of the numeric and string
   * columns, as strings; percentiles are {@code percentile_approx}'s. Computed when called.
   */
  public Dataset<Row> summary(String... statistics) {
    return new DatasetSummary(asRows()).compute(
        statistics.length == 0 ? DatasetSummary.DEFAULT_STATISTICS : List.of(statistics));
  }

  /** Dropping, filling and replacing missing values: {@code df.na().fill(0)}. */
  public DataFrameNaFunctions na() {
    return new DataFrameNaFunctions(asRows());
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

  /** The last {@code n} rows as a {@code Row[]}, typed {@code Object} as Java sees Spark's signature. */
  public Object tail(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("requirement failed: tail expects a non-negative count, got " + n);
    }
    List<Row> rows = collectAsList();
    return rows.subList(Math.max(0, rows.size() - n), rows.size()).toArray(new Row[0]);
  }

  /**
   * The rows one batch at a time: the query runs when this is called, and each batch becomes rows
   * only when the iterator reaches it. The iterator is {@link AutoCloseable}; reading to the end or
   * closing it releases the result's memory.
   */
  @SuppressWarnings("unchecked")
  public java.util.Iterator<T> toLocalIterator() {
    session.checkRunning();
    return (java.util.Iterator<T>) queryExecution.rowIterator();
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
