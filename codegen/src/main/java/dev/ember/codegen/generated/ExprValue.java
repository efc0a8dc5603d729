package dev.ember.codegen.generated;

import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import java.util.Objects;

/**
 * Where the generated code holds an evaluated expression: {@code isNull} and {@code value} are Java
 * expressions (usually local variable names, or constants such as {@code false} or {@code 42}).
 * Strings and binaries are either an (address, length) pair over Arrow memory ({@code value} is the
 * address, {@code length} the length) or a Java expression of type byte[] ({@code byteArray}: a
 * literal's field, or a local holding a computed string such as a cast's result).
 *
 * <p>A wide decimal (precision above 18) is a {@code BigDecimal}, except where the generator computed
 * it as a 128-bit unscaled value in two longs ({@code low}, {@code high}): then {@code value} is an
 * expression that builds the BigDecimal only where a consumer needs one, and consumers that take the
 * two words (sums, further products) use them directly, so the common product per row allocates nothing.
 */
record ExprValue(DataType type, String isNull, String value, String length, String byteArray, String low,
    String high) {
  ExprValue {
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(isNull, "isNull is null");
  }

  static ExprValue of(DataType type, String isNull, String value) {
    return new ExprValue(type, isNull, value, null, null, null, null);
  }

  static ExprValue bytes(DataType type, String isNull, String address, String length) {
    return new ExprValue(type, isNull, address, length, null, null, null);
  }

  static ExprValue bytesLiteral(DataType type, String field) {
    return new ExprValue(type, "false", null, null, field, null, null);
  }

  static ExprValue byteArray(DataType type, String isNull, String array) {
    return new ExprValue(type, isNull, null, null, array, null, null);
  }

  /** A wide decimal held as the 128-bit unscaled value {@code high:low} at the type's scale. */
  static ExprValue int128(DecimalType type, String isNull, String low, String high) {
    return new ExprValue(type, isNull, "GeneratedRuntime.int128Decimal(" + low + ", " + high + ", " + type.scale() + ")",
        null, null, low, high);
  }

  /** Whether the value is held as two 128-bit words ({@link #low}, {@link #high}). */
  boolean isInt128() {
    return low != null;
  }

  boolean neverNull() {
    return "false".equals(isNull);
  }

  boolean alwaysNull() {
    return "true".equals(isNull);
  }

  /** The bytes are a byte[] on the heap, not an address into Arrow memory. */
  boolean isByteArray() {
    return byteArray != null;
  }

  /** The arguments a helper taking a byte string receives: {@code address, length} or the byte[]. */
  String bytesArguments() {
    return isByteArray() ? byteArray : value + ", " + length;
  }
}
