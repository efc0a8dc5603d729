package dev.ember.sql.types;

/** Spark's `integer` type. */
public final class IntegerType extends DataType {
  static final IntegerType INSTANCE = new IntegerType();

  private IntegerType() {}

  @Override
  public String typeName() {
    return "integer";
  }

  @Override
  public String simpleString() {
    return "int";
  }

  @Override
  public int defaultSize() {
    return 4;
  }

  @Override
  public boolean isNumeric() {
    return true;
  }

  @Override
  public boolean isIntegral() {
    return true;
  }
}
