package dev.ember.sql.types;

/** Spark's `boolean` type. */
public final class BooleanType extends DataType {
  static final BooleanType INSTANCE = new BooleanType();

  private BooleanType() {}

  @Override
  public String typeName() {
    return "boolean";
  }

  @Override
  public int defaultSize() {
    return 1;
  }
}
