package dev.ember.runtime.operators.join;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a join's probe finds the hash table its build pipeline made. The pipelines are wired before
 * anything runs, so the probe pipeline's kernels hold this handle; the build sink sets the table when
 * it finishes, which the scheduler does before it creates the probe pipeline's kernels.
 */
public final class JoinTableHandle {
  private final String description;
  private final AtomicReference<JoinHashTable> table = new AtomicReference<>();
  /** Set while wiring, before the build runs: a scan filters on the keys, so the table keeps a key bitmap. */
  private volatile boolean keyBitmapWanted;

  /** @param description the join, for error messages ({@code HashJoin [id#1], [id#3], Inner}) */
  public JoinTableHandle(String description) {
    this.description = description;
  }

  /** @throws IllegalStateException when the build side has not run (a scheduling bug) */
  public JoinHashTable table() {
    JoinHashTable built = table.get();
    if (built == null) {
      throw new IllegalStateException("the build side of " + description + " has not run (or was released)"
          + " before its probe started");
    }
    return built;
  }

  void set(JoinHashTable built) {
    if (!table.compareAndSet(null, built)) {
      throw new IllegalStateException("the build side of " + description + " ran twice");
    }
  }

  void clear(JoinHashTable built) {
    table.compareAndSet(built, null);
  }

  /** Asks the build side for {@link JoinHashTable#containsKey}'s bitmap; only before the build runs. */
  public void wantKeyBitmap() {
    keyBitmapWanted = true;
  }

  boolean keyBitmapWanted() {
    return keyBitmapWanted;
  }

  public String description() {
    return description;
  }
}
