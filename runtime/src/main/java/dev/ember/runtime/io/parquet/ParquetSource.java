package dev.ember.runtime.io.parquet;

import dev.ember.SparkException;
import dev.ember.runtime.operators.join.JoinKeyFilter;
import dev.ember.runtime.operators.join.JoinKeyFilterableSource;
import dev.ember.runtime.operators.join.JoinTableHandle;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.runtime.pipeline.BatchStream;
import dev.ember.runtime.pipeline.Morsel;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;

/**
 * Scans Parquet files into Arrow batches. Each row group is a morsel; only the required columns are
 * read. Columns are found in each file by name (exact, else ignoring case, as Spark's default); a
 * column a file lacks reads as nulls. Row groups whose statistics prove that some pushed predicate
 * matches no row are not read at all; nor are those where an equality or IN predicate names a
 * fully dictionary-encoded column chunk whose dictionary holds no accepted value (decided when the
 * morsel is opened, so that dictionaries are read in parallel). With late materialisation (the
 * default), the predicates also drop rows inside each batch before the other columns are decoded
 * (see {@link ParquetRowGroupReader}); the query must still filter, as rows may pass them.
 */
public final class ParquetSource implements JoinKeyFilterableSource {
  /** Rows per batch. */
  public static final int BATCH_ROWS = 4096;

  private final List<Path> files;
  private final StructType dataSchema;
  private final int[] requiredColumns;
  private final List<ColumnPredicate> predicates;
  private final StructType schema;
  private final boolean lateMaterialization;
  /** Output columns whose rows are dropped when a join's build side lacks their key. */
  private final List<JoinKeyColumn> joinKeyColumns;

  private record JoinKeyColumn(int column, JoinTableHandle handle, int component) {}

  /**
   * @param dataSchema the table's columns (first file's, or the user's)
   * @param requiredColumns indexes into {@code dataSchema} of the columns to produce, in output order
   * @param predicates filters on {@code dataSchema} columns, used to skip row groups and rows
   */
  public ParquetSource(List<Path> files, StructType dataSchema, int[] requiredColumns, List<ColumnPredicate> predicates) {
    this(files, dataSchema, requiredColumns, predicates, true);
  }

  /**
   * @param lateMaterialization whether each batch decodes the predicates' columns first and the
   *     others only at the rows the predicates keep (true), or every column at every row (false)
   */
  public ParquetSource(List<Path> files, StructType dataSchema, int[] requiredColumns, List<ColumnPredicate> predicates,
      boolean lateMaterialization) {
    this(files, dataSchema, requiredColumns, predicates, lateMaterialization, List.of());
  }

  private ParquetSource(List<Path> files, StructType dataSchema, int[] requiredColumns, List<ColumnPredicate> predicates,
      boolean lateMaterialization, List<JoinKeyColumn> joinKeyColumns) {
    this.lateMaterialization = lateMaterialization;
    this.joinKeyColumns = List.copyOf(joinKeyColumns);
    this.files = List.copyOf(Objects.requireNonNull(files, "files is null"));
    this.dataSchema = Objects.requireNonNull(dataSchema, "dataSchema is null");
    this.requiredColumns = Objects.requireNonNull(requiredColumns, "requiredColumns is null").clone();
    this.predicates = List.copyOf(Objects.requireNonNull(predicates, "predicates is null"));
    List<StructField> required = new ArrayList<>(requiredColumns.length);
    for (int column : requiredColumns) {
      checkColumn(column, "Required column");
      required.add(dataSchema.apply(column));
    }
    for (ColumnPredicate predicate : predicates) {
      checkColumn(predicate.column(), "Predicate column");
    }
    this.schema = StructType.of(required);
  }

  private void checkColumn(int column, String what) {
    if (column < 0 || column >= dataSchema.length()) {
      throw new IllegalArgumentException(
          what + " " + column + " is outside the Parquet schema of " + dataSchema.length() + " columns");
    }
  }

