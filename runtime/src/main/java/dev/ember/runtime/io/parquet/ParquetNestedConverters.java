package dev.ember.runtime.io.parquet;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * parquet-mr converters that assemble nested column values (parquet-mr's record reader turns the
 * repetition and definition levels into start/end events) into {@link NestedValues} objects: lists,
 * {@link NestedValues.MapValue}s and {@code Object[]} structs. A level that is absent in the file
 * (a null) never starts, so its slot keeps its null.
 */
final class ParquetNestedConverters {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final long NANOS_PER_MICRO = 1_000L;

  private ParquetNestedConverters() {}

  /** The converter of a field of Spark type {@code type}, handing each value it completes to {@code sink}. */
  static Converter forField(Type field, DataType type, Consumer<Object> sink) {
    if (field.isRepetition(Type.Repetition.REPEATED) && type instanceof ArrayType array) {
      // An unannotated repeated field: each occurrence is an element; the parent collects them.
      return nonRepeated(field, array.elementType(), sink);
    }
    return nonRepeated(field, type, sink);
  }

  private static Converter nonRepeated(Type field, DataType type, Consumer<Object> sink) {
    if (field.isPrimitive()) {
      return new Leaf(field.asPrimitiveType(), type, sink);
    }
    GroupType group = field.asGroupType();
    if (type instanceof ArrayType array && ParquetNestedSchemas.isList(group)) {
      return new ListGroup(group, array.elementType(), sink);
    } else if (type instanceof MapType map && ParquetNestedSchemas.isMap(group)) {
      return new MapGroup(group.getType(0).asGroupType(), map, sink);
    } else if (type instanceof StructType struct) {
      return new StructGroup(group, struct, sink);
    }
    throw new IllegalArgumentException("Parquet field " + field.toString().trim() + " cannot be read as "
        + type.simpleString());
  }

  /** A struct: one value per Spark field, found in the group by name. */
  static class StructGroup extends GroupConverter {
    private final Converter[] children;
    private final Consumer<Object> sink;
    private final int fieldCount;
    /** Per file field: the Spark field it fills, for repeated (unannotated list) fields their list. */
    private final boolean[] repeated;
    private final int[] targets;
    private Object[] values;

    StructGroup(GroupType group, StructType struct, Consumer<Object> sink) {
      this.sink = sink;
      this.fieldCount = struct.length();
      this.children = new Converter[group.getFieldCount()];
      this.repeated = new boolean[children.length];
      this.targets = new int[children.length];
      for (int i = 0; i < children.length; i++) {
        Type child = group.getType(i);
        int target = indexOf(struct, child.getName());
        targets[i] = target;
        repeated[i] = child.isRepetition(Type.Repetition.REPEATED);
        if (target < 0) {
          children[i] = ignoring(child);
          continue;
        }
        int fileField = i;
        children[i] = forField(child, struct.apply(target).dataType(), value -> set(fileField, value));
      }
    }

