package dev.ember.codegen.semantics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import org.junit.jupiter.api.Test;

/** Spark 4.2 raises INVALID_INDEX_OF_ZERO even in try_element_at; other errors become nulls under try. */
class TryErrorsTest {
  @Test
  void indexOfZeroIsRaisedUnderTry() {
    SparkException zero = new SparkException("INVALID_INDEX_OF_ZERO", "The index 0 is invalid.");
    assertFalse(TryErrors.becomesNull(zero));
    assertSame(zero, assertThrows(SparkException.class, () -> TryErrors.raiseUnlessNull(zero)));
  }

  @Test
  void otherErrorsBecomeNulls() {
    SparkException overflow = new SparkException("ARITHMETIC_OVERFLOW", "overflow");
    assertTrue(TryErrors.becomesNull(overflow));
    assertDoesNotThrow(() -> TryErrors.raiseUnlessNull(overflow));
  }
}
