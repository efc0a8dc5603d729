package dev.ember.sql.types;

/** Spark's `float` type. */
public final class FloatType extends DataType {
  static final FloatType INSTANCE = new FloatType();

  private FloatType() {}

  @Override
  public String typeName() {
    return "float";
  }

  @Override
  public int defaultSize() {
    return 4;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }
}
