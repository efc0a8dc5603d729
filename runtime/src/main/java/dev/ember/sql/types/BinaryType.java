package dev.ember.sql.types;

/** Spark's `binary` type. */
public final class BinaryType extends DataType {
  static final BinaryType INSTANCE = new BinaryType();

  private BinaryType() {}

  @Override
  public String typeName() {
    return "binary";
  }

  @Override
  public int defaultSize() {
    return 100;
  }

  @Override
  public boolean isFixedWidth() {
    return false;
  }
}
