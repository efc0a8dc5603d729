package dev.ember.runtime.io.parquet;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * What the footers of a set of Parquet files say about their data: the row count and, per top-level
 * numeric or date column, the smallest and largest value and the null count over all row groups. The
 * planner estimates join and filter sizes from them; nothing here is needed for a correct answer, so a
 * column whose statistics are missing from any row group is simply left out.
 *
 * <p>Values are doubles in the column's SQL value space: dates as days since the epoch, decimals as
 * their numeric value, integers as themselves. Timestamps, strings and booleans are left out.
 */
public record ParquetStatistics(long rowCount, Map<String, ColumnRange> columns) {
  /** The value range and null count of one column over every row group. */
  public record ColumnRange(double min, double max, long nullCount) {}

  public ParquetStatistics {
    columns = Map.copyOf(Objects.requireNonNull(columns, "columns is null"));
  }

  /** The statistics of {@code files}, read from their (cached) footers. */
  public static ParquetStatistics read(List<Path> files) {
    long rows = 0;
    Map<String, double[]> ranges = new HashMap<>();
    Set<String> incomplete = new HashSet<>();
    Map<String, Integer> rowGroupsWith = new HashMap<>();
    int rowGroups = 0;
    for (Path file : files) {
      ParquetMetadata footer = ParquetFileFooters.read(file);
      for (BlockMetaData rowGroup : footer.getBlocks()) {
        rows += rowGroup.getRowCount();
        rowGroups++;
        for (ColumnChunkMetaData chunk : rowGroup.getColumns()) {
          if (chunk.getPath().size() != 1) {
            continue;
          }
          String name = chunk.getPath().toArray()[0];
          rowGroupsWith.merge(name, 1, Integer::sum);
          double[] range = range(chunk, rowGroup.getRowCount());
          if (range == null) {
            incomplete.add(name);
          } else {
            ranges.merge(name, range, ParquetStatistics::union);
          }
        }
      }
    }
    Map<String, ColumnRange> columns = new HashMap<>();
    int everyRowGroup = rowGroups;
    ranges.forEach((name, range) -> {
      // A column some file lacks reads as nulls there, which its statistics do not count.
      if (!incomplete.contains(name) && rowGroupsWith.get(name) == everyRowGroup) {
        columns.put(name, new ColumnRange(range[0], range[1], (long) range[2]));
      }
    });
    return new ParquetStatistics(rows, columns);
  }

  private static double[] union(double[] a, double[] b) {
    return new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2]};
  }

  /** {min, max, nulls} of one chunk; {+inf, -inf, nulls} when every value is null; null when unknown. */
  private static double[] range(ColumnChunkMetaData chunk, long rowCount) {
    Statistics<?> statistics = chunk.getStatistics();
    if (statistics == null || !statistics.isNumNullsSet()) {
      return null;
    }
    long nulls = statistics.getNumNulls();
    if (nulls == rowCount) {
      return new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, nulls};
    }
    if (statistics.isEmpty() || !statistics.hasNonNullValue()) {
      return null;
    }
    double scale = scaleOf(chunk.getPrimitiveType());
    if (Double.isNaN(scale)) {
      return null;
    }
    Object min = statistics.genericGetMin();
    Object max = statistics.genericGetMax();
    if (!(min instanceof Number low) || !(max instanceof Number high)) {
      return null;
    }
    double lowValue = low.doubleValue() / scale;
    double highValue = high.doubleValue() / scale;
    if (Double.isNaN(lowValue) || Double.isNaN(highValue)) {
      return null;
    }
    return new double[] {lowValue, highValue, nulls};
  }

  /** What a stored number is divided by to give the SQL value; NaN for columns left out. */
  private static double scaleOf(PrimitiveType type) {
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    PrimitiveType.PrimitiveTypeName physical = type.getPrimitiveTypeName();
    boolean integral = physical == PrimitiveType.PrimitiveTypeName.INT32
        || physical == PrimitiveType.PrimitiveTypeName.INT64;
    if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
      return integral ? Math.pow(10, decimal.getScale()) : Double.NaN;
    }
    if (logical == null || logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation) {
      return integral || physical == PrimitiveType.PrimitiveTypeName.FLOAT
          || physical == PrimitiveType.PrimitiveTypeName.DOUBLE ? 1 : Double.NaN;
    }
    return Double.NaN;
  }
}
