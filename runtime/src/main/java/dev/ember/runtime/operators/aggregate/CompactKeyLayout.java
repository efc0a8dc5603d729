package dev.ember.runtime.operators.aggregate;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.ByteType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DateType;
import dev.ember.sql.types.DayTimeIntervalType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.DoubleType;
import dev.ember.sql.types.FloatType;
import dev.ember.sql.types.IntegerType;
import dev.ember.sql.types.LongType;
import dev.ember.sql.types.ShortType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.TimestampNTZType;
import dev.ember.sql.types.TimestampType;
import dev.ember.sql.types.YearMonthIntervalType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each grouping-key component sits in a key of two 64-bit words, for keys small enough to be
 * built in registers and compared word by word (see {@link HashAggregationTable#findOrInsertGroup(long,
 * long, int)}). Nulls are bits of a separate mask (bit k for component k), and a null component's
 * bits are zero.
 *
 * <p>Widths: boolean 1 byte; byte, short, int, date, year-month interval and float 4 bytes (the int
 * value, or the float's bits with -0.0 as 0.0 and one NaN); long, timestamp, day-time interval, double
 * and decimals of at most 18 digits 8 bytes (the value, the double's normalised bits, the unscaled
 * value). A string or binary component takes the rest of its word: a length byte, then up to
 * {@link #stringCapacity} bytes; a longer value makes the table fall back to its serialized keys.
 * Components never straddle a word.
 */
public final class CompactKeyLayout {
  /** How a component is encoded in its word. */
  public enum Encoding {
    BOOLEAN(1),
    /** Byte, short, int, date and year-month interval values, as an int. */
    INT(4),
    /** The float's bits after {@link HashAggregationTable#floatKeyBits}. */
    FLOAT(4),
    /** Long, timestamp and day-time interval values. */
    LONG(8),
    /** The double's bits after {@link HashAggregationTable#doubleKeyBits}. */
    DOUBLE(8),
    /** The unscaled value of a decimal of at most 18 digits. */
    DECIMAL(8),
    /** A length byte, then the bytes: variable width up to the rest of the word. */
    BYTES(0);

    final int width;

    Encoding(int width) {
      this.width = width;
    }
  }

  /** Words in a compact key. */
  public static final int WORDS = 2;
  /** Fewest bytes a string may have in its word (length byte + 3); with fewer, keys stay serialized. */
  private static final int MIN_STRING_BYTES = 4;

  private final Encoding[] encodings;
  private final int[] words;
  private final int[] shifts;

  private CompactKeyLayout(Encoding[] encodings, int[] words, int[] shifts) {
    this.encodings = encodings;
    this.words = words;
    this.shifts = shifts;
  }

  /** The layout of keys of these types, or empty when they do not fit in two words (or there are none). */
  public static Optional<CompactKeyLayout> of(List<DataType> keyTypes) {
    Objects.requireNonNull(keyTypes, "keyTypes is null");
    int count = keyTypes.size();
    if (count == 0 || count > 31) {
      return Optional.empty();
    }
    Encoding[] encodings = new Encoding[count];
    for (int component = 0; component < count; component++) {
      encodings[component] = encodingOf(keyTypes.get(component));
      if (encodings[component] == null) {
        return Optional.empty();
      }
    }
    int[] used = new int[WORDS];
    int[] words = new int[count];
    int[] shifts = new int[count];
    // Fixed widths first, widest first, each into the first word with room; strings then take the rest
    // of the emptiest word, so two strings get a word each.
    for (int width = 8; width >= 1; width /= 2) {
      for (int component = 0; component < count; component++) {
        if (encodings[component].width != width) {
          continue;
        }
        int word = used[0] + width <= 8 ? 0 : used[1] + width <= 8 ? 1 : -1;
        if (word < 0) {
          return Optional.empty();
        }
        words[component] = word;
        shifts[component] = used[word] * 8;
        used[word] += width;
      }
    }
    for (int component = 0; component < count; component++) {
      if (encodings[component] != Encoding.BYTES) {
        continue;
      }
      int word = used[0] <= used[1] ? 0 : 1;
      if (8 - used[word] < MIN_STRING_BYTES) {
        return Optional.empty();
      }
      words[component] = word;
      shifts[component] = used[word] * 8;
      used[word] = 8;
    }
    return Optional.of(new CompactKeyLayout(encodings, words, shifts));
  }

  private static Encoding encodingOf(DataType type) {
    if (type instanceof BooleanType) {
      return Encoding.BOOLEAN;
    } else if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType
        || type instanceof DateType || type instanceof YearMonthIntervalType) {
      return Encoding.INT;
    } else if (type instanceof FloatType) {
      return Encoding.FLOAT;
    } else if (type instanceof LongType || type instanceof TimestampType || type instanceof TimestampNTZType
        || type instanceof DayTimeIntervalType) {
      return Encoding.LONG;
    } else if (type instanceof DoubleType) {
      return Encoding.DOUBLE;
    } else if (type instanceof DecimalType decimal && decimal.precision() <= 18) {
      return Encoding.DECIMAL;
    } else if (type instanceof StringType || type instanceof BinaryType) {
      return Encoding.BYTES;
    }
    return null;
  }

  public int size() {
    return encodings.length;
  }

  public Encoding encoding(int component) {
    return encodings[component];
  }

  /** Which word (0 or 1) holds the component. */
  public int word(int component) {
    return words[component];
  }

  /** The component's lowest bit within its word. */
  public int shift(int component) {
    return shifts[component];
  }

  /** Whether any component needs the second word. */
  public boolean usesSecondWord() {
    for (int word : words) {
      if (word == 1) {
        return true;
      }
    }
    return false;
  }

  /** The most bytes a string component at {@code shift} holds in its word (after its length byte). */
  public static int stringCapacity(int shift) {
    return 7 - (shift >>> 3);
  }

  /** Longest serialized form of a key whose strings all fit, zero padding included. */
  int maxSerializedBytes() {
    int bytes = 0;
    for (int component = 0; component < encodings.length; component++) {
      bytes += switch (encodings[component]) {
        case DECIMAL -> 17;
        case BYTES -> 5 + stringCapacity(shifts[component]);
        default -> 9;
      };
    }
    return bytes + 8;
  }
}
