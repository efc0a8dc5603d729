package dev.ember.sql.types;

/** Spark's `string` type. */
public final class StringType extends DataType {
  static final StringType INSTANCE = new StringType();

  private StringType() {}

  @Override
  public String typeName() {
    return "string";
  }

  @Override
  public int defaultSize() {
    return 20;
  }

  @Override
  public boolean isFixedWidth() {
    return false;
  }
}
