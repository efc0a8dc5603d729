package dev.ember.runtime.io.parquet;

import dev.ember.sql.types.BinaryType;
import dev.ember.sql.types.BooleanType;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DecimalType;
import dev.ember.sql.types.StringType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/** Picks the page-level reader for a flat column chunk from its Parquet type and the Spark type read. */
final class ColumnChunkReaders {
  private ColumnChunkReaders() {}

  /**
   * The reader of {@code pages}, the chunk of file column {@code descriptor}, read as {@code type};
   * the caller checked with {@link ParquetSchemas#canRead} that the file's type reads as it.
   */
  static ColumnChunkReader create(ColumnDescriptor descriptor, DataType type, PageReader pages,
      BufferAllocator allocator, int batchRows) {
    PrimitiveType field = descriptor.getPrimitiveType();
    ColumnChunkPages chunk = new ColumnChunkPages(descriptor, pages);
    PrimitiveTypeName storage = field.getPrimitiveTypeName();
    if (type instanceof StringType || type instanceof BinaryType) {
      return new BinaryColumnReader(chunk, batchRows);
    }
    if (type instanceof DecimalType && storage == PrimitiveTypeName.BINARY) {
      return new BinaryDecimalColumnReader(new BinaryColumnReader(chunk, batchRows), allocator, batchRows);
    }
    if (storage == PrimitiveTypeName.BINARY) {
      throw new IllegalArgumentException("No Parquet reader for " + type.simpleString() + " from " + field);
    }
    boolean bits = type instanceof BooleanType;
    FixedWidthConversion conversion = bits ? null : FixedWidthConversion.of(field, type);
    return new FixedWidthColumnReader(chunk, field, conversion, bits, allocator, batchRows);
  }
}
