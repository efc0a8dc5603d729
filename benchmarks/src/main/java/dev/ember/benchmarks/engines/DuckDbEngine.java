package dev.ember.benchmarks.engines;

import dev.ember.benchmarks.tpch.TpchFiles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * DuckDB in-process (JDBC, in-memory database) with {@code threads = cores}, reading the same files
 * directly each time (nothing is loaded into DuckDB tables first).
 */
public final class DuckDbEngine implements QueryEngine {
  private final Connection connection;
  private final TpchFiles files;

  DuckDbEngine(int cores, TpchFiles files) throws SQLException {
    this.files = Objects.requireNonNull(files, "files is null");
    this.connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + cores);
    }
  }

  /** Fetches every row of the answer, as a JDBC client must to see it. */
  @Override
  public List<List<Object>> run(Workload workload) throws SQLException {
    String sql = workload.duckDbSql(files);
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new SQLException("DuckDB failed on " + workload + ": " + e.getMessage() + "\n" + sql, e);
    }
  }

  @Override
  public List<List<Object>> answer(Workload workload) throws SQLException {
    return run(workload);
  }

  @Override
  public String version() throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT version()")) {
      result.next();
      return "DuckDB " + result.getString(1);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB's connection did not close: " + e.getMessage(), e);
    }
  }
}
