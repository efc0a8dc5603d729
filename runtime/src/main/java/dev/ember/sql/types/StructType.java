package dev.ember.sql.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** An ordered list of fields: the schema of a Dataset, and Spark's struct type. Immutable. */
public final class StructType extends DataType implements Iterable<StructField> {
  private final StructField[] fields;

  public StructType() {
    this(new StructField[0]);
  }

  public StructType(StructField[] fields) {
    this.fields = Objects.requireNonNull(fields, "fields is null").clone();
  }

  public static StructType of(List<StructField> fields) {
    return new StructType(fields.toArray(new StructField[0]));
  }

  public StructField[] fields() {
    return fields.clone();
  }

  public List<StructField> fieldList() {
    return List.of(fields);
  }

  public String[] fieldNames() {
    String[] names = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      names[i] = fields[i].name();
    }
    return names;
  }

  public int length() {
    return fields.length;
  }

  public int size() {
    return fields.length;
  }

  public StructField apply(int index) {
    return fields[index];
  }

  /** The field with exactly this name; Spark's {@code apply(String)}. */
  public StructField apply(String name) {
    int index = fieldIndex(name);
    return fields[index];
  }

  public int fieldIndex(String name) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].name().equals(name)) {
        return i;
      }
    }
    List<String> quoted = new ArrayList<>();
    for (StructField field : fields) {
      quoted.add("`" + field.name() + "`");
    }
    // Spark 4.2's text, SQLSTATE included, as Row.fieldIndex and getAs(name) report it.
    throw new IllegalArgumentException("[FIELD_NOT_FOUND] No such struct field `" + name + "` in "
        + String.join(", ", quoted) + ". SQLSTATE: 42704");
  }

  /**
   * The same fields, all nullable, down through nested structs, array elements and map values:
   * what file sources do to a user's schema, as Spark does.
   */
  @Override
  public StructType asNullable() {
    StructField[] nullable = new StructField[fields.length];
    for (int i = 0; i < fields.length; i++) {
      nullable[i] = new StructField(fields[i].name(), fields[i].dataType().asNullable(), true);
    }
    return new StructType(nullable);
  }

  public StructType add(StructField field) {
    StructField[] grown = Arrays.copyOf(fields, fields.length + 1);
    grown[fields.length] = field;
    return new StructType(grown);
  }

  public StructType add(String name, DataType dataType) {
    return add(new StructField(name, dataType, true));
  }

  public StructType add(String name, DataType dataType, boolean nullable) {
    return add(new StructField(name, dataType, nullable));
  }

  /** Accepts Spark's DDL type names, e.g. {@code add("age", "int")}. */
  public StructType add(String name, String dataType) {
    return add(new StructField(name, DataTypes.fromDdlType(dataType), true));
  }

  public StructType add(String name, String dataType, boolean nullable) {
    return add(new StructField(name, DataTypes.fromDdlType(dataType), nullable));
  }

  /** Parses a DDL schema string such as {@code "name STRING, age INT"}. */
  public static StructType fromDDL(String ddl) {
    return DataTypes.fromDdlSchema(ddl);
  }

  /**
   * The text {@code printSchema()} prints: a {@code root} line and one {@code |-- } line per field,
   * nested types' elements, keys, values and fields indented below their field.
   */
  public String treeString() {
    StringBuilder out = new StringBuilder("root\n");
    appendTree(" |", out);
    return out.toString();
  }

  @Override
  void appendTree(String prefix, StringBuilder out) {
    for (StructField field : fields) {
      out.append(prefix)
          .append("-- ")
          .append(field.name())
          .append(": ")
          .append(field.dataType().typeName())
          .append(" (nullable = ")
          .append(field.nullable())
          .append(")\n");
      field.dataType().appendTree(prefix + "    |", out);
    }
  }

  @Override
  void appendJson(JsonText json) {
    json.beginObject().field("type").string("struct").field("fields").beginArray();
    for (StructField field : fields) {
      json.beginObject()
          .field("name").string(field.name())
          .field("type").value(field.dataType())
          .field("nullable").bool(field.nullable())
          .field("metadata").beginObject().endObject()
          .endObject();
    }
    json.endArray().endObject();
  }

  public void printTreeString() {
    System.out.print(treeString());
  }

  @Override
  public String typeName() {
    return "struct";
  }

  @Override
  public String simpleString() {
    List<String> parts = new ArrayList<>();
    for (StructField field : fields) {
      parts.add(field.name() + ":" + field.dataType().simpleString());
    }
    return "struct<" + String.join(",", parts) + ">";
  }

  @Override
  public String catalogString() {
    List<String> parts = new ArrayList<>();
    for (StructField field : fields) {
      parts.add(field.name() + ":" + field.dataType().catalogString());
    }
    return "struct<" + String.join(",", parts) + ">";
  }

  /** {@code STRUCT<x: INT, `y z`: STRING NOT NULL>}: names quoted only when needed. */
  @Override
  public String sql() {
    List<String> parts = new ArrayList<>();
    for (StructField field : fields) {
      parts.add(quoteIfNeeded(field.name()) + ": " + field.dataType().sql() + (field.nullable() ? "" : " NOT NULL"));
    }
    return "STRUCT<" + String.join(", ", parts) + ">";
  }

  /** Spark's {@code toDDL}: {@code name STRING,age INT}. */
  public String toDDL() {
    List<String> parts = new ArrayList<>();
    for (StructField field : fields) {
      parts.add(quoteIfNeeded(field.name()) + " " + field.dataType().sql()
          + (field.nullable() ? "" : " NOT NULL"));
    }
    return String.join(",", parts);
  }

  private static String quoteIfNeeded(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "`" + name.replace("`", "``") + "`";
  }

  @Override
  public int defaultSize() {
    int total = 0;
    for (StructField field : fields) {
      total += field.dataType().defaultSize();
    }
    return total;
  }

  @Override
  public boolean isFixedWidth() {
    return false;
  }

  @Override
  public Iterator<StructField> iterator() {
    return List.of(fields).iterator();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (StructField field : fields) {
      parts.add(field.toString());
    }
    return "StructType(" + String.join(",", parts) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StructType s && Arrays.equals(s.fields, fields);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
