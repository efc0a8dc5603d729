package dev.ember.planner.sources;

import dev.ember.planner.expressions.AttributeReference;
import dev.ember.planner.expressions.Expression;
import dev.ember.planner.expressions.Literal;
import dev.ember.planner.optimizer.rules.FoldConstants;
import dev.ember.runtime.io.FileListing;
import dev.ember.runtime.io.partition.PartitionColumnsSource;
import dev.ember.runtime.io.partition.PartitionDirectory;
import dev.ember.runtime.io.partition.PartitionedFiles;
import dev.ember.runtime.pipeline.BatchSource;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Any format's files laid out in partition directories ({@code year=2024/month=1/...}): the data
 * columns, then the partition columns, as Spark orders them; a partition column that the files also
 * hold keeps the data column's place and takes its values from the directory. Filters on partition
 * columns alone remove whole directories before any file is opened; other filters go to the format's
 * own source.
 */
public final class PartitionedTableSource implements TableSource {
  private final DataSourceFormat format;
  private final Map<String, String> options;
  private final StructType dataSchema;
  private final PartitionedFiles allFiles;
  /** The directories left after partition filters. */
  private final List<PartitionDirectory> selected;
  private final List<String> userPaths;
  private final StructType schema;
  /** For each column of {@link #schema}: its index in {@link #dataSchema}, or -1. */
  private final int[] dataIndexes;
  /** For each column of {@link #schema}: its index among the partition columns, or -1. */
  private final int[] partitionIndexes;
  private final List<Expression> partitionFilters;
  /** The filters the format's source took; offered to each file's source. */
  private final List<Expression> dataFilters;

