package dev.ember.api.rows;

import dev.ember.runtime.batch.NestedValues;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.StructType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import java.util.List;
import scala.Tuple2;
import scala.collection.mutable.Builder;

/**
 * Turns the Java objects of {@link NestedValues} into the external values Spark 4.2's Java API gives
 * for nested types (checked against Spark): arrays as {@code scala.collection.mutable.ArraySeq}
 * (printed {@code ArraySeq(1, 2, null)}), maps as {@code scala.collection.immutable.Map} built from the
 * entries in order ({@code Map(a -> 1)}, a {@code HashMap} beyond four entries, as Spark builds them),
 * structs as rows with the struct's schema ({@code [1,x]}); dates and timestamps inside them as
 * {@code java.sql.Date} and {@code java.sql.Timestamp}.
 */
final class ExternalValues {
  private ExternalValues() {}

  static Object toExternal(Object value, DataType type) {
    return toExternal(value, type, false);
  }

  /**
   * @param mapsInColumnOrder build maps as {@code ListMap}s, which iterate in the column's order, for
   *     {@code show()}: Spark prints a map's entries in that order, which a {@code HashMap} loses
   */
  static Object toExternal(Object value, DataType type, boolean mapsInColumnOrder) {
    if (value == null) {
      return null;
    }
    if (type instanceof ArrayType array) {
      List<?> elements = (List<?>) value;
      Object[] external = new Object[elements.size()];
      for (int i = 0; i < external.length; i++) {
        external[i] = toExternal(elements.get(i), array.elementType(), mapsInColumnOrder);
      }
      return scala.collection.mutable.ArraySeq.make(external);
    } else if (type instanceof MapType map) {
      NestedValues.MapValue entries = (NestedValues.MapValue) value;
      Builder<Tuple2<Object, Object>, ? extends scala.collection.immutable.Map<Object, Object>> builder =
          mapsInColumnOrder ? scala.collection.immutable.ListMap$.MODULE$.newBuilder()
              : scala.collection.immutable.Map$.MODULE$.newBuilder();
      for (int i = 0; i < entries.size(); i++) {
        builder.addOne(new Tuple2<>(toExternal(entries.keys().get(i), map.keyType(), mapsInColumnOrder),
            toExternal(entries.values().get(i), map.valueType(), mapsInColumnOrder)));
      }
      return builder.result();
    } else if (type instanceof StructType struct) {
      Object[] fields = (Object[]) value;
      Object[] external = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        external[i] = toExternal(fields[i], struct.apply(i).dataType(), mapsInColumnOrder);
      }
      return new GenericRow(external, struct);
    } else if (type instanceof DateType) {
      return SqlDateTimes.toSqlDate(((Number) value).intValue());
    } else if (type instanceof TimestampType) {
      return SqlDateTimes.toSqlTimestamp(((Number) value).longValue());
    } else if (type instanceof dev.ember.sql.types.DayTimeIntervalType) {
      return java.time.Duration.of(((Number) value).longValue(), java.time.temporal.ChronoUnit.MICROS);
    } else if (type instanceof dev.ember.sql.types.YearMonthIntervalType) {
      return java.time.Period.ofMonths(((Number) value).intValue()).normalized();
    } else if (type instanceof TimestampNTZType) {
      return SqlDateTimes.toLocalDateTime(((Number) value).longValue());
    }
    return value;
  }
}
