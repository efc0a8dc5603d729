package dev.ember.sql.types;

/**
 * Base of Spark's SQL data types. Instances are immutable values; atomic types are singletons reached
 * through {@link DataTypes}, as in Spark's Java API.
 */
public abstract class DataType {
  DataType() {}

  /** Parses a DDL type ({@code ARRAY<INT>}), or else a DDL schema ({@code a INT, b STRING}) as a struct. */
  public static DataType fromDDL(String ddl) {
    try {
      return DdlParser.parseType(ddl);
    } catch (IllegalArgumentException notAType) {
      return DdlParser.parseSchema(ddl);
    }
  }

  /** The name printed by {@code printSchema()}, e.g. {@code integer}, {@code long}, {@code decimal(10,2)}. */
  public abstract String typeName();

  /** The SQL-ish short form used in {@code dtypes} and DDL, e.g. {@code int}, {@code bigint}. */
  public String simpleString() {
    return typeName();
  }

  /** The form Spark uses in error messages and SQL text, e.g. {@code INT}, {@code BIGINT}. */
  public String sql() {
    return simpleString().toUpperCase(java.util.Locale.ROOT);
  }

  /** Spark's default size in bytes of one value, used for memory estimates. */
  public abstract int defaultSize();

  /** Whether values are stored in a fixed number of bytes per row. */
  public boolean isFixedWidth() {
    return true;
  }

  public boolean isNumeric() {
    return false;
  }

  public boolean isIntegral() {
    return false;
  }

  /** The form Spark uses in catalogs; as {@link #simpleString()} except for very wide structs. */
  public String catalogString() {
    return simpleString();
  }

  /** Spark's JSON form of the type, e.g. {@code "integer"} or {@code {"type":"array",...}}. */
  public String json() {
    JsonText json = new JsonText();
    appendJson(json);
    return json.compact();
  }

  /** {@link #json()} laid out on several lines, as Spark's {@code prettyJson}. */
  public String prettyJson() {
    JsonText json = new JsonText();
    appendJson(json);
    return json.pretty();
  }

  /** The type with every nested field, element and map value nullable (Spark's {@code asNullable}). */
  public DataType asNullable() {
    return this;
  }

  void appendJson(JsonText json) {
    json.string(typeName());
  }

  /**
   * Appends the lines {@code printSchema} prints below a field of this type (none for atomic types);
   * {@code prefix} is the indentation of those lines, up to the {@code |} before their {@code --}.
   */
  void appendTree(String prefix, StringBuilder out) {}

  @Override
  public String toString() {
    // Spark prints case-object types as e.g. IntegerType; parameterised ones override.
    return getClass().getSimpleName();
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
