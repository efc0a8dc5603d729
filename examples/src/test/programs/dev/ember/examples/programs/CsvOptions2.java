package dev.ember.examples.programs;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.SparkSession;

/**
 * More CSV reader options: compressed files, multiLine, the corrupt-record column, enforceSchema,
 * white space trimming, date and timestamp formats and encodings.
 */
public final class CsvOptions2 {
  private CsvOptions2() {}

  public static void run(SparkSession spark, String dataDir) {
    String compressed = dataDir + "/compressed";
    spark.read().option("header", "true").option("inferSchema", "true").csv(compressed + "/items.csv.gz").show();
    spark.read().option("header", "true").option("inferSchema", "true").csv(compressed + "/items.csv.bz2").show();
    spark.read().option("header", "true").option("inferSchema", "true").csv(compressed + "/items.deflate").show();
    Dataset<Row> all = spark.read().option("header", "true").option("inferSchema", "true").csv(compressed);
    all.printSchema();
    all.orderBy("id").show();

    String multiLine = dataDir + "/multiline.csv";
    Dataset<Row> records = spark.read().option("header", "true").option("multiLine", "true")
        .schema("id INT, text STRING, n INT").csv(multiLine);
    records.show(false);
    System.out.println(records.count());
    Dataset<Row> inferred = spark.read().option("header", "true").option("multiLine", "true")
        .option("inferSchema", "true").csv(multiLine);
    inferred.printSchema();
    inferred.show(false);
    printError(() -> spark.read().option("header", "true").option("multiLine", "true").option("mode", "FAILFAST")
        .schema("id INT, text STRING, n INT").csv(multiLine).show());

    String corrupt = dataDir + "/corrupt.csv";
    spark.read().option("header", "true").schema("id INT, n INT, s STRING, _corrupt_record STRING")
        .csv(corrupt).show(false);
    spark.read().option("header", "true").schema("id INT, _corrupt_record STRING, n INT, s STRING")
        .csv(corrupt).show(false);
    spark.read().option("header", "true").option("columnNameOfCorruptRecord", "bad")
        .schema("id INT, n INT, s STRING, bad STRING").csv(corrupt).show(false);
    spark.read().option("header", "true").option("mode", "DROPMALFORMED")
        .schema("id INT, n INT, s STRING, _corrupt_record STRING").csv(corrupt).show(false);
    printError(() -> spark.read().option("header", "true").schema("id INT, n INT, s STRING, _corrupt_record INT")
        .csv(corrupt).show());

    String header = dataDir + "/header_names.csv";
    spark.read().option("header", "true").schema("x INT, y INT").csv(header).show();
    spark.read().option("header", "true").option("enforceSchema", "false").schema("A INT, b INT").csv(header).show();
    spark.read().option("header", "true").option("enforceSchema", "false").schema("x INT, b INT").csv(header)
        .select("b").show();
    printError(() -> spark.read().option("header", "true").option("enforceSchema", "false")
        .schema("x INT, b INT").csv(header).show());
    printError(() -> spark.read().option("header", "true").option("enforceSchema", "false")
        .schema("a INT").csv(header).show());

    String spaces = dataDir + "/spaces.csv";
    spark.read().option("header", "true").csv(spaces).show(false);
    spark.read().option("header", "true").option("ignoreLeadingWhiteSpace", "true").csv(spaces).show(false);
    spark.read().option("header", "true").option("ignoreTrailingWhiteSpace", "true").csv(spaces).show(false);
    spark.read().option("header", "true").option("ignoreLeadingWhiteSpace", "true")
        .option("ignoreTrailingWhiteSpace", "true").option("inferSchema", "true").csv(spaces).show(false);

    String dates = dataDir + "/formatted_dates.csv";
    spark.read().option("header", "true").option("dateFormat", "dd/MM/yyyy")
        .option("timestampFormat", "yyyy-MM-dd HH:mm").schema("d DATE, t TIMESTAMP").csv(dates).show(false);
    Dataset<Row> inferredDates = spark.read().option("header", "true").option("inferSchema", "true")
        .option("dateFormat", "dd/MM/yyyy").option("timestampFormat", "yyyy-MM-dd HH:mm").csv(dates);
    inferredDates.printSchema();
    inferredDates.show(false);

    spark.read().option("header", "true").option("encoding", "ISO-8859-1").csv(dataDir + "/latin1.csv").show();
    // Spark 4.2 leaves a stray character at the end of UTF-16 lines, so only the row count is compared.
    System.out.println(spark.read().option("header", "true").option("encoding", "UTF-16").csv(dataDir + "/utf16.csv").count());
    spark.read().option("header", "true").option("charset", "us-ascii").csv(dataDir + "/header_names.csv").show();
    printError(() -> spark.read().option("header", "true").option("charset", "windows-1252")
        .csv(dataDir + "/latin1.csv").show());
  }

  /** Prints an error's message up to its SQLSTATE and its cause's, which both engines word alike. */
  private static void printError(Runnable action) {
    try {
      action.run();
      System.out.println("no error");
    } catch (Exception e) {
      System.out.println(upToSqlState(e.getMessage()));
      if (e.getCause() != null) {
        System.out.println(upToSqlState(e.getCause().getMessage()));
      }
    }
  }

  private static String upToSqlState(String message) {
    int at = message.indexOf("SQLSTATE: ");
    return at < 0 ? message : message.substring(0, Math.min(message.length(), at + "SQLSTATE: 00000".length()));
  }
}
