package dev.ember.codegen.generated;

import dev.ember.sql.types.DataType;
import java.util.Objects;

/**
 * Where the generated code holds an evaluated expression: {@code isNull} and {@code value} are Java
 * expressions (usually local variable names, or constants such as {@code false} or {@code 42}).
 * Strings and binaries are either an (address, length) pair over Arrow memory ({@code value} is the
 * address, {@code length} the length) or a byte[] literal field ({@code bytesField}).
 */
record ExprValue(DataType type, String isNull, String value, String length, String bytesField) {
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

  boolean neverNull() {
    return "false".equals(isNull);
  }

  boolean alwaysNull() {
    return "true".equals(isNull);
  }

  boolean isBytesLiteral() {
    return bytesField != null;
  }

  /** The arguments a helper taking a byte string receives: {@code address, length} or the literal field. */
  String bytesArguments() {
    return isBytesLiteral() ? bytesField : value + ", " + length;
  }
}
