package dev.ember.sql.types;

import java.util.Objects;

/**
 * Spark's map type: entries of a key type and a value type. Keys are never null; values may be when
 * {@code valueContainsNull}. Immutable.
 */
public final class MapType extends DataType {
  private final DataType keyType;
  private final DataType valueType;
  private final boolean valueContainsNull;

  public MapType(DataType keyType, DataType valueType, boolean valueContainsNull) {
    this.keyType = Objects.requireNonNull(keyType, "keyType is null");
    this.valueType = Objects.requireNonNull(valueType, "valueType is null");
    this.valueContainsNull = valueContainsNull;
  }

  /** A map whose values may be null, as Spark's {@code MapType.apply(keyType, valueType)}. */
  public static MapType apply(DataType keyType, DataType valueType) {
    return new MapType(keyType, valueType, true);
  }

  public DataType keyType() {
    return keyType;
  }

  public DataType valueType() {
    return valueType;
  }

  public boolean valueContainsNull() {
    return valueContainsNull;
  }

  @Override
  public String typeName() {
    return "map";
  }

  @Override
  public String simpleString() {
    return "map<" + keyType.simpleString() + "," + valueType.simpleString() + ">";
  }

  @Override
  public String catalogString() {
    return "map<" + keyType.catalogString() + "," + valueType.catalogString() + ">";
  }

  @Override
  public String sql() {
    return "MAP<" + keyType.sql() + ", " + valueType.sql() + ">";
  }

  @Override
  public int defaultSize() {
    // Spark assumes one entry per map for its size estimates.
    return keyType.defaultSize() + valueType.defaultSize();
  }

  @Override
  public boolean isFixedWidth() {
    return false;
  }

  @Override
  public MapType asNullable() {
    return new MapType(keyType.asNullable(), valueType.asNullable(), true);
  }

  @Override
  void appendJson(JsonText json) {
    json.beginObject()
        .field("type").string("map")
        .field("keyType").value(keyType)
        .field("valueType").value(valueType)
        .field("valueContainsNull").bool(valueContainsNull)
        .endObject();
  }

  @Override
  void appendTree(String prefix, StringBuilder out) {
    out.append(prefix).append("-- key: ").append(keyType.typeName()).append('\n');
    keyType.appendTree(prefix + "    |", out);
    out.append(prefix).append("-- value: ").append(valueType.typeName())
        .append(" (valueContainsNull = ").append(valueContainsNull).append(")\n");
    valueType.appendTree(prefix + "    |", out);
  }

  @Override
  public String toString() {
    return "MapType(" + keyType + "," + valueType + "," + valueContainsNull + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MapType map && map.keyType.equals(keyType) && map.valueType.equals(valueType)
        && map.valueContainsNull == valueContainsNull;
  }

  @Override
  public int hashCode() {
    return Objects.hash(MapType.class, keyType, valueType, valueContainsNull);
  }
}
