package dev.ember.runtime.operators.write;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * A partition column's value as Spark casts it to a string for the directory name: timestamps in the
 * session time zone as {@code 2024-01-02 03:04:05[.fraction]}, dates as {@code 2024-01-02}.
 */
final class PartitionValueText {
  private PartitionValueText() {}

  /** The text, or null for SQL NULL. */
  static String of(FieldVector vector, int row, ZoneId zone) {
    if (vector.isNull(row)) {
      return null;
    } else if (vector instanceof VarCharVector strings) {
      return new String(strings.get(row), StandardCharsets.UTF_8);
    } else if (vector instanceof IntVector ints) {
      return Integer.toString(ints.get(row));
    } else if (vector instanceof BigIntVector longs) {
      return Long.toString(longs.get(row));
    } else if (vector instanceof SmallIntVector shorts) {
      return Short.toString(shorts.get(row));
    } else if (vector instanceof TinyIntVector bytes) {
      return Byte.toString(bytes.get(row));
    } else if (vector instanceof Float8Vector doubles) {
      return Double.toString(doubles.get(row));
    } else if (vector instanceof Float4Vector floats) {
      return Float.toString(floats.get(row));
    } else if (vector instanceof BitVector booleans) {
      return booleans.get(row) != 0 ? "true" : "false";
    } else if (vector instanceof DecimalVector decimals) {
      return decimals.getObject(row).toPlainString();
    } else if (vector instanceof DateDayVector days) {
      return LocalDate.ofEpochDay(days.get(row)).toString();
    } else if (vector instanceof TimeStampVector micros) {
      return timestampText(micros.get(row), zone);
    }
    throw new IllegalArgumentException("Cannot partition by a column of Arrow type " + vector.getField().getType());
  }

  private static String timestampText(long micros, ZoneId zone) {
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    StringBuilder text = new StringBuilder(32);
    text.append(local.toLocalDate()).append(' ');
    appendTwoDigits(text, local.getHour()).append(':');
    appendTwoDigits(text, local.getMinute()).append(':');
    appendTwoDigits(text, local.getSecond());
    int fraction = local.getNano() / 1000;
    if (fraction != 0) {
      String digits = String.format("%06d", fraction);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(digits, 0, end);
    }
    return text.toString();
  }

  private static StringBuilder appendTwoDigits(StringBuilder text, int value) {
    return text.append(value < 10 ? "0" : "").append(value);
  }
}