  /** Without late materialisation every column is decoded at every row, so there is nothing to save. */
  @Override
  public BatchSource withJoinKeyFilter(int column, JoinTableHandle handle, int component) {
    Objects.requireNonNull(handle, "handle is null");
    if (!lateMaterialization || column < 0 || column >= schema.length()
        || !JoinKeyFilter.supports(schema.apply(column).dataType())) {
      return this;
    }
    List<JoinKeyColumn> columns = new ArrayList<>(joinKeyColumns);
    columns.add(new JoinKeyColumn(column, handle, component));
    return new ParquetSource(files, dataSchema, requiredColumns, predicates, true, columns);
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public List<Morsel> morsels() {
    List<Morsel> morsels = new ArrayList<>();
    for (Path file : files) {
      ParquetMetadata footer = ParquetFileFooters.read(file);
      MessageType fileSchema = footer.getFileMetaData().getSchema();
      List<ParquetRowGroupFilter.BoundPredicate> bound = bindPredicates(file, fileSchema);
      List<BlockMetaData> rowGroups = footer.getBlocks();
      for (int i = 0; i < rowGroups.size(); i++) {
        BlockMetaData rowGroup = rowGroups.get(i);
        if (rowGroup.getRowCount() > 0 && !ParquetRowGroupFilter.canSkip(rowGroup, bound)) {
          morsels.add(new ParquetRowGroupMorsel(file, i, rowGroup.getRowCount()));
        }
      }
    }
    return List.copyOf(morsels);
  }

  /** Predicates on columns the file has; a missing column is all nulls, which no statistics describe. */
  private List<ParquetRowGroupFilter.BoundPredicate> bindPredicates(Path file, MessageType fileSchema) {
    List<ParquetRowGroupFilter.BoundPredicate> bound = new ArrayList<>();
    for (ColumnPredicate predicate : predicates) {
      int fileColumn = fileColumn(file, fileSchema, predicate.column());
      if (fileColumn >= 0) {
        // Statistics are per leaf; flat files have one leaf per top-level column, in the same order.
        int leaf = fileSchema.getColumns().indexOf(
            fileSchema.getColumnDescription(new String[] {fileSchema.getType(fileColumn).getName()}));
        bound.add(new ParquetRowGroupFilter.BoundPredicate(leaf, predicate));
      }
    }
    return bound;
  }

  /** The file's column for table column {@code column}, checked to read as its type; -1 if absent. */
  private int fileColumn(Path file, MessageType fileSchema, int column) {
    StructField field = dataSchema.apply(column);
    int index = ParquetSchemas.findField(fileSchema, field.name());
    if (index < 0) {
      return -1;
    }
    DataType fileType = ParquetSchemas.toSpark(fileSchema.getType(index), file);
    if (!ParquetSchemas.canRead(fileType, field.dataType())) {
      org.apache.parquet.schema.Type fileField = fileSchema.getType(index);
      String physical = fileField.isPrimitive() ? fileField.asPrimitiveType().getPrimitiveTypeName().name()
          : fileField.toString().trim();
      String path = file.toAbsolutePath().normalize().toUri().toString();
      String expected = field.dataType().simpleString();
      throw new SparkException("FAILED_READ_FILE.PARQUET_COLUMN_DATA_TYPE_MISMATCH",
          Map.of("path", path, "column", "[" + field.name() + "]", "expectedType", expected, "actualType", physical),
          "Encountered error while reading file " + path + ". Data type mismatches when reading Parquet column ["
              + field.name() + "]. Expected Spark type " + expected + ", actual Parquet type " + physical
              + ". SQLSTATE: KD001\nThe file's column is " + fileType.simpleString() + ".",
          null);
    }
    return index;
  }

  @Override
  public BatchStream open(Morsel morsel, BufferAllocator allocator) {
    Objects.requireNonNull(allocator, "allocator is null");
    if (!(morsel instanceof ParquetRowGroupMorsel rowGroup)) {
      throw new IllegalArgumentException("ParquetSource cannot read morsel " + morsel.describe());
    }
    return new ParquetRowGroupReader(rowGroup, schema, fileSchema -> {
      int[] fileColumns = new int[requiredColumns.length];
      for (int i = 0; i < requiredColumns.length; i++) {
        fileColumns[i] = fileColumn(rowGroup.file(), fileSchema, requiredColumns[i]);
      }
      return fileColumns;
    }, fileSchema -> bindPredicates(rowGroup.file(), fileSchema), rowFilters(), keyFilters(), allocator);
  }

  /** The predicates on columns this source outputs, by output column; only those can drop rows early. */
  private List<ParquetRowGroupReader.RowFilter> rowFilters() {
    if (!lateMaterialization) {
      return List.of();
    }
    List<ParquetRowGroupReader.RowFilter> filters = new ArrayList<>();
    for (ColumnPredicate predicate : predicates) {
      for (int i = 0; i < requiredColumns.length; i++) {
        if (requiredColumns[i] == predicate.column()) {
          filters.add(new ParquetRowGroupReader.RowFilter(i, predicate));
          break;
        }
      }
    }
    return filters;
  }

  /** One fresh filter per reader: a filter keeps counters of its own rows. */
  private List<ParquetRowGroupReader.KeyFilter> keyFilters() {
    List<ParquetRowGroupReader.KeyFilter> filters = new ArrayList<>(joinKeyColumns.size());
    for (JoinKeyColumn key : joinKeyColumns) {
      filters.add(new ParquetRowGroupReader.KeyFilter(key.column(),
          JoinKeyFilter.of(key.handle(), schema.apply(key.column()).dataType(), key.component())));
    }
    return filters;
  }

  @Override
  public String toString() {
    return "ParquetSource(" + files.size() + " files, " + schema.simpleString() + ", " + predicates.size()
        + " pushed predicates" + (lateMaterialization ? "" : ", late materialisation off")
        + (joinKeyColumns.isEmpty() ? "" : ", " + joinKeyColumns.size() + " join key filters") + ")";
  }
}
