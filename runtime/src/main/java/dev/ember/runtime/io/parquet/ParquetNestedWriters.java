package dev.ember.runtime.io.parquet;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes arrays, maps and structs in the layout Spark 4.2 writes by default
 * ({@link ParquetWriteSchemas}): a list is a group holding a repeated group {@code list} of one
 * {@code element}; a map a group holding a repeated group {@code key_value} of {@code key} and
 * {@code value}; a struct a group of its fields. Null elements, values and fields are left out of
 * their group, which is how Parquet records a null; an empty list or map is a group with no field.
 * Reads the Arrow child vectors in place: leaf values go through the flat columns' writers.
 */
final class ParquetNestedWriters {
  static final String LIST = "list";
  static final String ELEMENT = "element";
  static final String KEY_VALUE = "key_value";
  static final String KEY = "key";
  static final String VALUE = "value";

  private ParquetNestedWriters() {}

  /** Writes the non-null value at a row of a vector of {@code type}, which may be nested or not. */
  static ParquetValueWriter forVector(DataType type, FieldVector vector, ParquetValueWriters.Scratch scratch,
      ParquetTimestampStorage timestamps) {
    if (type instanceof MapType map) {
      MapVector maps = (MapVector) vector;
      StructVector entries = (StructVector) maps.getDataVector();
      FieldVector keys = (FieldVector) entries.getChildByOrdinal(0);
      FieldVector values = (FieldVector) entries.getChildByOrdinal(1);
      ParquetValueWriter keyWriter = forVector(map.keyType(), keys, scratch, timestamps);
      ParquetValueWriter valueWriter = forVector(map.valueType(), values, scratch, timestamps);
      return (consumer, row) -> {
        consumer.startGroup();
        int start = maps.getElementStartIndex(row);
        int end = maps.getElementEndIndex(row);
        if (end > start) {
          consumer.startField(KEY_VALUE, 0);
          for (int i = start; i < end; i++) {
            consumer.startGroup();
            writeField(consumer, KEY, 0, keys, keyWriter, i);
            writeField(consumer, VALUE, 1, values, valueWriter, i);
            consumer.endGroup();
          }
          consumer.endField(KEY_VALUE, 0);
        }
        consumer.endGroup();
      };
    } else if (type instanceof ArrayType array) {
      ListVector lists = (ListVector) vector;
      FieldVector elements = lists.getDataVector();
      ParquetValueWriter elementWriter = forVector(array.elementType(), elements, scratch, timestamps);
      return (consumer, row) -> {
        consumer.startGroup();
        int start = lists.getElementStartIndex(row);
        int end = lists.getElementEndIndex(row);
        if (end > start) {
          consumer.startField(LIST, 0);
          for (int i = start; i < end; i++) {
            consumer.startGroup();
            writeField(consumer, ELEMENT, 0, elements, elementWriter, i);
            consumer.endGroup();
          }
          consumer.endField(LIST, 0);
        }
        consumer.endGroup();
      };
    } else if (type instanceof StructType struct) {
      StructVector structs = (StructVector) vector;
      int count = struct.length();
      String[] names = struct.fieldNames();
      FieldVector[] children = new FieldVector[count];
      ParquetValueWriter[] writers = new ParquetValueWriter[count];
      for (int i = 0; i < count; i++) {
        children[i] = (FieldVector) structs.getChildByOrdinal(i);
        writers[i] = forVector(struct.apply(i).dataType(), children[i], scratch, timestamps);
      }
      return (consumer, row) -> {
        consumer.startGroup();
        for (int i = 0; i < count; i++) {
          writeField(consumer, names[i], i, children[i], writers[i], row);
        }
        consumer.endGroup();
      };
    }
    return ParquetValueWriters.forVector(type, vector, scratch, timestamps);
  }

  private static void writeField(RecordConsumer consumer, String name, int index, FieldVector vector,
      ParquetValueWriter writer, int row) {
    if (vector.isNull(row)) {
      return;
    }
    consumer.startField(name, index);
    writer.write(consumer, row);
    consumer.endField(name, index);
  }
}
