package dev.ember.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Spark's storage levels, accepted by {@code Dataset.persist}. Ember keeps every persisted Dataset as
 * Arrow batches in memory, whatever the level says; the level is remembered and reported by
 * {@code Dataset.storageLevel()}. The constants are methods, as Java sees Spark's Scala object.
 */
public final class StorageLevel implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final StorageLevel NONE = new StorageLevel(false, false, false, false, 1);
  private static final StorageLevel DISK_ONLY = new StorageLevel(true, false, false, false, 1);
  private static final StorageLevel DISK_ONLY_2 = new StorageLevel(true, false, false, false, 2);
  private static final StorageLevel DISK_ONLY_3 = new StorageLevel(true, false, false, false, 3);
  private static final StorageLevel MEMORY_ONLY = new StorageLevel(false, true, false, true, 1);
  private static final StorageLevel MEMORY_ONLY_2 = new StorageLevel(false, true, false, true, 2);
  private static final StorageLevel MEMORY_ONLY_SER = new StorageLevel(false, true, false, false, 1);
  private static final StorageLevel MEMORY_ONLY_SER_2 = new StorageLevel(false, true, false, false, 2);
  private static final StorageLevel MEMORY_AND_DISK = new StorageLevel(true, true, false, true, 1);
  private static final StorageLevel MEMORY_AND_DISK_2 = new StorageLevel(true, true, false, true, 2);
  private static final StorageLevel MEMORY_AND_DISK_SER = new StorageLevel(true, true, false, false, 1);
  private static final StorageLevel MEMORY_AND_DISK_SER_2 = new StorageLevel(true, true, false, false, 2);
  private static final StorageLevel OFF_HEAP = new StorageLevel(true, true, true, false, 1);

  private final boolean useDisk;
  private final boolean useMemory;
  private final boolean useOffHeap;
  private final boolean deserialized;
  private final int replication;

  private StorageLevel(boolean useDisk, boolean useMemory, boolean useOffHeap, boolean deserialized,
      int replication) {
    this.useDisk = useDisk;
    this.useMemory = useMemory;
    this.useOffHeap = useOffHeap;
    this.deserialized = deserialized;
    this.replication = replication;
  }

  public static StorageLevel NONE() {
    return NONE;
  }

  public static StorageLevel DISK_ONLY() {
    return DISK_ONLY;
  }

  public static StorageLevel DISK_ONLY_2() {
    return DISK_ONLY_2;
  }

  public static StorageLevel DISK_ONLY_3() {
    return DISK_ONLY_3;
  }

  public static StorageLevel MEMORY_ONLY() {
    return MEMORY_ONLY;
  }

  public static StorageLevel MEMORY_ONLY_2() {
    return MEMORY_ONLY_2;
  }

  public static StorageLevel MEMORY_ONLY_SER() {
    return MEMORY_ONLY_SER;
  }

  public static StorageLevel MEMORY_ONLY_SER_2() {
    return MEMORY_ONLY_SER_2;
  }

  public static StorageLevel MEMORY_AND_DISK() {
    return MEMORY_AND_DISK;
  }

  public static StorageLevel MEMORY_AND_DISK_2() {
    return MEMORY_AND_DISK_2;
  }

  public static StorageLevel MEMORY_AND_DISK_SER() {
    return MEMORY_AND_DISK_SER;
  }

  public static StorageLevel MEMORY_AND_DISK_SER_2() {
    return MEMORY_AND_DISK_SER_2;
  }

  public static StorageLevel OFF_HEAP() {
    return OFF_HEAP;
  }

  public boolean useDisk() {
    return useDisk;
  }

  public boolean useMemory() {
    return useMemory;
  }

  public boolean useOffHeap() {
    return useOffHeap;
  }

  public boolean deserialized() {
    return deserialized;
  }

  public int replication() {
    return replication;
  }

  /** Spark's description, e.g. {@code StorageLevel(disk, memory, deserialized, 1 replicas)}. */
  public String description() {
    List<String> parts = new ArrayList<>();
    if (useDisk) {
      parts.add("disk");
    }
    if (useMemory) {
      parts.add(useOffHeap ? "offheap" : "memory");
    }
    if (deserialized) {
      parts.add("deserialized");
    }
    parts.add(replication + " replicas");
    return "StorageLevel(" + String.join(", ", parts) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StorageLevel level && level.useDisk == useDisk && level.useMemory == useMemory
        && level.useOffHeap == useOffHeap && level.deserialized == deserialized && level.replication == replication;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(useDisk, useMemory, useOffHeap, deserialized, replication);
  }

  @Override
  public String toString() {
    return description();
  }
}
