package dev.ember.codegen.generated;

import dev.ember.sql.types.DataType;
import java.util.Objects;

/**
 * Where the generated code holds an evaluated expression: {@code isNull} and {@code value} are Java
 * expressions (usually local variable names, or constants such as {@code false} or {@code 42}).
 * Strings and binaries are either an (address, length) pair over Arrow memory ({@code value} is the
 * address, {@code length} the length) or a Java expression of type byte[] ({@code byteArray}: a
 * literal's field, or a local holding a computed string such as a cast's result).
 */
record ExprValue(DataType type, String isNull, String value, String length, String byteArray) {
  ExprValue {
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(isNull, "isNull is null");
  }

  static ExprValue of(DataType type, String isNull, String value) {
    return new ExprValue(type, isNull, value, null, null);
  }

  static ExprValue bytes(DataType type, String isNull, String address, String length) {
    return new ExprValue(type, isNull, address, length, null);
  }

  static ExprValue bytesLiteral(DataType type, String field) {
    return new ExprValue(type, "false", null, null, field);
  }

  static ExprValue byteArray(DataType type, String isNull, String array) {
    return new ExprValue(type, isNull, null, null, array);
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
