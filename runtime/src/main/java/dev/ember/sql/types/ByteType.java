package dev.ember.sql.types;

/** Spark's `byte` type. */
public final class ByteType extends DataType {
  static final ByteType INSTANCE = new ByteType();

  private ByteType() {}

  @Override
  public String typeName() {
    return "byte";
  }

  @Override
  public String simpleString() {
    return "tinyint";
  }

  @Override
  public int defaultSize() {
    return 1;
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
