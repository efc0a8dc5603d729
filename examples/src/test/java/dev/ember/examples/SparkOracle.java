package dev.ember.examples;

import org.apache.spark.sql.SparkSession;

/**
 * The Apache Spark 4.2 session differential tests compare Ember against: one per test JVM, because
 * Spark takes about ten seconds to start. Never stopped explicitly; the JVM's exit ends it.
 */
final class SparkOracle {
  private static SparkSession session;

  private SparkOracle() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("ember-oracle")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.session.timeZone", "UTC")
          .getOrCreate();
      session.sparkContext().setLogLevel("ERROR");
    }
    return session;
  }
}
