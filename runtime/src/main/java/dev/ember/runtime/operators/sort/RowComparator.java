package dev.ember.runtime.operators.sort;

/** An order over row numbers: negative when row {@code left} sorts before row {@code right}. */
@FunctionalInterface
interface RowComparator {
  int compare(int left, int right);

  /** Rows by each sort column in turn; equal rows compare 0 (a stable sort keeps their input order). */
  static RowComparator byColumns(SortColumn[] columns) {
    SortColumn[] copy = columns.clone();
    return (left, right) -> {
      for (SortColumn column : copy) {
        int result = column.compare(left, right);
        if (result != 0) {
          return result;
        }
      }
      return 0;
    };
  }
}
