package dev.ember.planner.sources;

import dev.ember.planner.expressions.Expression;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.StructType;
import java.util.List;

/**
 * Data the planner can scan: files of any format, possibly in partition directories. Planning sees only
 * the schema and a description; physical execution asks for a runtime {@link BatchSource} over just
 * the columns a query needs.
 */
public interface TableSource {
  /** Every column the source can produce. */
  StructType schema();

  /** The format name shown by {@code explain()}, e.g. {@code csv}. */
  String formatName();

  /** Where the data lives, for {@code explain()}: paths, options that matter. */
  String describe();

  /**
   * A source over the given columns of {@link #schema()}, in that order.
   *
   * @param columns indexes into {@link #schema()}
   */
  BatchSource createBatchSource(int[] columns, ScanSettings settings);

  /**
   * Filter conjuncts (resolved, over this source's columns) the source may use to skip data it can
   * prove holds no matching row, such as Parquet row groups by their statistics. The query keeps its
   * Filter, so a source may use any subset, or none: the default.
   *
   * @return a source that remembers the conjuncts it will use; {@code this} when it uses none of them
   */
  default TableSource withPushedFilters(List<Expression> conjuncts) {
    return this;
  }

  /**
   * About how many bytes a full scan reads (the files' total size), for choosing the smaller side of a
   * join to build a hash table from; empty when unknown.
   */
  default java.util.OptionalLong sizeInBytes() {
    return java.util.OptionalLong.empty();
  }

  /** Row count and value ranges, when the source knows them without reading its data. */
  default java.util.Optional<dev.ember.planner.statistics.TableStatistics> statistics() {
    return java.util.Optional.empty();
  }

  /** The total size of {@code files}; empty when one cannot be read. */
  static java.util.OptionalLong totalSize(List<java.nio.file.Path> files) {
    long total = 0;
    for (java.nio.file.Path file : files) {
      try {
        total += java.nio.file.Files.size(file);
      } catch (java.io.IOException e) {
        return java.util.OptionalLong.empty();
      }
    }
    return java.util.OptionalLong.of(total);
  }

  /** The conjuncts this source uses to skip data; shown by {@code explain()}. */
  default List<Expression> pushedFilters() {
    return List.of();
  }

  /**
   * The conjuncts over partition columns only, which decide the partition directories read; shown by
   * {@code explain()} as Spark's {@code PartitionFilters}. Empty for unpartitioned sources.
   */
  default List<Expression> partitionFilters() {
    return List.of();
  }
}
