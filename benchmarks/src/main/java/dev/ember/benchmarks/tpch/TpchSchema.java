package dev.ember.benchmarks.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchTable;
import java.util.List;
import java.util.Objects;

/**
 * The column types a Spark user declares for TPC-H, from the generator's column kinds: keys
 * {@code BIGINT}, counts and sizes {@code INT}, money, quantities and rates {@code DECIMAL(15,2)} (the
 * spec's decimal), dates {@code DATE}, text {@code STRING}. DuckDB gets the same types under its names.
 */
public record TpchSchema(String table, List<Column> columns) {
  /** One column: its name, Spark SQL type and DuckDB type. */
  public record Column(String name, String sparkType, String duckDbType) {}

  public TpchSchema {
    Objects.requireNonNull(table, "table is null");
    columns = List.copyOf(columns);
  }

  /** The eight TPC-H tables in the generator's order. */
  public static List<TpchSchema> all() {
    return TpchTable.getTables().stream().map(TpchSchema::of).toList();
  }

  public static TpchSchema of(String table) {
    return of(TpchTable.getTable(table));
  }

  static TpchSchema of(TpchTable<?> table) {
    return new TpchSchema(table.getTableName(), table.getColumns().stream().map(TpchSchema::column).toList());
  }

  private static Column column(TpchColumn<?> column) {
    String name = column.getColumnName();
    return switch (column.getType().getBase()) {
      case IDENTIFIER -> new Column(name, "BIGINT", "BIGINT");
      case INTEGER -> new Column(name, "INT", "INTEGER");
      case DOUBLE -> new Column(name, "DECIMAL(15,2)", "DECIMAL(15,2)");
      case DATE -> new Column(name, "DATE", "DATE");
      case VARCHAR -> new Column(name, "STRING", "VARCHAR");
    };
  }

  /** The schema as Spark DDL, e.g. {@code "r_regionkey BIGINT, r_name STRING, r_comment STRING"}. */
  public String sparkDdl() {
    return String.join(", ", columns.stream().map(column -> column.name() + " " + column.sparkType()).toList());
  }

  /** The {@code columns} struct of DuckDB's {@code read_csv}, e.g. {@code {'r_regionkey': 'BIGINT', ...}}. */
  public String duckDbColumns() {
    return "{" + String.join(", ",
        columns.stream().map(column -> "'" + column.name() + "': '" + column.duckDbType() + "'").toList()) + "}";
  }

  public String[] columnNames() {
    return columns.stream().map(Column::name).toArray(String[]::new);
  }
}
