package dev.ember.sql.types;

/** Spark's `date` type. */
public final class DateType extends DataType {
  static final DateType INSTANCE = new DateType();

  private DateType() {}

  @Override
  public String typeName() {
    return "date";
  }

  @Override
  public int defaultSize() {
    return 4;
  }
}
