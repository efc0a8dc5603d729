package dev.ember.runtime.io.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Merge results and messages as Spark 4.2 gives them for the same files' schemas. */
class ParquetSchemaMergeTest {
  @Test
  void unionKeepsFirstPositionsAndAppendsNewColumns() {
    StructType first = new StructType().add("z", DataTypes.IntegerType);
    StructType second = new StructType().add("a", DataTypes.IntegerType).add("b", DataTypes.StringType);
    StructType third = new StructType().add("A", DataTypes.IntegerType).add("c", DataTypes.DoubleType)
        .add("b", DataTypes.StringType);
    StructType merged = ParquetSchemaMerge.merge(ParquetSchemaMerge.merge(first, second), third);
    assertEquals(new StructType().add("z", DataTypes.IntegerType).add("a", DataTypes.IntegerType)
        .add("b", DataTypes.StringType).add("c", DataTypes.DoubleType), merged);
  }

  @Test
  void decimalsOfOneScaleTakeTheLargerPrecision() {
    StructType merged = ParquetSchemaMerge.merge(new StructType().add("d", DataTypes.createDecimalType(10, 2)),
        new StructType().add("d", DataTypes.createDecimalType(5, 2)));
    assertEquals(new StructType().add("d", DataTypes.createDecimalType(10, 2)), merged);
  }

  @Test
  void otherTypeDifferencesAreSparksMergeError() {
    StructType ints = new StructType().add("a", DataTypes.IntegerType, false);
    StructType longs = new StructType().add("a", DataTypes.LongType, false);
    SparkException error = assertThrows(SparkException.class, () -> ParquetSchemaMerge.merge(ints, longs));
    assertEquals("[CANNOT_MERGE_SCHEMAS] Failed merging schemas:\nInitial schema:\n\"STRUCT<a: INT NOT NULL>\"\n"
        + "Schema that cannot be merged with the initial schema:\n\"STRUCT<a: BIGINT NOT NULL>\". SQLSTATE: 42KD9",
        error.getMessage());
    assertEquals("CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE", ((SparkException) error.getCause()).getCondition());
    assertThrows(SparkException.class, () -> ParquetSchemaMerge.merge(
        new StructType().add("d", DataTypes.createDecimalType(5, 2)),
        new StructType().add("d", DataTypes.createDecimalType(10, 3))));
  }
}
