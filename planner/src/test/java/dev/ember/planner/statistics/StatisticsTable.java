package dev.ember.planner.statistics;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.logical.ScanRelation;
import dev.ember.planner.sources.ScanSettings;
import dev.ember.planner.sources.TableSource;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.StructType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A table that only knows its statistics, as a Parquet footer would give them, for planning tests. */
public record StatisticsTable(String name, long rows, Map<String, TableStatistics.ValueRange> ranges,
    List<AttributeReference> columns) implements TableSource {

  /** A scan of a table of {@code rows} rows over {@code columns}, without value ranges. */
  public static ScanRelation scan(String name, long rows, AttributeReference... columns) {
    return scan(name, rows, Map.of(), columns);
  }

  public static ScanRelation scan(String name, long rows, Map<String, TableStatistics.ValueRange> ranges,
      AttributeReference... columns) {
    return new ScanRelation(new StatisticsTable(name, rows, ranges, Arrays.asList(columns)), List.of(columns));
  }

  /** A range of values without nulls. */
  public static TableStatistics.ValueRange range(double min, double max) {
    return new TableStatistics.ValueRange(min, max, 0);
  }

  @Override
  public StructType schema() {
    StructType schema = new StructType();
    for (AttributeReference column : columns) {
      schema = schema.add(column.name(), column.dataType(), column.nullable());
    }
    return schema;
  }

  @Override
  public String formatName() {
    return "parquet";
  }

  @Override
  public String describe() {
    return name + " (" + rows + " rows)";
  }

  @Override
  public Optional<TableStatistics> statistics() {
    return Optional.of(new TableStatistics(rows, ranges));
  }

  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    throw new UnsupportedOperationException("only for planning");
  }
}
