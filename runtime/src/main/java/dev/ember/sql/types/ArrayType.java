package dev.ember.sql.types;

import java.util.Objects;

/** Spark's array type: a sequence of values of one element type, which may hold nulls. Immutable. */
public final class ArrayType extends DataType {
  private final DataType elementType;
  private final boolean containsNull;

  public ArrayType(DataType elementType, boolean containsNull) {
    this.elementType = Objects.requireNonNull(elementType, "elementType is null");
    this.containsNull = containsNull;
  }

  /** An array whose elements may be null, as Spark's {@code ArrayType.apply(elementType)}. */
  public static ArrayType apply(DataType elementType) {
    return new ArrayType(elementType, true);
  }

  public DataType elementType() {
    return elementType;
  }

  public boolean containsNull() {
    return containsNull;
  }

  @Override
  public String typeName() {
    return "array";
  }

  @Override
  public String simpleString() {
    return "array<" + elementType.simpleString() + ">";
  }

  @Override
  public String catalogString() {
    return "array<" + elementType.catalogString() + ">";
  }

  @Override
  public String sql() {
    return "ARRAY<" + elementType.sql() + ">";
  }

  @Override
  public int defaultSize() {
    // Spark assumes one element per array for its size estimates.
    return elementType.defaultSize();
  }

  @Override
  public boolean isFixedWidth() {
    return false;
  }

  @Override
  public ArrayType asNullable() {
    return new ArrayType(elementType.asNullable(), true);
  }

  @Override
  void appendJson(JsonText json) {
    json.beginObject()
        .field("type").string("array")
        .field("elementType").value(elementType)
        .field("containsNull").bool(containsNull)
        .endObject();
  }

  @Override
  void appendTree(String prefix, StringBuilder out) {
    out.append(prefix).append("-- element: ").append(elementType.typeName())
        .append(" (containsNull = ").append(containsNull).append(")\n");
    elementType.appendTree(prefix + "    |", out);
  }

  @Override
  public String toString() {
    return "ArrayType(" + elementType + "," + containsNull + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ArrayType array && array.elementType.equals(elementType)
        && array.containsNull == containsNull;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ArrayType.class, elementType, containsNull);
  }
}
