package dev.ember.runtime.io.partition;

import dev.ember.runtime.batch.ColumnBatch;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A scan of partitioned files: each file's own scan, with the file's partition values added as
 * constant columns. The data vectors pass through untouched; each partition column is one vector per
 * batch filled with its value, so no per-row work is added to the pipeline.
 *
 * <p>Output column {@code i} is data column {@code dataColumns[i]} of the file scans' output when that
 * is not negative, else partition value {@code partitionColumns[i]}. File scans may produce columns
 * no output uses (a query needing only partition columns still reads one data column, to count rows);
 * those vectors are closed at once.
 */
public final class PartitionColumnsSource implements BatchSource {
  /** One file's scan and the values its directory gives the partition columns. */
  public record FileScan(BatchSource source, List<Object> partitionValues) {
    public FileScan {
      Objects.requireNonNull(source, "source is null");
      partitionValues = java.util.Collections.unmodifiableList(new ArrayList<>(partitionValues));
    }
  }

  /** A morsel of one file's scan. */
  private record FileMorsel(int scan, Morsel inner) implements Morsel {
    @Override
    public String describe() {
      return inner.describe();
    }
  }

  private final List<FileScan> scans;
  private final StructType schema;
  private final int[] dataColumns;
  private final int[] partitionColumns;

  public PartitionColumnsSource(List<FileScan> scans, StructType schema, int[] dataColumns, int[] partitionColumns) {
    this.scans = List.copyOf(Objects.requireNonNull(scans, "scans is null"));
    this.schema = Objects.requireNonNull(schema, "schema is null");
    this.dataColumns = dataColumns.clone();
    this.partitionColumns = partitionColumns.clone();
    if (dataColumns.length != schema.length() || partitionColumns.length != schema.length()) {
      throw new IllegalArgumentException("column mappings of " + dataColumns.length + " and " + partitionColumns.length
          + " entries for " + schema.length() + " output columns");
    }
    for (int i = 0; i < dataColumns.length; i++) {
      if ((dataColumns[i] < 0) == (partitionColumns[i] < 0)) {
        throw new IllegalArgumentException("output column " + i + " must come from exactly one of data or partition");
      }
    }
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public List<Morsel> morsels() {
    List<Morsel> morsels = new ArrayList<>();
    for (int i = 0; i < scans.size(); i++) {
      for (Morsel morsel : scans.get(i).source().morsels()) {
        morsels.add(new FileMorsel(i, morsel));
      }
    }
    return List.copyOf(morsels);
  }

  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    if (!(morsel instanceof FileMorsel fileMorsel)) {
      throw new IllegalArgumentException("PartitionColumnsSource cannot read morsel " + morsel.describe());
    }
    FileScan scan = scans.get(fileMorsel.scan());
    BatchStream inner = scan.source().open(fileMorsel.inner(), allocator);
    return new BatchStream() {
      @Override
      public ColumnBatch next() {
        ColumnBatch batch = inner.next();
        return batch == null ? null : withPartitionColumns(batch, scan.partitionValues(), allocator);
      }

      @Override
      public void close() {
        inner.close();
      }
    };
  }

  private ColumnBatch withPartitionColumns(ColumnBatch batch, List<Object> values, BufferAllocator allocator) {
    int rows = batch.rowCount();
    List<FieldVector> vectors = new ArrayList<>(schema.length());
    boolean[] used = new boolean[batch.columnCount()];
    try {
      for (int i = 0; i < schema.length(); i++) {
        if (dataColumns[i] >= 0) {
          vectors.add(batch.vector(dataColumns[i]));
          used[dataColumns[i]] = true;
        } else {
          vectors.add(ConstantVectors.filled(schema.apply(i), values.get(partitionColumns[i]), rows, allocator));
        }
      }
    } catch (RuntimeException e) {
      for (int i = 0; i < schema.length() && i < vectors.size(); i++) {
        if (dataColumns[i] < 0) {
          vectors.get(i).close();
        }
      }
      batch.close();
      throw e;
    }
    for (int column = 0; column < used.length; column++) {
      if (!used[column]) {
        batch.vector(column).close();
      }
    }
    // The data vectors now belong to the new batch; the old one is dropped without closing.
    return new ColumnBatch(schema, vectors, rows);
  }

  @Override
  public void close() {
    scans.forEach(scan -> scan.source().close());
  }

  @Override
  public String toString() {
    return "PartitionColumnsSource(" + scans.size() + " files, " + schema.simpleString() + ")";
  }
}
