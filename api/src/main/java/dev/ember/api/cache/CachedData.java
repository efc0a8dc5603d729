package dev.ember.api.cache;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.InMemoryRelation;
import dev.ember.planner.logical.LogicalPlan;
import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.sql.types.StructField;
import dev.ember.storage.StorageLevel;
import dev.ember.sql.types.StructType;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One persisted plan and, once a query has needed it, its result as Arrow batches owned by the cache's
 * allocator. Materialized lazily, as Spark fills a cache on the first action that reads it.
 */
public final class CachedData {
  private final LogicalPlan plan;
  private final StorageLevel level;
  private final StructType schema;
  private final InMemoryRelation relation;
  private Supplier<List<ColumnBatch>> materializer;
  private List<ColumnBatch> batches;
  private boolean released;

  CachedData(LogicalPlan plan, StorageLevel level) {
    this.plan = Objects.requireNonNull(plan, "plan is null");
    this.level = Objects.requireNonNull(level, "level is null");
    this.schema = StructType.of(plan.output().stream()
        .map(column -> new StructField(column.name(), column.dataType(), column.nullable())).toList());
    this.relation = new InMemoryRelation(new CachedTableSource(this), plan.output());
  }

  public LogicalPlan plan() {
    return plan;
  }

  /** Spark's description of the storage level, e.g. {@code StorageLevel(disk, memory, deserialized, 1 replicas)}. */
  public String storageDescription() {
    return level.description();
  }

  /** The level asked for; Ember keeps the batches in memory whatever it is. */
  public StorageLevel level() {
    return level;
  }

  StructType schema() {
    return schema;
  }

  /** The leaf that reads this cache, with the plan's own output attributes. */
  InMemoryRelation relation() {
    return relation;
  }

  List<AttributeReference> output() {
    return relation.output();
  }

  void materializeWith(Supplier<List<ColumnBatch>> materializer) {
    this.materializer = Objects.requireNonNull(materializer, "materializer is null");
  }

  /** The cached batches, computing them on first use. */
  synchronized List<ColumnBatch> batches() {
    if (released) {
      throw new IllegalStateException("the cached data of this plan was released by unpersist:\n" + plan.treeString());
    }
    if (batches == null) {
      batches = List.copyOf(materializer.get());
    }
    return batches;
  }

  synchronized boolean isMaterialized() {
    return batches != null;
  }

  /** Frees the batches; later reads fail, as the plan is no longer looked up. */
  synchronized void release() {
    released = true;
    if (batches != null) {
      batches.forEach(ColumnBatch::close);
      batches = null;
    }
  }
}