    @SuppressWarnings("unchecked")
    private void set(int fileField, Object value) {
      int target = targets[fileField];
      if (repeated[fileField]) {
        if (values[target] == null) {
          values[target] = new ArrayList<>();
        }
        ((List<Object>) values[target]).add(value);
      } else {
        values[target] = value;
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {
      values = new Object[fieldCount];
      for (int i = 0; i < children.length; i++) {
        if (repeated[i] && targets[i] >= 0) {
          // A repeated field with no occurrence is an empty list, not a null.
          values[targets[i]] = new ArrayList<>();
        }
      }
    }

    @Override
    public void end() {
      sink.accept(values);
    }

    Object[] values() {
      return values;
    }
  }

  private static int indexOf(StructType struct, String name) {
    String[] names = struct.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** A LIST group: three-level ({@code repeated group list { element }}) or legacy two-level. */
  static final class ListGroup extends GroupConverter {
    private final Converter repeated;
    private final Consumer<Object> sink;
    private List<Object> elements;

    ListGroup(GroupType list, DataType elementType, Consumer<Object> sink) {
      this.sink = sink;
      Type repeatedField = list.getType(0);
      if (ParquetNestedSchemas.isElementItself(list, repeatedField)) {
        this.repeated = nonRepeated(repeatedField, elementType, value -> elements.add(value));
      } else {
        this.repeated = new ElementGroup(repeatedField.asGroupType(), elementType, value -> elements.add(value));
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return repeated;
    }

    @Override
    public void start() {
      elements = new ArrayList<>();
    }

    @Override
    public void end() {
      sink.accept(elements);
    }
  }

  /** The repeated group of a three-level list: one element, null when the group holds none. */
  static final class ElementGroup extends GroupConverter {
    private final Converter element;
    private final Consumer<Object> sink;
    private Object value;

    ElementGroup(GroupType repeated, DataType elementType, Consumer<Object> sink) {
      this.sink = sink;
      this.element = forField(repeated.getType(0), elementType, value -> this.value = value);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return element;
    }

    @Override
    public void start() {
      value = null;
    }

    @Override
    public void end() {
      sink.accept(value);
    }
  }

  /** A MAP group: its repeated {@code key_value} entries. */
  static final class MapGroup extends GroupConverter {
    private final Consumer<Object> sink;
    private final EntryGroup entries;
    private List<Object> keys;
    private List<Object> values;

    MapGroup(GroupType keyValue, MapType type, Consumer<Object> sink) {
      this.sink = sink;
      this.entries = new EntryGroup(keyValue, type, this);
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return entries;
    }

    @Override
    public void start() {
      keys = new ArrayList<>();
      values = new ArrayList<>();
    }

    @Override
    public void end() {
      sink.accept(new NestedValues.MapValue(keys, values));
    }

    private static final class EntryGroup extends GroupConverter {
      private final MapGroup map;
      private final Converter key;
      private final Converter value;
      private Object currentKey;
      private Object currentValue;

      EntryGroup(GroupType keyValue, MapType type, MapGroup map) {
        this.map = map;
        this.key = forField(keyValue.getType(0), type.keyType(), k -> currentKey = k);
        this.value = forField(keyValue.getType(1), type.valueType(), v -> currentValue = v);
      }

      @Override
      public Converter getConverter(int fieldIndex) {
        return fieldIndex == 0 ? key : value;
      }

      @Override
      public void start() {
        currentKey = null;
        currentValue = null;
      }

      @Override
      public void end() {
        map.keys.add(currentKey);
        map.values.add(currentValue);
      }
    }
  }

  /** Skips a file field the Spark type does not ask for. */
  private static Converter ignoring(Type field) {
    if (field.isPrimitive()) {
      return new PrimitiveConverter() {};
    }
    GroupType group = field.asGroupType();
    Converter[] children = new Converter[group.getFieldCount()];
    for (int i = 0; i < children.length; i++) {
      children[i] = ignoring(group.getType(i));
    }
    return new GroupConverter() {
      @Override
      public Converter getConverter(int fieldIndex) {
        return children[fieldIndex];
      }

      @Override
      public void start() {}

      @Override
      public void end() {}
    };
  }

  /** A primitive value in Ember's layout for its Spark type ({@link NestedValues}' objects). */
  static final class Leaf extends PrimitiveConverter {
    private final DataType type;
    private final Consumer<Object> sink;
    private final boolean unsigned;
    private final LogicalTypeAnnotation logical;

    Leaf(PrimitiveType field, DataType type, Consumer<Object> sink) {
      this.type = type;
      this.sink = sink;
      this.logical = field.getLogicalTypeAnnotation();
      this.unsigned = logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer
          && !integer.isSigned();
    }

    @Override
    public void addBoolean(boolean value) {
      sink.accept(value);
    }

    @Override
    public void addInt(int value) {
      if (type instanceof DecimalType decimal) {
        sink.accept(BigDecimal.valueOf(value, decimal.scale()));
      } else if (type instanceof LongType) {
        sink.accept(unsigned ? Integer.toUnsignedLong(value) : (long) value);
      } else if (type instanceof dev.ember.sql.types.DoubleType) {
        sink.accept((double) value);
      } else if (type instanceof dev.ember.sql.types.ShortType) {
        sink.accept((short) (unsigned ? value & 0xFF : value));
      } else if (type instanceof dev.ember.sql.types.ByteType) {
        sink.accept((byte) value);
      } else {
        sink.accept(unsigned && logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer
            && integer.getBitWidth() == 16 ? value & 0xFFFF : value);
      }
    }

    @Override
    public void addLong(long value) {
      if (type instanceof DecimalType decimal) {
        sink.accept(BigDecimal.valueOf(value, decimal.scale()));
      } else if ((type instanceof TimestampType || type instanceof TimestampNTZType)
          && logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp) {
        sink.accept(switch (timestamp.getUnit()) {
          case MILLIS -> Math.multiplyExact(value, 1_000L);
          case MICROS -> value;
          case NANOS -> Math.floorDiv(value, NANOS_PER_MICRO);
        });
      } else if (type instanceof dev.ember.sql.types.DoubleType) {
        sink.accept((double) value);
      } else {
        sink.accept(value);
      }
    }

    @Override
    public void addFloat(float value) {
      sink.accept(type instanceof dev.ember.sql.types.DoubleType ? (Object) (double) value : (Object) value);
    }

    @Override
    public void addDouble(double value) {
      sink.accept(value);
    }

    @Override
    public void addBinary(Binary value) {
      if (type instanceof DecimalType decimal) {
        sink.accept(new BigDecimal(new BigInteger(value.getBytes()), decimal.scale()));
      } else if (type instanceof TimestampType) {
        sink.accept(int96Micros(value));
      } else if (type instanceof StringType) {
        sink.accept(value.toStringUsingUTF8());
      } else {
        sink.accept(value.getBytes());
      }
    }

    /** INT96: nanoseconds of the day (8 bytes) then the Julian day (4 bytes), little-endian. */
    private static long int96Micros(Binary value) {
      ByteBuffer buffer = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      long nanosOfDay = buffer.getLong();
      int julianDay = buffer.getInt();
      return (julianDay - (long) FixedWidthConversion.JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY
          + Math.floorDiv(nanosOfDay, NANOS_PER_MICRO);
    }
  }
}
