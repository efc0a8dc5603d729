package dev.ember.codegen.generated;

/**
 * Produces the code that reads column {@code ordinal} of the schema flowing into a step, for the row
 * held in the local {@code row}: an input vector of the batch, or a column a projection computed.
 */
interface ColumnReader {
  ExprValue read(int ordinal, MethodScope scope);
}
