package dev.ember.codegen.generated;

/**
 * Produces the code that reads column {@code ordinal} of the schema flowing into a step, for the row
 * held in the local {@code row}: an input vector of the batch, or a column a projection computed.
 */
interface ColumnReader {
  ExprValue read(int ordinal, MethodScope scope);

  /**
   * {@code size} of the array or map in column {@code ordinal}, read from its vector's offsets without
   * building the value; null when the column is no vector of the batch (the caller builds the value).
   */
  default ExprValue readSize(int ordinal, boolean ansi, MethodScope scope) {
    return null;
  }

  /**
   * Field {@code field} of the struct in column {@code ordinal}, read from the struct's child vector
   * without building the struct; null when the column is no vector of the batch or the field is nested.
   */
  default ExprValue readStructField(int ordinal, int field, MethodScope scope) {
    return null;
  }
}
