package dev.ember.examples;

import dev.ember.sql.SparkSession;

/** The Ember session differential tests use, configured like the Spark oracle. */
final class EmberSessions {
  private EmberSessions() {}

  static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("ember-under-test")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }
}
