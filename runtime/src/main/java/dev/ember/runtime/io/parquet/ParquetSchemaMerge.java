package dev.ember.runtime.io.parquet;

import dev.ember.SparkException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Parquet's {@code mergeSchema}: the union of the files' columns, as Spark merges them. Files are
 * merged in the order given; a column keeps the position of its first file, new columns follow.
 * Columns match by name ignoring case; their types must be equal, except decimals of one scale, which
 * merge to the larger precision. Anything else (even int with bigint) is Spark's
 * {@code CANNOT_MERGE_SCHEMAS}.
 */
public final class ParquetSchemaMerge {
  private ParquetSchemaMerge() {}

  /** The merged schema of {@code files} (at least one), every column nullable. */
  public static StructType merge(List<Path> files) {
    Objects.requireNonNull(files, "files is null");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no files to merge the schemas of");
    }
    StructType merged = null;
    for (Path file : files) {
      StructType fileSchema = fileSchema(file);
      merged = merged == null ? fileSchema : merge(merged, fileSchema);
    }
    return merged.asNullable();
  }

  /** A file's columns, nullable unless the file declares them required (Spark shows those as NOT NULL). */
  private static StructType fileSchema(Path file) {
    MessageType schema = ParquetFileFooters.read(file).getFileMetaData().getSchema();
    List<StructField> fields = new ArrayList<>(schema.getFieldCount());
    for (Type field : schema.getFields()) {
      fields.add(DataTypes.createStructField(field.getName(), ParquetSchemas.toSpark(field, file),
          !field.isRepetition(Type.Repetition.REQUIRED)));
    }
    return StructType.of(fields);
  }

  static StructType merge(StructType initial, StructType next) {
    List<StructField> fields = new ArrayList<>(initial.fieldList());
    for (StructField field : next.fields()) {
      int existing = indexIgnoringCase(fields, field.name());
      if (existing < 0) {
        fields.add(field);
        continue;
      }
      StructField known = fields.get(existing);
      DataType type = mergeTypes(known.dataType(), field.dataType());
      if (type == null) {
        String left = "\"" + known.dataType().sql() + "\"";
        String right = "\"" + field.dataType().sql() + "\"";
        SparkException incompatible = new SparkException("CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE",
            Map.of("left", left, "right", right),
            "Failed to merge incompatible data types " + left + " and " + right + ". Please check the data types"
                + " of the columns being merged and ensure that they are compatible. If necessary, consider"
                + " casting the columns to compatible data types before attempting the merge. SQLSTATE: 42825",
            null);
        throw new SparkException("CANNOT_MERGE_SCHEMAS",
            Map.of("left", describe(initial), "right", describe(next)),
            "Failed merging schemas:\nInitial schema:\n" + describe(initial)
                + "\nSchema that cannot be merged with the initial schema:\n" + describe(next) + ". SQLSTATE: 42KD9",
            incompatible);
      }
      fields.set(existing, DataTypes.createStructField(known.name(), type, known.nullable() || field.nullable()));
    }
    return StructType.of(fields);
  }

  private static DataType mergeTypes(DataType left, DataType right) {
    if (left.equals(right)) {
      return left;
    }
    if (left instanceof DecimalType leftDecimal && right instanceof DecimalType rightDecimal
        && leftDecimal.scale() == rightDecimal.scale()) {
      return new DecimalType(Math.max(leftDecimal.precision(), rightDecimal.precision()), leftDecimal.scale());
    }
    return null;
  }

  private static int indexIgnoringCase(List<StructField> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Spark's rendering in this message: {@code "STRUCT<a: INT NOT NULL, b: STRING>"}. */
  private static String describe(StructType schema) {
    return schema.fieldList().stream()
        .map(field -> field.name() + ": " + field.dataType().sql() + (field.nullable() ? "" : " NOT NULL"))
        .collect(Collectors.joining(", ", "\"STRUCT<", ">\""));
  }
}
