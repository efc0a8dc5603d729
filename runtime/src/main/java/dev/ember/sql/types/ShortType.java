package dev.ember.sql.types;

/** Spark's `short` type. */
public final class ShortType extends DataType {
  static final ShortType INSTANCE = new ShortType();

  private ShortType() {}

  @Override
  public String typeName() {
    return "short";
  }

  @Override
  public String simpleString() {
    return "smallint";
  }

  @Override
  public int defaultSize() {
    return 2;
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
