package dev.ember.planner.sources;

import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.ScalarFunctionCall;
import dev.ember.planner.statistics.TableStatistics;
import dev.ember.runtime.io.parquet.ColumnPredicate;
import dev.ember.runtime.io.parquet.ParquetSource;
import dev.ember.runtime.io.parquet.ParquetStatistics;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parquet files with a known schema (the user's, the first file's or the merged one, see
 * {@link ParquetFormat}). Columns are found in each file by name; those a file lacks read as nulls.
 */
public final class ParquetTableSource implements TableSource {
  private static final int MAX_FILES_FOR_STATISTICS = 1000;

  private final List<Path> files;
  private final StructType schema;
  private final List<String> userPaths;
  /** The query's conjuncts this source uses, as the planner sees them (for explain and rule checks). */
  private final List<Expression> pushedConjuncts;
  /** The same conditions in the runtime's form, checked against row-group statistics. */
  private final List<ColumnPredicate> predicates;
  /**
   * Whether the reader may drop rows inside row groups (late materialisation): not when the filter
   * has a non-deterministic conjunct, such as {@code rand() < 0.5}, whose values depend on which
   * rows it sees.
   */
  private final boolean rowFiltering;

  public ParquetTableSource(List<Path> files, StructType schema, List<String> userPaths,
      List<Expression> pushedConjuncts, List<ColumnPredicate> predicates) {
    this(files, schema, userPaths, pushedConjuncts, predicates, true);
  }

  private ParquetTableSource(List<Path> files, StructType schema, List<String> userPaths,
      List<Expression> pushedConjuncts, List<ColumnPredicate> predicates, boolean rowFiltering) {
    this.rowFiltering = rowFiltering;
    this.files = List.copyOf(Objects.requireNonNull(files, "files is null"));
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.userPaths = List.copyOf(Objects.requireNonNull(userPaths, "userPaths is null"));
    this.pushedConjuncts = List.copyOf(Objects.requireNonNull(pushedConjuncts, "pushedConjuncts is null"));
    this.predicates = List.copyOf(Objects.requireNonNull(predicates, "predicates is null"));
  }

  /**
   * The table over {@code paths} (files, directories or glob patterns; hidden names skipped), with
   * {@code userSchema} if not null, otherwise inferred as {@link ParquetFormat#inferSchema} does.
   */
  public static TableSource open(List<String> paths, Map<String, String> options, StructType userSchema) {
    return DataSourceFormats.lookup("parquet").read(paths, options, userSchema);
  }

  /**
   * Keeps the conjuncts that row-group statistics can decide: a column compared with a literal of
   * the column's own type, IS NULL, IS NOT NULL. Others (casts, arithmetic, columns of two tables)
   * are left to the Filter above.
   */
  @Override
  public TableSource withPushedFilters(List<Expression> conjuncts) {
    List<Expression> usable = new ArrayList<>();
    List<ColumnPredicate> translated = new ArrayList<>();
    for (Expression conjunct : conjuncts) {
      ColumnPredicate predicate = ParquetPredicates.translate(conjunct, schema);
      if (predicate != null) {
        usable.add(conjunct);
        translated.add(predicate);
      }
    }
    boolean deterministic = conjuncts.stream().noneMatch(conjunct -> conjunct.exists(
        node -> node instanceof ScalarFunctionCall call && !call.function().deterministic()));
    if (usable.equals(pushedConjuncts) && deterministic == rowFiltering) {
      return this;
    }
    return new ParquetTableSource(files, schema, userPaths, usable, translated, deterministic);
  }

  @Override
  public List<Expression> pushedFilters() {
    return pushedConjuncts;
  }

  /** The same table, skipping row groups whose statistics prove {@code filters} match no row. */
  public ParquetTableSource withColumnPredicates(List<ColumnPredicate> filters) {
    List<ColumnPredicate> all = new ArrayList<>(predicates);
    all.addAll(Objects.requireNonNull(filters, "filters is null"));
    return new ParquetTableSource(files, schema, userPaths, pushedConjuncts, all, rowFiltering);
  }

  public List<ColumnPredicate> columnPredicates() {
    return predicates;
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public String formatName() {
    return "parquet";
  }

  @Override
  public java.util.OptionalLong sizeInBytes() {
    return TableSource.totalSize(files);
  }

  /**
   * From the files' footers (cached, so asking again is cheap). A source with very many files skips
   * them rather than make planning read thousands of footers for an estimate.
   */
  @Override
  public Optional<TableStatistics> statistics() {
    if (files.size() > MAX_FILES_FOR_STATISTICS) {
      return Optional.empty();
    }
    ParquetStatistics footers = ParquetStatistics.read(files);
    Map<String, TableStatistics.ValueRange> ranges = new HashMap<>();
    footers.columns().forEach((name, range) ->
        ranges.put(name, new TableStatistics.ValueRange(range.min(), range.max(), range.nullCount())));
    return Optional.of(new TableStatistics(footers.rowCount(), ranges));
  }

  @Override
  public String describe() {
    String pushed = predicates.stream()
        .map(filter -> filter.describe(schema.apply(filter.column()).name()))
        .collect(Collectors.joining(", ", "[", "]"));
    return "Location: " + userPaths + ", Files: " + files.size() + ", RowGroupFilters: " + pushed
        + ", ReadSchema: " + schema.simpleString();
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    return new ParquetSource(files, schema, columns, predicates, rowFiltering && settings.parquetLateMaterialization());
  }

  /**
   * Two sources are equal when they read the same files with the same schema and skip the same data,
   * so that two scans of one table in a query can share one result; the paths as the user wrote them
   * only label the scan.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof ParquetTableSource that && files.equals(that.files) && schema.equals(that.schema)
        && pushedConjuncts.equals(that.pushedConjuncts) && predicates.equals(that.predicates)
        && rowFiltering == that.rowFiltering;
  }

  @Override
  public int hashCode() {
    return Objects.hash(files, schema, pushedConjuncts, predicates, rowFiltering);
  }
}
