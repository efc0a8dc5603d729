package dev.ember.runtime.io.parquet;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.OriginalType;
import org.apache.parquet.schema.Type;

/**
 * The Spark types of nested Parquet columns, following the Parquet format's rules for lists and maps
 * as Spark does: a LIST group of three levels ({@code repeated group list { element }}, what Spark
 * writes) or of the legacy two levels (a repeated primitive, or a repeated group that is itself the
 * element: several fields, or named {@code array} or {@code <list>_tuple}); a MAP (or
 * MAP_KEY_VALUE) group of a repeated {@code key_value} group; any other group is a struct; an
 * unannotated repeated field is an array of its values. Every level is nullable, as Spark reports
 * file schemas.
 */
final class ParquetNestedSchemas {
  private ParquetNestedSchemas() {}

  /** Whether the column needs the nested reader: a group, or a repeated field. */
  static boolean isNested(Type field) {
    return !field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED);
  }

  static DataType toSpark(Type field, Path file) {
    if (field.isRepetition(Type.Repetition.REPEATED)) {
      return new ArrayType(nonRepeated(field, file), true);
    }
    return nonRepeated(field, file);
  }

  /** The type of one occurrence of the field, its repetition aside. */
  private static DataType nonRepeated(Type field, Path file) {
    if (field.isPrimitive()) {
      return ParquetSchemas.primitiveToSpark(field.asPrimitiveType(), file);
    }
    GroupType group = field.asGroupType();
    if (isList(group)) {
      return new ArrayType(elementTypeOf(group, file), true);
    } else if (isMap(group)) {
      GroupType keyValue = group.getType(0).asGroupType();
      return new MapType(nonRepeated(keyValue.getType(0), file), toSpark(keyValue.getType(1), file), true);
    }
    List<StructField> fields = new ArrayList<>(group.getFieldCount());
    for (Type child : group.getFields()) {
      fields.add(new StructField(child.getName(), toSpark(child, file), true));
    }
    return StructType.of(fields);
  }

  private static DataType elementTypeOf(GroupType list, Path file) {
    Type repeated = list.getType(0);
    if (isElementItself(list, repeated)) {
      return nonRepeated(repeated, file);
    }
    return toSpark(repeated.asGroupType().getType(0), file);
  }

  static boolean isList(GroupType group) {
    LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
    return (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
        || group.getOriginalType() == OriginalType.LIST)
        && group.getFieldCount() == 1 && group.getType(0).isRepetition(Type.Repetition.REPEATED);
  }

  static boolean isMap(GroupType group) {
    LogicalTypeAnnotation logical = group.getLogicalTypeAnnotation();
    return (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation
        || group.getOriginalType() == OriginalType.MAP || group.getOriginalType() == OriginalType.MAP_KEY_VALUE)
        && group.getFieldCount() == 1 && !group.getType(0).isPrimitive()
        && group.getType(0).isRepetition(Type.Repetition.REPEATED)
        && group.getType(0).asGroupType().getFieldCount() == 2;
  }

  /** The legacy two-level lists, where the repeated field holds the element directly. */
  static boolean isElementItself(GroupType list, Type repeated) {
    if (repeated.isPrimitive()) {
      return true;
    }
    GroupType group = repeated.asGroupType();
    return group.getFieldCount() > 1 || group.getName().equals("array")
        || group.getName().equals(list.getName() + "_tuple");
  }
}
