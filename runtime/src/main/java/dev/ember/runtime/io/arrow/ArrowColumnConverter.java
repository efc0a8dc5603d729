package dev.ember.runtime.io.arrow;

import dev.ember.runtime.batch.ArrowTypes;
import dev.ember.sql.types.StructField;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Moves a column read from an Arrow file into Ember's layout for its Spark type ({@link ArrowTypes}). */
final class ArrowColumnConverter {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private ArrowColumnConverter() {}

  /**
   * A vector owned by the caller with {@code source}'s values in the layout {@link ArrowTypes} gives
   * {@code target}. When the layouts already agree the buffers are transferred (no copy) and
   * {@code source} is left empty; otherwise the values are converted into a new vector.
   */
  static FieldVector toEmberLayout(FieldVector source, StructField target, BufferAllocator allocator) {
    ArrowType emberType = ArrowTypes.toArrow(target.dataType());
    ArrowType fileType = source.getField().getType();
    if (fileType.equals(emberType) && (source.getField().getChildren().isEmpty()
        || ArrowTypes.sameLayout(source.getField(), ArrowTypes.toArrowField(target)))) {
      var transfer = source.getTransferPair(ArrowTypes.toArrowField(target), allocator);
      transfer.transfer();
      return (FieldVector) transfer.getTo();
    }
    int rowCount = source.getValueCount();
    FieldVector converted = ArrowTypes.allocateVector(target, allocator, rowCount);
    try {
      if (fileType instanceof ArrowType.Timestamp timestamp) {
        copyTimestamps((TimeStampVector) source, timestamp.getUnit(), (TimeStampVector) converted, rowCount);
      } else if (source instanceof DateMilliVector dates) {
        DateDayVector days = (DateDayVector) converted;
        for (int row = 0; row < rowCount; row++) {
          if (dates.isNull(row)) {
            days.setNull(row);
          } else {
            days.set(row, Math.toIntExact(Math.floorDiv(dates.get(row), MILLIS_PER_DAY)));
          }
        }
      } else if (source instanceof BaseLargeVariableWidthVector large) {
        BaseVariableWidthVector values = (BaseVariableWidthVector) converted;
        for (int row = 0; row < rowCount; row++) {
          if (large.isNull(row)) {
            values.setNull(row);
          } else {
            values.setSafe(row, large.get(row));
          }
        }
      } else {
        throw new IllegalStateException("No conversion from Arrow " + fileType + " to Ember's " + emberType);
      }
      converted.setValueCount(rowCount);
      return converted;
    } catch (RuntimeException e) {
      converted.close();
      throw e;
    }
  }

  private static void copyTimestamps(TimeStampVector source, TimeUnit unit, TimeStampVector micros, int rowCount) {
    for (int row = 0; row < rowCount; row++) {
      if (source.isNull(row)) {
        micros.setNull(row);
      } else {
        micros.set(row, toMicros(source.get(row), unit));
      }
    }
  }

  /** Arrow timestamps with a zone are UTC instants already; only the unit changes. */
  static long toMicros(long value, TimeUnit unit) {
    return switch (unit) {
      case SECOND -> Math.multiplyExact(value, 1_000_000L);
      case MILLISECOND -> Math.multiplyExact(value, 1_000L);
      case MICROSECOND -> value;
      case NANOSECOND -> Math.floorDiv(value, 1_000L);
    };
  }

  /** A vector of {@code rowCount} nulls for a column a file does not have. */
  static FieldVector nulls(StructField field, int rowCount, BufferAllocator allocator) {
    FieldVector vector = ArrowTypes.allocateVector(field, allocator, rowCount);
    try {
      for (int row = 0; row < rowCount; row++) {
        if (vector instanceof BaseFixedWidthVector fixed) {
          fixed.setNull(row);
        } else if (vector instanceof BaseVariableWidthVector variable) {
          variable.setNull(row);
        }
      }
      vector.setValueCount(rowCount);
      return vector;
    } catch (RuntimeException e) {
      vector.close();
      throw e;
    }
  }
}
