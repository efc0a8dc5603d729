package dev.ember.sql.types;

/** Spark's `long` type. */
public final class LongType extends DataType {
  static final LongType INSTANCE = new LongType();

  private LongType() {}

  @Override
  public String typeName() {
    return "long";
  }

  @Override
  public String simpleString() {
    return "bigint";
  }

  @Override
  public int defaultSize() {
    return 8;
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
