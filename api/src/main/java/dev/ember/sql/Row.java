package dev.ember.sql;

import dev.ember.SparkException;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.StringJoiner;

/**
 * One row of a result, as Spark's Java API sees it: values are external Java objects ({@code Integer},
 * {@code String}, {@code java.math.BigDecimal}, {@code java.sql.Date}, {@code java.sql.Timestamp},
 * {@code byte[]} …), with a schema when the row came from a Dataset and none when built by
 * {@link RowFactory}.
 *
 * <p>Implementations must compare and hash by value as Spark's rows do: {@code equals} ignores the
 * schema, treats boxed numbers of different widths that hold the same number as equal (Scala's
 * cooperative equality: {@code 1 == 1L}), NaN as equal to NaN, {@code 0.0} as equal to {@code -0.0},
 * decimals by {@code compareTo} and byte arrays by content.
 */
public interface Row {
  /** Number of values in the row. */
  int size();

  default int length() {
    return size();
  }

  /** The schema, or null when the row was built without one (Spark's {@code GenericRow}). */
  StructType schema();

  /** The value at {@code index}, null for SQL NULL. */
  Object get(int index);

  /** An independent copy; rows are immutable, so Spark's {@code copy()} may return the row itself. */
  default Row copy() {
    return this;
  }

  @SuppressWarnings("unchecked")
  default <T> T getAs(int index) {
    return (T) get(index);
  }

  default <T> T getAs(String fieldName) {
    return getAs(fieldIndex(fieldName));
  }

  default Object apply(int index) {
    return get(index);
  }

  default boolean isNullAt(int index) {
    return get(index) == null;
  }

  /**
   * Position of the field in the schema, matched exactly (case-sensitively) as in Spark.
   *
   * @throws UnsupportedOperationException when the row has no schema, with Spark's message
   * @throws IllegalArgumentException when no field has this name
   */
  default int fieldIndex(String name) {
    StructType schema = schema();
    if (schema == null) {
      throw new UnsupportedOperationException(
          "[UNSUPPORTED_CALL.FIELD_INDEX] Cannot call the method \"fieldIndex\" of the class \"Row\". "
              + "The row shall have a schema to get an index of the field `" + name + "`. SQLSTATE: 0A000");
    }
    return schema.fieldIndex(name);
  }

  default boolean anyNull() {
    for (int i = 0; i < size(); i++) {
      if (get(i) == null) {
        return true;
      }
    }
    return false;
  }

  default boolean getBoolean(int index) {
    return (Boolean) nonNull(index);
  }

  default byte getByte(int index) {
    return (Byte) nonNull(index);
  }

  default short getShort(int index) {
    return (Short) nonNull(index);
  }

  default int getInt(int index) {
    return (Integer) nonNull(index);
  }

  default long getLong(int index) {
    return (Long) nonNull(index);
  }

  default float getFloat(int index) {
    return (Float) nonNull(index);
  }

  default double getDouble(int index) {
    return (Double) nonNull(index);
  }

  /** The string at {@code index}; null for NULL (reference getters do not throw, as in Spark). */
  default String getString(int index) {
    return (String) get(index);
  }

  default BigDecimal getDecimal(int index) {
    return (BigDecimal) get(index);
  }

  default Date getDate(int index) {
    return (Date) get(index);
  }

  default LocalDate getLocalDate(int index) {
    return (LocalDate) get(index);
  }

  default Timestamp getTimestamp(int index) {
    return (Timestamp) get(index);
  }

  default Instant getInstant(int index) {
    return (Instant) get(index);
  }

  /**
   * The array at {@code index} as an immutable Scala sequence (an {@code ArraySeq}, as Spark's
   * {@code getSeq} gives); null for NULL.
   */
  @SuppressWarnings("unchecked")
  default <T> scala.collection.immutable.Seq<T> getSeq(int index) {
    scala.collection.Seq<T> value = (scala.collection.Seq<T>) get(index);
    if (value == null) {
      return null;
    }
    return (scala.collection.immutable.Seq<T>) scala.collection.immutable.ArraySeq$.MODULE$.from(value,
        (scala.reflect.ClassTag<T>) scala.reflect.ClassTag$.MODULE$.AnyRef());
  }

  /** The array at {@code index} as a Java list view; null for NULL. */
  default <T> java.util.List<T> getList(int index) {
    scala.collection.Seq<T> value = getSeq(index);
    return value == null ? null : scala.jdk.javaapi.CollectionConverters.asJava(value);
  }

  /** The map at {@code index} as a Scala map; null for NULL. */
  @SuppressWarnings("unchecked")
  default <K, V> scala.collection.Map<K, V> getMap(int index) {
    return (scala.collection.Map<K, V>) get(index);
  }

  /** The map at {@code index} as a Java map view; null for NULL. */
  default <K, V> java.util.Map<K, V> getJavaMap(int index) {
    scala.collection.Map<K, V> value = getMap(index);
    return value == null ? null : scala.jdk.javaapi.CollectionConverters.asJava(value);
  }

  /** The struct at {@code index} as a row with the struct's schema; null for NULL. */
  default Row getStruct(int index) {
    return (Row) get(index);
  }

  /** The values joined with no separator; NULL prints as {@code null}, as in Spark. */
  default String mkString() {
    return mkString("", "", "");
  }

  default String mkString(String separator) {
    return mkString("", separator, "");
  }

  default String mkString(String start, String separator, String end) {
    StringJoiner joiner = new StringJoiner(separator, start, end);
    for (int i = 0; i < size(); i++) {
      joiner.add(String.valueOf(get(i)));
    }
    return joiner.toString();
  }

  /**
   * The value for a primitive getter. Spark refuses to unbox NULL into a primitive with
   * {@code ROW_VALUE_IS_NULL} rather than returning a default such as 0.
   */
  private Object nonNull(int index) {
    Object value = get(index);
    if (value == null) {
      throw new SparkException(
          "ROW_VALUE_IS_NULL",
          "Found NULL in a row at the index " + index + ", expected a non-NULL value. SQLSTATE: 22023");
    }
    return value;
  }
}
