package dev.ember.runtime.operators.join;

import dev.ember.sql.types.DataType;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a join's probe finds the hash table its build pipeline made. The pipelines are wired before
 * anything runs, so the probe pipeline's kernels hold this handle; the build sink sets the table when
 * it finishes, which the scheduler does before it creates the probe pipeline's kernels.
 */
public final class JoinTableHandle {
  private final String description;
  private final AtomicReference<JoinHashTable> table = new AtomicReference<>();
  /**
   * Set while wiring, before the build runs: the key components scans filter on (so the table keeps a
   * bitmap of each one's values), and the types of all the join's key components.
   */
  private volatile List<Integer> filteredComponents = List.of();
  private volatile List<DataType> keyTypes = List.of();

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

  /**
   * Says that a scan filters on key component {@code component} of keys of {@code keyTypes}
   * ({@link JoinKeyFilter}), so the build side keeps a {@link KeyBitmap} of that component's values;
   * only while wiring, before the build runs.
   */
  public synchronized void filterOnComponent(int component, List<DataType> keyTypes) {
    if (component < 0 || component >= keyTypes.size()) {
      throw new IllegalArgumentException("component " + component + " of a key of " + keyTypes.size() + " components");
    }
    if (!this.keyTypes.isEmpty() && !this.keyTypes.equals(keyTypes)) {
      throw new IllegalArgumentException("key types " + keyTypes + " differ from " + this.keyTypes);
    }
    this.keyTypes = List.copyOf(keyTypes);
    List<Integer> components = new java.util.ArrayList<>(filteredComponents);
    if (!components.contains(component)) {
      components.add(component);
    }
    filteredComponents = List.copyOf(components);
  }

  /** The key components scans filter on, in the order they asked. */
  public List<Integer> filteredComponents() {
    return filteredComponents;
  }

  /** The types of the join's key components, once a scan filters on one of them. */
  public List<DataType> keyTypes() {
    return keyTypes;
  }

  public String description() {
    return description;
  }
}
