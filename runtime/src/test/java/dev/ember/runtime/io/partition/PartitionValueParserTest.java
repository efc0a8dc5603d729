package dev.ember.runtime.io.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Expected types were read from Spark 4.2 (one directory per value, then per pair of values). */
class PartitionValueParserTest {
  private static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  void infersTheFirstTypeThatReadsTheValue() {
    assertEquals(DataTypes.IntegerType, PartitionValueParser.inferType("01"));
    assertEquals(DataTypes.IntegerType, PartitionValueParser.inferType("+5"));
    assertEquals(DataTypes.LongType, PartitionValueParser.inferType("3000000000"));
    assertEquals(new DecimalType(20, 0), PartitionValueParser.inferType("12345678901234567890"));
    assertEquals(new DecimalType(4, 0), PartitionValueParser.inferType("1e3"));
    assertEquals(DataTypes.DoubleType, PartitionValueParser.inferType("1.5"));
    assertEquals(DataTypes.DoubleType, PartitionValueParser.inferType(" 7"));
    assertEquals(DataTypes.DoubleType, PartitionValueParser.inferType("NaN"));
    assertEquals(DataTypes.DoubleType, PartitionValueParser.inferType("123456789012345678901234567890123456789012"));
    assertEquals(DataTypes.DateType, PartitionValueParser.inferType("2024-01-15"));
    assertEquals(DataTypes.StringType, PartitionValueParser.inferType("2024-02-30"));
    assertEquals(DataTypes.StringType, PartitionValueParser.inferType("2024-1-5"));
    assertEquals(DataTypes.TimestampType, PartitionValueParser.inferType("2024-01-15 10%3A00%3A00"));
    assertEquals(DataTypes.TimestampType, PartitionValueParser.inferType("2024-01-15 10%3A00%3A00.1"));
    assertEquals(DataTypes.StringType, PartitionValueParser.inferType("2024-01-15 10%3A00%3A00.12"));
    assertEquals(DataTypes.StringType, PartitionValueParser.inferType("2024-01-15T10:00:00"));
    assertEquals(DataTypes.StringType, PartitionValueParser.inferType("true"));
    assertEquals(DataTypes.StringType, PartitionValueParser.inferType("%31"), "numbers are read as written");
    assertEquals(DataTypes.NullType, PartitionValueParser.inferType("__HIVE_DEFAULT_PARTITION__"));
  }

  @Test
  void widensAsSparksPartitionRulesDo() {
    assertWider(DataTypes.LongType, DataTypes.IntegerType, DataTypes.LongType);
    assertWider(DataTypes.DoubleType, DataTypes.IntegerType, DataTypes.DoubleType);
    assertWider(DataTypes.StringType, DataTypes.LongType, DataTypes.DoubleType);
    assertWider(DataTypes.StringType, new DecimalType(20, 0), DataTypes.DoubleType);
    assertWider(new DecimalType(10, 0), DataTypes.IntegerType, new DecimalType(4, 0));
    assertWider(new DecimalType(20, 0), DataTypes.IntegerType, new DecimalType(20, 0));
    assertWider(DataTypes.TimestampType, DataTypes.DateType, DataTypes.TimestampType);
    assertWider(DataTypes.StringType, DataTypes.DateType, DataTypes.IntegerType);
    assertWider(DataTypes.IntegerType, DataTypes.NullType, DataTypes.IntegerType);
  }

  private static void assertWider(DataType expected, DataType left, DataType right) {
    assertEquals(expected, PartitionValueParser.widerType(left, right));
    assertEquals(expected, PartitionValueParser.widerType(right, left));
  }

  @Test
  void valuesAreReadInTheColumnsType() {
    assertEquals(1.0, PartitionValueParser.inferredValue("01", DataTypes.DoubleType, UTC));
    assertEquals("01", PartitionValueParser.inferredValue("01", DataTypes.StringType, UTC), "strings keep the name");
    assertEquals("a b", PartitionValueParser.inferredValue("a%20b", DataTypes.StringType, UTC));
    assertEquals(new BigDecimal("1000"), PartitionValueParser.inferredValue("1e3", new DecimalType(10, 0), UTC));
    assertEquals((int) LocalDate.of(2024, 1, 15).toEpochDay(),
        PartitionValueParser.inferredValue("2024-01-15", DataTypes.DateType, UTC));
    assertEquals(1_705_341_600_000_000L, PartitionValueParser.inferredValue("2024-01-15 10%3A00%3A00",
        DataTypes.TimestampType, ZoneId.of("America/Los_Angeles")), "timestamps are in the session zone");
    assertEquals(1_705_276_800_000_000L, PartitionValueParser.inferredValue("2024-01-15", DataTypes.TimestampType, UTC));
    assertNull(PartitionValueParser.inferredValue("__HIVE_DEFAULT_PARTITION__", DataTypes.IntegerType, UTC));
  }

  @Test
  void castsToTheUsersTypeOrFailsAsSpark() {
    assertEquals(12L, PartitionValueParser.castValue("12", DataTypes.LongType, "month", UTC));
    assertEquals("007", PartitionValueParser.castValue("007", DataTypes.StringType, "k", UTC));
    assertEquals(new BigDecimal("2.50"), PartitionValueParser.castValue("2.5", new DecimalType(5, 2), "d", UTC));
    SparkException error = assertThrows(SparkException.class,
        () -> PartitionValueParser.castValue("12", DataTypes.DateType, "month", UTC));
    assertEquals("[INVALID_PARTITION_VALUE] Failed to cast value '12' to data type \"DATE\" for partition column"
        + " `month`. Ensure the value matches the expected data type for this partition column. SQLSTATE: 42846",
        error.getMessage());
  }
}
