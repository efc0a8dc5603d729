package dev.ember.runtime.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Timestamp text read in America/Los_Angeles; every expected value was printed by Spark 4.2.0 (unix_micros of the cast). */
class TimestampTextTest {
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  private static Long instant(String text) {
    return TimestampText.toInstant(text, LOS_ANGELES);
  }

  @Test
  void datesAndTimesInTheSessionZone() {
    assertEquals(1710057600000000L, instant("2024-03-10"));
    assertEquals(1710090672000000L, instant("2024-03-10 10:11:12"));
    assertEquals(1710090672000000L, instant("2024-03-10T10:11:12"));
    assertEquals(1710090660000000L, instant("2024-03-10 10:11"));
    assertEquals(1710090000000000L, instant("2024-03-10 10"));
    assertEquals(1709629323000000L, instant("2024-3-5 1:2:3"));
    assertEquals(1704096000000000L, instant("2024"));
    assertEquals(1709280000000000L, instant("2024-03"));
    assertEquals(1710057600000000L, instant("+2024-03-10"));
  }

  @Test
  void fractionsKeepMicroseconds() {
    assertEquals(1710090672123456L, instant("2024-03-10 10:11:12.123456789"));
    assertEquals(1710090672100000L, instant("2024-03-10 10:11:12.1"));
    assertEquals(1710090672000000L, instant("2024-03-10 10:11:12."));
  }

  @Test
  void zonesAfterTheSeconds() {
    assertEquals(1710065472000000L, instant("2024-03-10 10:11:12Z"));
    assertEquals(1710065472000000L, instant("2024-03-10 10:11:12 Z"));
    assertEquals(1710058272000000L, instant("2024-03-10T10:11:12+02:00"));
    assertEquals(1710058272000000L, instant("2024-03-10T10:11:12+0200"));
    assertEquals(1710058272000000L, instant("2024-03-10T10:11:12 +02"));
    assertEquals(1710058272000000L, instant("2024-03-10T10:11:12+2"));
    assertEquals(1710056457000000L, instant("2024-03-10T10:11:12+02:30:15"));
    assertEquals(1710069072000000L, instant("2024-03-10 10:11:12 -1:00"));
    assertEquals(1710065472000000L, instant("2024-03-10 10:11:12 UTC"));
    assertEquals(1710061872000000L, instant("2024-03-10 10:11:12Europe/Paris"));
    assertEquals(1710061872000000L, instant("2024-03-10 10:11:12 GMT+01:00"));
    assertEquals(1710061872000000L, instant("2024-03-10 10:11:12 UTC+1"));
    assertEquals(1710090672000000L, instant("2024-03-10 10:11:12 PST"));
    assertEquals(1710061872000000L, instant("2024-03-10 10:11:12 CET"));
    assertEquals(1710000672000000L, instant("2024-03-10 10:11:12 +18:00"));
    assertEquals(1710061872500000L, instant("2024-03-10 10:11:12.5+01:00"));
  }

  @Test
  void yearsBeyondFourDigitsAndTheGapAndOverlap() {
    assertEquals(253402329600000000L, instant("10000-01-01"));
    assertEquals(327416976123000000L, instant("12345-06-07 01:02:03"));
    assertEquals(-62198726822000000L, instant("-0001-01-01"));
    assertEquals(-12219696422000000L, instant("1582-10-10"));
    assertEquals(1710066600000000L, instant("2024-03-10 02:30:00"));
    assertEquals(1730622600000000L, instant("2024-11-03 01:30:00"));
  }

  @Test
  void malformedTextIsNull() {
    for (String text : new String[] {"2024-03-10 10:11Z", "2024-03-10T10Z", "2024-03-10T", "2024-03-10Z",
        "2024-03-10 +01:00", "2024-03-10 UTC", "2024-03Z", "2024-03-10 25:00:00", "2024-02-30", "2024-03-10 10:11:60",
        "2024-03-10 10:60:00", "2024-03-10 10:11:12 abc", "", "abc", "2024-03-10 10:11:12 z", "2024-03-10 10:11:12 utc",
        "2024-03-10 10:11:12 +19:00", "2024/03/10", "20240310", "294248-01-01"}) {
      assertNull(instant(text), text);
    }
  }

  @Test
  void instantsBeyondABigintAreNullButTheirWallClockMayNotBe() {
    assertNull(instant("294247-01-10 04:00:54.775807"));
    assertEquals(Long.MAX_VALUE, TimestampText.toWallClock("294247-01-10 04:00:54.775807"));
  }

  @Test
  void aTimeAloneIsTodayForTimestampsAndMalformedForWallClocks() {
    long micros = instant("T10:11:12");
    LocalDate today = LocalDate.now(LOS_ANGELES);
    assertEquals(today.atTime(10, 11, 12).atZone(LOS_ANGELES).toEpochSecond() * 1_000_000L, micros);
    assertEquals(micros, instant("10:11:12"));
    assertNull(TimestampText.toWallClock("10:11:12"));
    assertNull(TimestampText.toWallClock("T10:11:12"));
  }

  @Test
  void wallClocksIgnoreAValidZone() {
    assertEquals(1710065472000000L, TimestampText.toWallClock("2024-03-10 10:11:12 Europe/Paris"));
    assertEquals(1710065472000000L, TimestampText.toWallClock("2024-03-10T10:11:12+02:00"));
    assertNull(TimestampText.toWallClock("2024-03-10 10:11:12 abc"));
  }
}
