package dev.ember.sql.types;

/** Spark's `double` type. */
public final class DoubleType extends DataType {
  static final DoubleType INSTANCE = new DoubleType();

  private DoubleType() {}

  @Override
  public String typeName() {
    return "double";
  }

  @Override
  public int defaultSize() {
    return 8;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }
}
