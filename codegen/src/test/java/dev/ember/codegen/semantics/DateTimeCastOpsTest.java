package dev.ember.codegen.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember.SparkException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Casts among dates and both kinds of timestamp; expected values observed on Spark 4.2.0 in Los Angeles. */
class DateTimeCastOpsTest {
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  private static long wallClock(String text) {
    return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.parse(text));
  }

  @Test
  void wallClockToInstantAndBack() {
    long noon = wallClock("2024-01-02T12:00:00.000001");
    long instant = DateTimeCastOps.wallClockToInstant(noon, LOS_ANGELES);
    assertEquals(noon + 8 * 3_600_000_000L, instant);
    assertEquals(noon, DateTimeCastOps.instantToWallClock(instant, LOS_ANGELES));
    assertEquals(noon, DateTimeCastOps.wallClockToInstant(noon, ZoneOffset.UTC));
  }

  @Test
  void daylightSavingGapMovesOnAndOverlapTakesTheEarlierOffset() {
    long gap = DateTimeCastOps.wallClockToInstant(wallClock("2024-03-10T02:30:00"), LOS_ANGELES);
    assertEquals("2024-03-10 03:30:00", DateTimeCastOps.instantToString(gap, LOS_ANGELES));
    long overlap = DateTimeCastOps.wallClockToInstant(wallClock("2024-11-03T01:30:00"), LOS_ANGELES);
    assertEquals(wallClock("2024-11-03T08:30:00"), overlap);
    assertEquals("2024-11-03 01:30:00", DateTimeCastOps.instantToString(overlap, LOS_ANGELES));
  }

  @Test
  void datesAreMidnights() {
    assertEquals(19724, DateTimeCastOps.wallClockToDate(wallClock("2024-01-02T23:59:59.999999")));
    assertEquals(-1, DateTimeCastOps.wallClockToDate(-1));
    assertEquals(wallClock("2024-01-02T00:00:00"), DateTimeCastOps.dateToWallClock(19724));
    assertEquals(wallClock("2024-01-02T08:00:00"), DateTimeCastOps.dateToInstant(19724, LOS_ANGELES));
    assertEquals(19723, DateTimeCastOps.instantToDate(wallClock("2024-01-02T07:59:59"), LOS_ANGELES));
  }

  @Test
  void stringsIgnoreAZoneAndFailOnlyUnderAnsi() {
    assertEquals(wallClock("2024-01-02T03:04:05.123456"),
        DateTimeCastOps.stringToWallClock(" 2024-01-02T03:04:05.123456789 ", true));
    assertEquals(wallClock("2024-01-02T03:04:05"), DateTimeCastOps.stringToWallClock("2024-01-02 03:04:05+01:00", true));
    assertEquals(wallClock("2024-01-02T00:00:00"), DateTimeCastOps.stringToWallClock("2024-01-02", true));
    assertNull(DateTimeCastOps.stringToWallClock("2024-13-01", false));
    SparkException error = assertThrows(SparkException.class, () -> DateTimeCastOps.stringToWallClock("x", true));
    assertEquals("CAST_INVALID_INPUT", error.getCondition());
    assertEquals("[CAST_INVALID_INPUT] The value 'x' of the type \"STRING\" cannot be cast to \"TIMESTAMP_NTZ\" because"
        + " it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to"
        + " tolerate malformed input and return NULL instead. SQLSTATE: 22018", error.getMessage());
  }
}