  private PartitionedTableSource(DataSourceFormat format, Map<String, String> options, StructType dataSchema,
      PartitionedFiles allFiles, List<PartitionDirectory> selected, List<String> userPaths,
      List<Expression> partitionFilters, List<Expression> dataFilters) {
    this.format = format;
    this.options = Map.copyOf(options);
    this.dataSchema = dataSchema;
    this.allFiles = allFiles;
    this.selected = List.copyOf(selected);
    this.userPaths = List.copyOf(userPaths);
    this.partitionFilters = List.copyOf(partitionFilters);
    this.dataFilters = List.copyOf(dataFilters);
    StructType partitionSchema = allFiles.partitionSchema();
    List<StructField> fields = new ArrayList<>();
    List<Integer> fromData = new ArrayList<>();
    List<Integer> fromPartition = new ArrayList<>();
    boolean[] placed = new boolean[partitionSchema.length()];
    for (int i = 0; i < dataSchema.length(); i++) {
      int partition = indexIgnoringCase(partitionSchema, dataSchema.apply(i).name());
      if (partition >= 0) {
        fields.add(partitionSchema.apply(partition));
        fromData.add(-1);
        fromPartition.add(partition);
        placed[partition] = true;
      } else {
        fields.add(dataSchema.apply(i));
        fromData.add(i);
        fromPartition.add(-1);
      }
    }
    for (int partition = 0; partition < partitionSchema.length(); partition++) {
      if (!placed[partition]) {
        fields.add(partitionSchema.apply(partition));
        fromData.add(-1);
        fromPartition.add(partition);
      }
    }
    this.schema = StructType.of(fields);
    this.dataIndexes = fromData.stream().mapToInt(Integer::intValue).toArray();
    this.partitionIndexes = fromPartition.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * @param dataSchema the columns of the data files (partition columns the files also hold included)
   * @param files the files by partition directory, with at least one partition column
   */
  public static PartitionedTableSource create(DataSourceFormat format, PartitionedFiles files, StructType dataSchema,
      Map<String, String> options, List<String> userPaths) {
    Objects.requireNonNull(format, "format is null");
    Objects.requireNonNull(files, "files is null");
    Objects.requireNonNull(dataSchema, "dataSchema is null");
    if (!files.isPartitioned()) {
      throw new IllegalArgumentException("a partitioned table needs partition columns");
    }
    return new PartitionedTableSource(format, options, dataSchema, files, files.directories(), userPaths,
        List.of(), List.of());
  }

  @Override
  public StructType schema() {
    return schema;
  }

  /** The partition columns, in directory order. */
  public StructType partitionSchema() {
    return allFiles.partitionSchema();
  }

  /** The files a scan reads: those of the partitions the filters left. */
  public List<Path> selectedFiles() {
    return selected.stream().flatMap(directory -> directory.files().stream()).toList();
  }

  /** Only the selected partitions' files: partition pruning shrinks the side a join would build. */
  @Override
  public java.util.OptionalLong sizeInBytes() {
    return TableSource.totalSize(selectedFiles());
  }

  @Override
  public String formatName() {
    return format.shortName();
  }

  @Override
  public String describe() {
    return dataSource(selectedFiles()).describe() + ", PartitionSchema: " + partitionSchema().simpleString()
        + ", Partitions: " + selected.size() + " of " + allFiles.directories().size();
  }

  /**
   * Conjuncts over partition columns only decide which directories are read: a directory is skipped
   * when a conjunct, with the directory's values in place of the columns, folds to false or null. The
   * others, over data columns only, are offered to the format's source.
   */
  @Override
  public TableSource withPushedFilters(List<Expression> conjuncts) {
    List<Expression> onPartitions = new ArrayList<>();
    List<Expression> onData = new ArrayList<>();
    for (Expression conjunct : conjuncts) {
      List<String> columns = conjunct.collect(node -> node instanceof AttributeReference column ? column.name() : null)
          .stream().filter(Objects::nonNull).toList();
      if (columns.isEmpty()) {
        continue;
      }
      if (columns.stream().allMatch(this::isPartitionColumn)) {
        onPartitions.add(conjunct);
      } else if (columns.stream().allMatch(this::isDataColumn)) {
        onData.add(conjunct);
      }
    }
    List<Expression> taken = onData.isEmpty() ? List.of() : dataSource(allFiles.allFiles()).withPushedFilters(onData)
        .pushedFilters();
    if (onPartitions.equals(partitionFilters) && taken.equals(dataFilters)) {
      return this;
    }
    List<PartitionDirectory> kept = allFiles.directories().stream()
        .filter(directory -> onPartitions.stream().allMatch(filter -> mayMatch(filter, directory)))
        .toList();
    return new PartitionedTableSource(format, options, dataSchema, allFiles, kept, userPaths, onPartitions, taken);
  }

  @Override
  public List<Expression> pushedFilters() {
    return dataFilters;
  }

  @Override
  public List<Expression> partitionFilters() {
    return partitionFilters;
  }

  /** False only when the filter, evaluated on the directory's values, is false or null. */
  private boolean mayMatch(Expression filter, PartitionDirectory directory) {
    Expression bound = filter.transformUp(node -> {
      if (node instanceof AttributeReference column && isPartitionColumn(column.name())) {
        int index = schema.fieldIndex(column.name());
        return new Literal(directory.values().get(partitionIndexes[index]), schema.apply(index).dataType());
      }
      return node;
    });
    Expression folded = FoldConstants.foldAll(bound);
    if (folded instanceof Literal literal) {
      return Boolean.TRUE.equals(literal.value());
    }
    // Not foldable (a cast Ember does not fold, an error deferred to run time): read the directory.
    return true;
  }

  private boolean isPartitionColumn(String name) {
    int index = indexOf(name);
    return index >= 0 && partitionIndexes[index] >= 0;
  }

  private boolean isDataColumn(String name) {
    int index = indexOf(name);
    return index >= 0 && dataIndexes[index] >= 0;
  }

  private int indexOf(String name) {
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private TableSource dataSource(List<Path> files) {
    return format.open(files, dataSchema, options, userPaths);
  }

  /**
   * One source per file, in the order Spark reads files (largest first): each file's batches get its
   * directory's values as constant columns.
   */
  @Override
  public BatchSource createBatchSource(int[] columns, ScanSettings settings) {
    List<Integer> required = new ArrayList<>();
    int[] dataColumns = new int[columns.length];
    int[] partitionColumns = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      int dataIndex = dataIndexes[columns[i]];
      partitionColumns[i] = partitionIndexes[columns[i]];
      if (dataIndex >= 0) {
        int position = required.indexOf(dataIndex);
        if (position < 0) {
          position = required.size();
          required.add(dataIndex);
        }
        dataColumns[i] = position;
      } else {
        dataColumns[i] = -1;
      }
    }
    if (required.isEmpty() && dataSchema.length() > 0) {
      // Only partition columns are needed; one data column still tells how many rows each file has.
      required.add(narrowestDataColumn());
    }
    int[] requiredColumns = required.stream().mapToInt(Integer::intValue).toArray();
    Map<Path, PartitionDirectory> directoryOf = new HashMap<>();
    for (PartitionDirectory directory : selected) {
      directory.files().forEach(file -> directoryOf.put(file, directory));
    }
    List<PartitionColumnsSource.FileScan> scans = new ArrayList<>();
    for (Path file : FileListing.inReadOrder(selectedFiles())) {
      TableSource fileTable = dataSource(List.of(file));
      if (!dataFilters.isEmpty()) {
        fileTable = fileTable.withPushedFilters(dataFilters);
      }
      scans.add(new PartitionColumnsSource.FileScan(fileTable.createBatchSource(requiredColumns, settings),
          directoryOf.get(file).values()));
    }
    List<StructField> output = new ArrayList<>(columns.length);
    for (int column : columns) {
      output.add(schema.apply(column));
    }
    return new PartitionColumnsSource(scans, StructType.of(output), dataColumns, partitionColumns);
  }

  private int narrowestDataColumn() {
    int best = 0;
    for (int i = 1; i < dataSchema.length(); i++) {
      if (dataSchema.apply(i).dataType().defaultSize() < dataSchema.apply(best).dataType().defaultSize()) {
        best = i;
      }
    }
    return best;
  }

  private static int indexIgnoringCase(StructType schema, String name) {
    for (int i = 0; i < schema.length(); i++) {
      if (schema.apply(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
