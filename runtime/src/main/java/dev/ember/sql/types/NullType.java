package dev.ember.sql.types;

/** Spark's `void` type. */
public final class NullType extends DataType {
  static final NullType INSTANCE = new NullType();

  private NullType() {}

  @Override
  public String typeName() {
    return "void";
  }

  @Override
  public int defaultSize() {
    return 1;
  }
}
