package dev.ember.planner.sources;

import dev.ember.planner.expressions.Expression;
import dev.ember.runtime.io.FileListing;
import dev.ember.runtime.io.parquet.ColumnPredicate;
import dev.ember.runtime.io.parquet.ParquetFileFooters;
import dev.ember.runtime.io.parquet.ParquetSchemas;
import dev.ember.runtime.io.parquet.ParquetSource;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.AnalysisException;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet files with a known schema. Without a user schema it is the first file's (files sorted by
 * name within each directory), as Spark without {@code mergeSchema}: other files' extra columns are
 * ignored and their missing columns read as nulls. A user schema picks columns by name.
 */
public final class ParquetTableSource implements TableSource {
  private final List<Path> files;
  private final StructType schema;
  private final List<String> userPaths;
  /** The query's conjuncts this source uses, as the planner sees them (for explain and rule checks). */
  private final List<Expression> pushedConjuncts;
  /** The same conditions in the runtime's form, checked against row-group statistics. */
  private final List<ColumnPredicate> predicates;

  public ParquetTableSource(List<Path> files, StructType schema, List<String> userPaths,
      List<Expression> pushedConjuncts, List<ColumnPredicate> predicates) {
    this.files = List.copyOf(Objects.requireNonNull(files, "files is null"));
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.userPaths = List.copyOf(Objects.requireNonNull(userPaths, "userPaths is null"));
    this.pushedConjuncts = List.copyOf(Objects.requireNonNull(pushedConjuncts, "pushedConjuncts is null"));
    this.predicates = List.copyOf(Objects.requireNonNull(predicates, "predicates is null"));
  }

  /**
   * The table over {@code paths} (files or directories; names starting with {@code _} or {@code .}
   * are skipped), with {@code userSchema} if not null, otherwise the first file's schema. Other
   * options are accepted and ignored for now; {@code mergeSchema=true} is an Ember error rather than
   * a silently different schema.
   */
  public static TableSource open(List<String> paths, Map<String, String> options, StructType userSchema) {
    Objects.requireNonNull(paths, "paths is null");
    Objects.requireNonNull(options, "options is null");
    options.forEach((key, value) -> {
      if (key.equalsIgnoreCase("mergeSchema") && value.trim().equalsIgnoreCase("true")) {
        throw new AnalysisException("EMBER_NOT_YET_SUPPORTED", Map.of("feature", "the Parquet option mergeSchema"),
            "Ember does not support the Parquet option mergeSchema yet; the schema is the first file's."
                + " SQLSTATE: 0A000");
      }
    });
    List<Path> files = paths.isEmpty() ? List.of() : FileListing.list(paths);
    StructType schema;
    if (userSchema != null) {
      schema = userSchema.asNullable();
    } else if (files.isEmpty()) {
      throw new AnalysisException("UNABLE_TO_INFER_SCHEMA", Map.of("format", "Parquet"),
          "Unable to infer schema for Parquet. It must be specified manually. SQLSTATE: 42KD9");
    } else {
      Path first = files.get(0);
      MessageType fileSchema = ParquetFileFooters.read(first).getFileMetaData().getSchema();
      schema = ParquetSchemas.toSpark(fileSchema, first);
    }
    return new ParquetTableSource(files, schema, paths, List.of(), List.of());
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
    if (usable.equals(pushedConjuncts)) {
      return this;
    }
    return new ParquetTableSource(files, schema, userPaths, usable, translated);
  }

  @Override
  public List<Expression> pushedFilters() {
    return pushedConjuncts;
  }

  /** The same table, skipping row groups whose statistics prove {@code filters} match no row. */
  public ParquetTableSource withColumnPredicates(List<ColumnPredicate> filters) {
    List<ColumnPredicate> all = new ArrayList<>(predicates);
    all.addAll(Objects.requireNonNull(filters, "filters is null"));
    return new ParquetTableSource(files, schema, userPaths, pushedConjuncts, all);
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
  public String describe() {
    String pushed = predicates.stream()
        .map(filter -> filter.describe(schema.apply(filter.column()).name()))
        .collect(Collectors.joining(", ", "[", "]"));
    return "Location: " + userPaths + ", Files: " + files.size() + ", RowGroupFilters: " + pushed
        + ", ReadSchema: " + schema.simpleString();
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    return new ParquetSource(files, schema, columns, predicates);
  }
}
