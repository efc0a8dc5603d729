package dev.ember.sql.types;

/**
 * Base of Spark's SQL data types. Instances are immutable values; atomic types are singletons reached
 * through {@link DataTypes}, as in Spark's Java API.
 */
public abstract class DataType {
  DataType() {}

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

  public String json() {
    return "\"" + typeName() + "\"";
  }

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
