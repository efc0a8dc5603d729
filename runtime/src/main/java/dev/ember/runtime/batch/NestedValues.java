package dev.ember.runtime.batch;

import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Values of any type, nested ones included, as plain Java objects, read from and written to
 * {@link ArrowTypes}' vectors one value at a time. For the readers, writers and row conversions that
 * walk nested values; not for hot loops over flat columns.
 *
 * <p>The objects: {@code null} for NULL; Boolean, Byte, Short, Integer, Long, Float, Double;
 * BigDecimal for decimals; String for strings; {@code byte[]} for binaries; Integer days for dates;
 * Long microseconds for timestamps; {@code java.util.List} for arrays; {@link MapValue} for maps;
 * {@code Object[]} (one value per field) for structs.
 */
public final class NestedValues {
  private NestedValues() {}

  /** A map's entries in order: keys and values at the same positions. */
  public record MapValue(List<Object> keys, List<Object> values) {
    public MapValue {
      Objects.requireNonNull(keys, "keys is null");
      Objects.requireNonNull(values, "values is null");
      if (keys.size() != values.size()) {
        throw new IllegalArgumentException("a map has " + keys.size() + " keys but " + values.size() + " values");
      }
    }

    public int size() {
      return keys.size();
    }
  }

  /** The value at {@code index}, null for NULL. */
  public static Object read(FieldVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    }
    if (vector instanceof ListVector list) {
      // MapVector is a ListVector of key/value structs.
      FieldVector data = list.getDataVector();
      int start = list.getElementStartIndex(index);
      int end = list.getElementEndIndex(index);
      if (vector instanceof org.apache.arrow.vector.complex.MapVector) {
        StructVector entries = (StructVector) data;
        FieldVector keyVector = (FieldVector) entries.getChildByOrdinal(0);
        FieldVector valueVector = (FieldVector) entries.getChildByOrdinal(1);
        List<Object> keys = new ArrayList<>(end - start);
        List<Object> values = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
          keys.add(read(keyVector, i));
          values.add(read(valueVector, i));
        }
        return new MapValue(keys, values);
      }
      List<Object> elements = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        elements.add(read(data, i));
      }
      return elements;
    } else if (vector instanceof StructVector struct) {
      Object[] fields = new Object[struct.size()];
      for (int i = 0; i < fields.length; i++) {
        fields[i] = read((FieldVector) struct.getChildByOrdinal(i), index);
      }
      return fields;
    } else if (vector instanceof BitVector bits) {
      return bits.get(index) != 0;
    } else if (vector instanceof VarCharVector strings) {
      return new String(strings.get(index), StandardCharsets.UTF_8);
    } else if (vector instanceof VarBinaryVector binaries) {
      return binaries.get(index);
    } else if (vector instanceof DecimalVector decimals) {
      return decimals.getObject(index);
    } else if (vector instanceof TimeStampVector timestamps) {
      return timestamps.get(index);
    } else if (vector instanceof DateDayVector dates) {
      return dates.get(index);
    } else if (vector instanceof NullVector) {
      return null;
    }
    return vector.getObject(index);
  }

  /**
   * Writes {@code value} (null for NULL) at {@code index}, growing the vector as needed. Values of
   * list-like vectors must be written in increasing index order; the caller sets the value count.
   */
  public static void write(FieldVector vector, int index, Object value) {
    if (value == null) {
      setNull(vector, index);
      return;
    }
    if (vector instanceof ListVector list && list.getLastSet() < index - 1) {
      // Rows skipped since the last write are nulls; setNull fills their offsets, which a list
      // takes its next start from.
      list.setNull(index - 1);
    }
    if (vector instanceof org.apache.arrow.vector.complex.MapVector map) {
      MapValue entries = (MapValue) value;
      int start = map.startNewValue(index);
      StructVector structs = (StructVector) map.getDataVector();
      FieldVector keyVector = (FieldVector) structs.getChildByOrdinal(0);
      FieldVector valueVector = (FieldVector) structs.getChildByOrdinal(1);
      for (int i = 0; i < entries.size(); i++) {
        structs.setIndexDefined(start + i);
        write(keyVector, start + i, entries.keys().get(i));
        write(valueVector, start + i, entries.values().get(i));
      }
      map.endValue(index, entries.size());
    } else if (vector instanceof ListVector list) {
      List<?> elements = (List<?>) value;
      int start = list.startNewValue(index);
      FieldVector data = list.getDataVector();
      for (int i = 0; i < elements.size(); i++) {
        write(data, start + i, elements.get(i));
      }
      list.endValue(index, elements.size());
    } else if (vector instanceof StructVector struct) {
      Object[] fields = (Object[]) value;
      struct.setIndexDefined(index);
      for (int i = 0; i < fields.length; i++) {
        write((FieldVector) struct.getChildByOrdinal(i), index, fields[i]);
      }
    } else if (vector instanceof BitVector bits) {
      bits.setSafe(index, (Boolean) value ? 1 : 0);
    } else if (vector instanceof TinyIntVector bytes) {
      bytes.setSafe(index, ((Number) value).byteValue());
    } else if (vector instanceof SmallIntVector shorts) {
      shorts.setSafe(index, ((Number) value).shortValue());
    } else if (vector instanceof IntVector ints) {
      ints.setSafe(index, ((Number) value).intValue());
    } else if (vector instanceof BigIntVector longs) {
      longs.setSafe(index, ((Number) value).longValue());
    } else if (vector instanceof Float4Vector floats) {
      floats.setSafe(index, ((Number) value).floatValue());
    } else if (vector instanceof Float8Vector doubles) {
      doubles.setSafe(index, ((Number) value).doubleValue());
    } else if (vector instanceof DecimalVector decimals) {
      decimals.setSafe(index, (BigDecimal) value);
    } else if (vector instanceof VarCharVector strings) {
      strings.setSafe(index, value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) value);
    } else if (vector instanceof VarBinaryVector binaries) {
      binaries.setSafe(index, (byte[]) value);
    } else if (vector instanceof DateDayVector dates) {
      dates.setSafe(index, ((Number) value).intValue());
    } else if (vector instanceof TimeStampVector timestamps) {
      timestamps.setSafe(index, ((Number) value).longValue());
    } else if (!(vector instanceof NullVector)) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " into vector "
          + vector.getField());
    }
  }

  /** Sets {@code index} to NULL, growing the vector as needed. */
  public static void setNull(FieldVector vector, int index) {
    if (vector instanceof ListVector list) {
      list.setNull(index);
    } else if (vector instanceof StructVector struct) {
      struct.setNull(index);
    } else if (vector instanceof BaseFixedWidthVector fixed) {
      fixed.setNull(index);
    } else if (vector instanceof BaseVariableWidthVector variable) {
      variable.setNull(index);
    } else if (!(vector instanceof NullVector)) {
      throw new IllegalArgumentException("cannot set a null in vector " + vector.getField());
    }
  }

  /** Whether values of the type are held in a nested vector (list, map or struct). */
  public static boolean isNested(DataType type) {
    return type instanceof ArrayType || type instanceof MapType || type instanceof StructType;
  }

  /**
   * Copies the value at {@code fromIndex} of {@code from} to {@code toIndex} of {@code to}, which has
   * the same layout; for nested vectors, whose own {@code copyFromSafe} goes through Arrow's writers.
   */
  public static void copy(FieldVector from, int fromIndex, FieldVector to, int toIndex) {
    if (from instanceof ListVector || from instanceof StructVector) {
      write(to, toIndex, read(from, fromIndex));
    } else {
      to.copyFromSafe(fromIndex, toIndex, from);
    }
  }
}
