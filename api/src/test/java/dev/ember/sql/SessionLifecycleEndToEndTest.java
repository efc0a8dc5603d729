package dev.ember.sql;

import static dev.ember.sql.functions.col;
import static dev.ember.sql.functions.count;
import static dev.ember.sql.functions.max;
import static dev.ember.sql.functions.min;
import static dev.ember.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.SparkException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Master URLs, getOrCreate, stop, and results that do not depend on the number of workers. */
class SessionLifecycleEndToEndTest {
  private final SessionsUnderTest sessions = new SessionsUnderTest();

  @AfterEach
  void stopSessions() {
    sessions.stopAll();
  }

  @Test
  void masterUrlsGiveTheirNumberOfWorkers() {
    SparkSession local = sessions.start("local");
    assertEquals(1, local.engine().parallelism());
    assertEquals("local", local.master());
    local.stop();
    assertEquals(3, sessions.start("local[3]").engine().parallelism());
    sessions.stopAll();
    assertEquals(Runtime.getRuntime().availableProcessors(), sessions.start("local[*]").engine().parallelism());
  }

  /** Spark 4.2 raises SparkException with these texts; Ember adds what it can run instead. */
  @Test
  void badMasterUrlsFailClearlyAndStartNothing() {
    SparkException unknown = assertThrows(SparkException.class, () -> sessions.start("yarn"));
    assertTrue(unknown.getMessage().startsWith("Could not parse Master URL: 'yarn'"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("local[N]"), unknown.getMessage());
    SparkException noThreads = assertThrows(SparkException.class, () -> sessions.start("local[0]"));
    assertEquals("Asked to run locally with 0 threads", noThreads.getMessage());
    assertTrue(SparkSession.getActiveSession().isEmpty(), "a failed start must not leave a session behind");
  }

  @Test
  void getOrCreateReturnsTheRunningSessionWithTheNewSettings() {
    SparkSession first = sessions.start("local[2]");
    SparkSession again = SparkSession.builder().master("local[4]").config("spark.sql.ansi.enabled", "false")
        .getOrCreate();
    assertSame(first, again);
    assertEquals(2, again.engine().parallelism(), "the running session keeps its master");
    assertEquals("false", first.conf().get("spark.sql.ansi.enabled"));
    assertSame(first, SparkSession.getActiveSession().orElseThrow());

    first.stop();
    assertTrue(SparkSession.getActiveSession().isEmpty());
    SparkSession next = sessions.start("local[1]");
    assertNotSame(first, next);
    assertEquals(List.of(RowFactory.create(0L)), next.range(1).collectAsList());
  }

  @Test
  void aStoppedSessionFailsClearly() {
    SparkSession spark = sessions.start("local[2]");
    Dataset<Row> before = spark.range(10);
    spark.stop();
    spark.stop(); // stopping twice is harmless, as in Spark
    for (Executable call : List.<Executable>of(() -> spark.range(3), spark::read, before::collectAsList,
        before::count, () -> before.filter(col("id").gt(1)))) {
      IllegalStateException error = assertThrows(IllegalStateException.class, call);
      assertEquals("Cannot call methods on a stopped SparkSession.", error.getMessage());
    }
  }

  @Test
  void moreWorkersGiveTheSameGroupedResults() {
    List<Row> oneWorker = groupedRange(sessions.start("local[1]"));
    sessions.stopAll();
    SparkSession twoWorkers = sessions.start("local[2]");
    assertEquals(2, twoWorkers.engine().parallelism());
    List<Row> parallel = groupedRange(twoWorkers);
    assertEquals(7, oneWorker.size());
    assertEquals(oneWorker, parallel);
    long total = 0;
    for (Row row : parallel) {
      total += row.getLong(1);
    }
    assertEquals(5_000_000L, total);
    assertEquals(RowFactory.create(0L, 714_286L, 0L, 4_999_995L, 1_785_713_214_285L), parallel.get(0));
    assertEquals(RowFactory.create(6L, 714_285L, 6L, 4_999_994L, 1_785_712_500_000L), parallel.get(6));
  }

  private static List<Row> groupedRange(SparkSession spark) {
    return spark.range(0, 5_000_000)
        .select(col("id").mod(7).alias("bucket"), col("id"))
        .groupBy("bucket")
        .agg(count("id"), min("id"), max("id"), sum("id"))
        .orderBy("bucket")
        .collectAsList();
  }
}
