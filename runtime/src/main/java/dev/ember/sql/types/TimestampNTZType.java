package dev.ember.sql.types;

/**
 * Spark's {@code timestamp_ntz}: a date and wall-clock time without a time zone. Values are the
 * microseconds of that wall-clock reading taken as if it were UTC, so they are shown, compared and
 * stored the same under every session time zone.
 */
public final class TimestampNTZType extends DataType {
  static final TimestampNTZType INSTANCE = new TimestampNTZType();

  private TimestampNTZType() {}

  @Override
  public String typeName() {
    return "timestamp_ntz";
  }

  @Override
  public int defaultSize() {
    return 8;
  }
}
