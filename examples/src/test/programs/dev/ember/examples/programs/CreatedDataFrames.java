package dev.ember.examples.programs;

import static dev.ember.sql.functions.col;

import dev.ember.sql.Dataset;
import dev.ember.sql.Row;
import dev.ember.sql.RowFactory;
import dev.ember.sql.SparkSession;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DataFrames built from Java rows and beans with createDataFrame: schemas, show() text, rows, queries over them. */
public final class CreatedDataFrames {
  private CreatedDataFrames() {}

  /** A bean whose properties are declared out of alphabetical order. */
  public static class Order implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private String product;
    private int quantity;
    private Double price;
    private List<String> labels;
    private Item item;

    public Order() {}

    Order(String product, int quantity, Double price, List<String> labels, Item item) {
      this.product = product;
      this.quantity = quantity;
      this.price = price;
      this.labels = labels;
      this.item = item;
    }

    public String getProduct() {
      return product;
    }

    public int getQuantity() {
      return quantity;
    }

    public Double getPrice() {
      return price;
    }

    public List<String> getLabels() {
      return labels;
    }

    public Item getItem() {
      return item;
    }
  }

  public static class Item implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final long code;

    Item(long code) {
      this.code = code;
    }

    public long getCode() {
      return code;
    }
  }

  public static void run(SparkSession spark, String dataDir) {
    StructType flat = new StructType().add("flag", DataTypes.BooleanType).add("tiny", DataTypes.ByteType)
        .add("small", DataTypes.ShortType).add("n", DataTypes.IntegerType, false).add("big", DataTypes.LongType)
        .add("f", DataTypes.FloatType).add("d", DataTypes.DoubleType).add("s", DataTypes.StringType)
        .add("dec", DataTypes.createDecimalType(10, 2)).add("day", DataTypes.DateType)
        .add("ts", DataTypes.TimestampType).add("wall", DataTypes.TimestampNTZType)
        .add("span", DataTypes.createDayTimeIntervalType()).add("months", DataTypes.createYearMonthIntervalType());
    List<Row> rows = List.of(
        RowFactory.create(true, (byte) 1, (short) 2, 3, 4L, 1.5f, 2.5, "x", new BigDecimal("1.235"),
            java.sql.Date.valueOf("2024-01-02"), java.sql.Timestamp.valueOf("2024-01-02 03:04:05.123456"),
            java.time.LocalDateTime.of(2024, 1, 2, 3, 4, 5), java.time.Duration.ofMinutes(90),
            java.time.Period.of(1, 2, 0)),
        RowFactory.create(false, null, null, 7, null, null, -0.5, "yy", new BigDecimal("-3"),
            java.time.LocalDate.of(2020, 2, 29), java.time.Instant.parse("2020-01-01T00:00:00Z"), null, null,
            java.time.Period.ofMonths(5)),
        RowFactory.create(null, null, null, 9, null, null, null, null, null, null, null, null, null, null));
    Dataset<Row> frame = spark.createDataFrame(rows, flat);
    frame.printSchema();
    frame.show();
    frame.show(false);
    System.out.println(frame.collectAsList());
    frame.filter(col("n").gt(3)).selectExpr("n * 2 AS twice", "upper(s)", "dec + 1", "date_add(day, 1)").show();
    frame.groupBy(col("flag")).count().orderBy(col("flag")).show();

    StructType nested = new StructType().add("id", DataTypes.IntegerType)
        .add("numbers", DataTypes.createArrayType(DataTypes.IntegerType))
        .add("tags", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
        .add("point", new StructType().add("x", DataTypes.DoubleType).add("names",
            DataTypes.createArrayType(DataTypes.StringType)));
    Map<String, Long> tags = new LinkedHashMap<>();
    tags.put("a", 1L);
    tags.put("b", null);
    Dataset<Row> nestedFrame = spark.createDataFrame(List.of(
        RowFactory.create(1, List.of(1, 2), tags, RowFactory.create(0.5, List.of("p", "q"))),
        RowFactory.create(2, new Integer[] {3, null}, new LinkedHashMap<String, Long>(), RowFactory.create(null, null)),
        RowFactory.create(3, new int[] {4}, null, null)), nested);
    nestedFrame.printSchema();
    nestedFrame.show();
    System.out.println(nestedFrame.collectAsList());
    nestedFrame.selectExpr("id", "size(numbers)", "explode(numbers) AS number").show();

    Dataset<Row> empty = spark.emptyDataFrame();
    empty.printSchema();
    empty.show();
    System.out.println(empty.count() + " " + empty.columns().length);
    Dataset<Row> noRows = spark.createDataFrame(new ArrayList<Row>(), flat);
    noRows.select("n", "s").show();
    System.out.println(noRows.count());

    List<Order> orders = List.of(new Order("pen", 2, 1.25, List.of("office"), new Item(10)),
        new Order("ink", 1, null, null, null));
    Dataset<Row> beans = spark.createDataFrame(orders, Order.class);
    beans.printSchema();
    beans.show();
    System.out.println(beans.collectAsList());
    beans.join(frame, beans.col("quantity").equalTo(frame.col("tiny").plus(1)), "left")
        .select(beans.col("product"), frame.col("s")).orderBy(col("product")).show();
  }
}
