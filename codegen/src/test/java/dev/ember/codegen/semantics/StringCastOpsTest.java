package dev.ember.codegen.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import dev.ember.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** String-to-number casts; expected values are what Spark 4.2.0 returned for the same casts. */
class StringCastOpsTest {
  @Test
  void legacyModeReadsAFractionWithoutIntegralDigitsAsItsTruncation() {
    assertEquals(0L, StringCastOps.toIntegral(".5", DataTypes.IntegerType, false));
    assertEquals(-1L, StringCastOps.toIntegral("-1.9", DataTypes.IntegerType, false));
    assertEquals(5L, StringCastOps.toIntegral("5.", DataTypes.IntegerType, false));
    assertNull(StringCastOps.toIntegral(".", DataTypes.IntegerType, false));
    assertNull(StringCastOps.toIntegral("-.", DataTypes.IntegerType, false));
  }

  @Test
  void ansiModeRejectsFractions() {
    SparkException error = assertThrows(SparkException.class,
        () -> StringCastOps.toIntegral(".5", DataTypes.IntegerType, true));
    assertEquals("CAST_INVALID_INPUT", error.getCondition());
  }

  @Test
  void trimsSpacesAndControlCharactersIncludingDelete() {
    assertEquals(12L, StringCastOps.toIntegral("\u007F 12\t\u007F", DataTypes.IntegerType, true));
    assertEquals(1.5, StringCastOps.toDouble("\u007F1.5 ", true));
  }
}
