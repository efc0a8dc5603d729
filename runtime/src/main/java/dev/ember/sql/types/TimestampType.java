package dev.ember.sql.types;

/** Spark's `timestamp` type. */
public final class TimestampType extends DataType {
  static final TimestampType INSTANCE = new TimestampType();

  private TimestampType() {}

  @Override
  public String typeName() {
    return "timestamp";
  }

  @Override
  public int defaultSize() {
    return 8;
  }
}
