package dev.ember.runtime.operators.aggregate;

import dev.ember.runtime.memory.OperatorMemory;
import dev.ember.runtime.pipeline.SinkPartition;
import dev.ember.sql.types.DecimalType;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.apache.arrow.memory.AllocationReservation;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.util.MemoryUtil;

/**
 * One worker's hash table of groups and their partial aggregates, driven row by row by generated
 * code: {@code beginKey(); keyLong(k); int g = findOrInsertGroup(); sumLong(g, 0, v);}. Final, with
 * primitive arguments only, so the per-row calls inline and allocate nothing.
 *
 * <p>Keys are serialized into a scratch buffer (per component a tag byte, 0 for null and 1 for a
 * value, then 8 bytes for integral, date, timestamp, boolean and floating values, 16 for decimals, or
 * a 4-byte length and the bytes), zero-padded to whole words, hashed, and looked up by open
 * addressing with linear probing. A slot holds the hash's high 32 bits as a tag and the group id + 1.
 * Groups are numbered densely in insertion order; their keys are appended to one key buffer and their
 * aggregate state lives in fixed-width rows (see {@link AccumulatorLayout}).
 *
 * <p>Keys that fit in two words ({@link CompactKeyLayout}: fixed-width components and short strings)
 * are instead built by generated code in locals and passed to {@link #findOrInsertGroup(long, long,
 * int)}; slots then hold the key words themselves, so a lookup hashes registers and compares words
 * without touching the scratch buffer. The serialized key is still appended for every new group (the
 * output and merges read it). Keys given through the serialized calls (interpreted kernels) are read
 * back into words. The table falls back to serialized keys for good when a string is longer than its
 * word holds. Tables still on words also merge on words (see {@link PartitionedMerge}).
 *
 * <p>Decimal sums and averages add in a long while the running sum and the value fit in one (see
 * {@code addLongDecimal}); the state keeps its 128-bit layout, so only additions that leave the long
 * range take the 128-bit, precision-checked path.
 *
 * <p>Every buffer comes from the partition's allocator and is reserved before the table grows: an
 * allocation refused by the memory limit fails the query with {@code UNABLE_TO_ACQUIRE_MEMORY} before
 * any state changes.
 *
 * <p>{@code OBJECT} accumulators keep each group's state on the heap ({@link GroupState}); a row
 * stages its arguments ({@code stageLong(slot, 0, v)}, ...) and then calls {@code updateObject}. The
 * states' estimated growth is reserved from the same allocator (an accounting-only reservation, taken
 * in chunks), so the memory limit covers them too.
 *
 * <p>Each group also remembers where it was first seen (morsel index, then call number within the
 * morsel): merged partitions are output in that order, so the result is the same for any number of
 * workers. A table built by a merge keeps there, instead, the group's rank in that order.
 */
public final class HashAggregationTable implements SinkPartition {
  private static final String OPERATOR = "hash aggregate";
  private static final int INITIAL_GROUPS = 1024;
  private static final long TAG_MASK = 0xFFFFFFFF00000000L;
  /** Largest fixed-width key component: tag + 16-byte decimal. */
  private static final int MAX_FIXED_COMPONENT = 17;

  private final BufferAllocator allocator;
  private final AggregationSpec spec;
  private final AccumulatorLayout layout;
  private final int[] slotOffsets;
  private final int stateBytes;
  private final int keyCount;
  private final boolean ansiEnabled;
  /** Per slot of a decimal sum or average: 10^precision of its running sum, as low and high halves. */
  private final long[][] decimalBounds;
  /**
   * Per slot of a decimal sum or average: the same bound when it is below 2^63, else Long.MAX_VALUE
   * (every long then fits the precision), for sums kept in the low word while they fit in a long.
   */
  private final long[] decimalLongBounds;
  /** Whether a group new to a merge may take its source's state row as it is (see mergeState). */
  private final boolean statesCopyOnInsert;
  /** Whether decimal sums take the long fast path; false only to measure the 128-bit path alone. */
  private final boolean longDecimalSums;

  /** Where key components sit in a two-word key, or null when the keys do not fit in two words. */
  private final CompactKeyLayout compactLayout;
  /** Whether the slots hold two-word keys (see findOrInsertGroup(long, long, int)) rather than tags. */
  private boolean compactKeys;
  /** Key words per compact slot (1 or 2); a slot is those words, then (null mask << 32 | group + 1). */
  private final int compactWords;
  private final int compactStride;
  /**
   * Per string component of the row being added, a value too long for its word (address and length;
   * length -1 when none): the row then goes through the serialized keys.
   */
  private final long[] pendingStringAddresses;
  private final int[] pendingStringLengths;
  private boolean stringPending;

  private ArrowBuf scratch;
  private long scratchAddress;
  private int keyLength;

  private ArrowBuf slots;
  private long slotsAddress;
  private int slotMask;

  private int groupCount;
  private int groupCapacity;
  /** groupCapacity + 1 longs: group g's padded key is [keyOffsets[g], keyOffsets[g + 1]). */
  private ArrowBuf keyOffsets;
  private long keyOffsetsAddress;
  private ArrowBuf keyData;
  private long keyDataAddress;
  private long keyDataUsed;
  private ArrowBuf states;
  private long statesAddress;
  private ArrowBuf firstSeen;
  private long firstSeenAddress;
  /** Bytes of string and binary MIN/MAX values. */
  private ArrowBuf varData;
  private long varDataAddress;
  private long varDataUsed;

  /** The words of the last key {@link #readKeyWords} read. */
  private long readWord0;
  private long readWord1;
  private int readNulls;

  private int morselIndex;
  private long callInMorsel;
  /** Where the row being added was seen (morsel, then call), for order-dependent object states. */
  private long currentPosition;
  private boolean closed;

  /** Per slot: the groups' heap states (OBJECT slots only, else null), created on first update. */
  private final GroupState[][] objectStates;
  /** Per OBJECT slot: the current row's boxed arguments. */
  private final Object[][] staged;
  private AllocationReservation reservation;
  private long reservedBytes;
  private long objectBytes;
  private static final long RESERVATION_CHUNK = 1 << 20;
  /**
   * System property that, when true, turns off the long fast path of decimal sums (every addition then
   * takes the 128-bit path), to compare the two in benchmarks.
   */
  public static final String INT128_SUMS_PROPERTY = "ember.aggregate.int128DecimalSums";
  /**
   * System property that, when true, makes generated code build every key in the scratch buffer
   * (beginKey, keyX, findOrInsertGroup()) instead of in two words, to compare the two in benchmarks.
   */
  public static final String SERIALIZED_KEYS_PROPERTY = "ember.aggregate.serializedKeys";

  /** A table with Spark's ANSI semantics ({@code spark.sql.ansi.enabled=true}, Spark 4's default). */
  public HashAggregationTable(AggregationSpec spec, BufferAllocator allocator) {
    this(spec, allocator, true);
  }

  /**
   * With {@code ansiEnabled} false, overflow follows {@code spark.sql.ansi.enabled=false}: a bigint sum
   * wraps around, and a decimal sum or average whose running sum leaves its buffer's precision is null.
   */
  public HashAggregationTable(AggregationSpec spec, BufferAllocator allocator, boolean ansiEnabled) {
    this(spec, allocator, ansiEnabled, INITIAL_GROUPS, true);
  }

  /**
   * A table with room for {@code initialGroups} (rounded up to a power of two) before it grows; with
   * {@code compactKeysAllowed} false it starts on serialized keys even when the key types fit in words
   * (a merge of tables of which one already left the words).
   */
  HashAggregationTable(AggregationSpec spec, BufferAllocator allocator, boolean ansiEnabled, int initialGroups,
      boolean compactKeysAllowed) {
    this.spec = Objects.requireNonNull(spec, "spec is null");
    this.ansiEnabled = ansiEnabled;
    this.allocator = Objects.requireNonNull(allocator, "allocator is null");
    this.layout = new AccumulatorLayout(spec.accumulators());
    this.slotOffsets = layout.offsets();
    this.stateBytes = layout.rowBytes();
    this.keyCount = spec.keyTypes().size();
    this.decimalBounds = decimalBounds(layout);
    this.decimalLongBounds = decimalLongBounds(decimalBounds);
    this.longDecimalSums = !Boolean.getBoolean(INT128_SUMS_PROPERTY);
    this.statesCopyOnInsert = statesCopyOnInsert(layout);
    this.compactLayout = keyCount == 0 ? null : CompactKeyLayout.of(spec.keyTypes()).orElse(null);
    this.compactKeys = compactLayout != null && compactKeysAllowed;
    this.compactWords = compactLayout != null && compactLayout.usesSecondWord() ? 2 : 1;
    this.compactStride = 8 * (compactWords + 1);
    this.pendingStringAddresses = new long[keyCount];
    this.pendingStringLengths = new int[keyCount];
    Arrays.fill(pendingStringLengths, -1);
    this.objectStates = new GroupState[layout.size()][];
    this.staged = new Object[layout.size()][];
    try {
      scratch = OperatorMemory.allocateZeroed(allocator, 64 + (long) MAX_FIXED_COMPONENT * keyCount, OPERATOR);
      scratchAddress = scratch.memoryAddress();
      if (keyCount == 0) {
        initialGroups = 1;
      } else {
        initialGroups = Integer.highestOneBit(Math.max(INITIAL_GROUPS, Math.min(initialGroups, 1 << 28)) - 1) << 1;
      }
      slots = OperatorMemory.allocateZeroed(
          allocator, (compactKeys ? compactStride : 8L) * initialGroups * 2, OPERATOR);
      slotsAddress = slots.memoryAddress();
      slotMask = initialGroups * 2 - 1;
      groupCapacity = initialGroups;
      keyOffsets = OperatorMemory.allocateZeroed(allocator, 8L * (initialGroups + 1), OPERATOR);
      keyOffsetsAddress = keyOffsets.memoryAddress();
      keyData = OperatorMemory.allocateZeroed(allocator, keyCount == 0 ? 8 : 16L * initialGroups, OPERATOR);
      keyDataAddress = keyData.memoryAddress();
      states = OperatorMemory.allocateZeroed(allocator, (long) stateBytes * initialGroups, OPERATOR);
      statesAddress = states.memoryAddress();
      firstSeen = OperatorMemory.allocateZeroed(allocator, 8L * initialGroups, OPERATOR);
      firstSeenAddress = firstSeen.memoryAddress();
      varData = OperatorMemory.allocateZeroed(allocator, 64, OPERATOR);
      varDataAddress = varData.memoryAddress();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    for (int slot = 0; slot < layout.size(); slot++) {
      ObjectAggregate aggregate = layout.spec(slot).objectAggregate();
      if (aggregate != null) {
        objectStates[slot] = new GroupState[groupCapacity];
        staged[slot] = new Object[aggregate.argumentTypes().size()];
      }
    }
    if (keyCount == 0) {
      // A global aggregate has exactly one group, even over no rows (count 0, sum null).
      groupCount = 1;
    }
  }

  /**
   * 10^p per decimal slot, where p is the precision of Spark's sum buffer: the result's for a sum,
   * {@code min(38, input precision + 10)} for an average.
   */
  private static long[][] decimalBounds(AccumulatorLayout layout) {
    long[][] bounds = new long[layout.size()][];
    for (int slot = 0; slot < layout.size(); slot++) {
      AccumulatorSpec accumulator = layout.spec(slot);
      int precision = switch (accumulator.kind()) {
        case SUM_DECIMAL -> ((DecimalType) accumulator.resultType()).precision();
        case AVG_DECIMAL -> sumPrecisionOfAverage((DecimalType) accumulator.inputType());
        default -> -1;
      };
      if (precision > 0) {
        BigInteger bound = BigInteger.TEN.pow(precision);
        bounds[slot] = new long[] {Int128.low(bound), Int128.high(bound)};
      }
    }
    return bounds;
  }

  private static long[] decimalLongBounds(long[][] decimalBounds) {
    long[] bounds = new long[decimalBounds.length];
    for (int slot = 0; slot < bounds.length; slot++) {
      long[] bound = decimalBounds[slot];
      if (bound != null) {
        bounds[slot] = bound[1] == 0 && bound[0] > 0 ? bound[0] : Long.MAX_VALUE;
      }
    }
    return bounds;
  }

  /** Spark sums an average's decimal input as {@code decimal(min(38, p + 10), s)}. */
  static int sumPrecisionOfAverage(DecimalType input) {
    return Math.min(DecimalType.MAX_PRECISION, input.precision() + 10);
  }

  public AggregationSpec spec() {
    return spec;
  }

  /** Whether overflow fails the query (Spark's ANSI mode) or gives a wrapped or null result. */
  public boolean ansiEnabled() {
    return ansiEnabled;
  }

  public int groupCount() {
    return groupCount;
  }

  /** Whether groups are looked up by two-word keys (false once a key did not fit). */
  boolean usesCompactKeys() {
    return compactKeys;
  }

  @Override
  public void beginMorsel(int morselIndex) {
    this.morselIndex = morselIndex;
    this.callInMorsel = 0;
  }

  // ---- key building ----------------------------------------------------------------------------

  public void beginKey() {
    keyLength = 0;
  }

  public void keyNull() {
    MemoryUtil.putByte(scratchAddress + keyLength, (byte) 0);
    keyLength += 1;
  }

  private void keyWord(long value) {
    long address = scratchAddress + keyLength;
    MemoryUtil.putByte(address, (byte) 1);
    MemoryUtil.putLong(address + 1, value);
    keyLength += 9;
  }

  public void keyBoolean(boolean value) {
    keyWord(value ? 1 : 0);
  }

  /** Also byte, short and date (days) keys. */
  public void keyInt(int value) {
    keyWord(value);
  }

  /** Also timestamp (microseconds) keys. */
  public void keyLong(long value) {
    keyWord(value);
  }

  /** Spark groups -0.0 with 0.0 and every NaN together. */
  public void keyFloat(float value) {
    keyWord(value == 0.0f ? 0 : Float.floatToIntBits(value));
  }

  /** Spark groups -0.0 with 0.0 and every NaN together. */
  public void keyDouble(double value) {
    keyWord(value == 0.0 ? 0 : Double.doubleToLongBits(value));
  }

  /** A decimal's 128-bit unscaled value as Arrow stores it: low half, then high half. */
  public void keyDecimal(long low, long high) {
    long address = scratchAddress + keyLength;
    MemoryUtil.putByte(address, (byte) 1);
    MemoryUtil.putLong(address + 1, low);
    MemoryUtil.putLong(address + 9, high);
    keyLength += 17;
  }

  /** String or binary bytes at an off-heap address (e.g. an Arrow data buffer plus the value's offset). */
  public void keyBytes(long address, int length) {
    ensureScratch((long) keyLength + 5 + length);
    long target = scratchAddress + keyLength;
    MemoryUtil.putByte(target, (byte) 1);
    MemoryUtil.putInt(target + 1, length);
    MemoryUtil.copyMemory(address, target + 5, length);
    keyLength += 5 + length;
  }

  private void ensureScratch(long needed) {
    // Room for the remaining fixed-width components and the zero padding word as well.
    long required = needed + (long) MAX_FIXED_COMPONENT * keyCount + 8;
    if (required > scratch.capacity()) {
      scratch = OperatorMemory.grow(allocator, scratch, keyLength, Math.max(required, scratch.capacity() * 2), OPERATOR);
      scratchAddress = scratch.memoryAddress();
    }
  }

  /** The dense id (0, 1, 2, ...) of the group of the key just built, inserting it when new. */
  public int findOrInsertGroup() {
    long position = ((long) morselIndex << 32) | (callInMorsel++ & 0xFFFFFFFFL);
    currentPosition = position;
    if (keyCount == 0) {
      return 0;
    }
    if (compactKeys) {
      // Interpreted kernels (which run first while the generated class compiles) use these calls:
      // their keys go in as words too, so the generated kernel finds the table still on words.
      int group = findOrInsertScratchAsWords(position);
      if (group >= 0) {
        return group;
      }
      switchToSerializedKeys();
    }
    return findOrInsert(position);
  }

  /** Looks the scratch key up by its words, or returns -1 when a string is too long for its word. */
  private int findOrInsertScratchAsWords(long position) {
    if (!readKeyWords(scratchAddress)) {
      return -1;
    }
    return findOrInsertWords(readWord0, readWord1, readNulls, position);
  }

  /**
   * Reads the serialized key at {@code address} into {@link #readWord0}, {@link #readWord1} and
   * {@link #readNulls} as {@link CompactKeyLayout} places its components; false (and the fields
   * undefined) when a string is too long for its word.
   */
  private boolean readKeyWords(long address) {
    long word0 = 0;
    long word1 = 0;
    int nulls = 0;
    for (int component = 0; component < keyCount; component++) {
      if (MemoryUtil.getByte(address) == 0) {
        nulls |= 1 << component;
        address += 1;
        continue;
      }
      int shift = compactLayout.shift(component);
      long bits;
      switch (compactLayout.encoding(component)) {
        case BYTES -> {
          int length = MemoryUtil.getInt(address + 1);
          if (length > CompactKeyLayout.stringCapacity(shift)) {
            return false;
          }
          bits = (length | (shortBytes(address + 5, length) << 8)) << shift;
          address += 5 + length;
        }
        case DECIMAL -> {
          bits = MemoryUtil.getLong(address + 1);
          address += 17;
        }
        case BOOLEAN -> {
          bits = (MemoryUtil.getLong(address + 1) & 0xFF) << shift;
          address += 9;
        }
        case INT, FLOAT -> {
          bits = (MemoryUtil.getLong(address + 1) & 0xFFFFFFFFL) << shift;
          address += 9;
        }
        default -> {
          bits = MemoryUtil.getLong(address + 1);
          address += 9;
        }
      }
      if (compactLayout.word(component) == 0) {
        word0 |= bits;
      } else {
        word1 |= bits;
      }
    }
    readWord0 = word0;
    readWord1 = word1;
    readNulls = nulls;
    return true;
  }

  // ---- keys built in registers -----------------------------------------------------------------

  /**
   * The dense id of the group of a key built in two words as {@link CompactKeyLayout} places its
   * components, inserting it when new; {@code nulls} has bit k set when component k is null. Only for
   * tables whose key types have a compact layout. Strings go in through {@link #stringKeyBits} first.
   */
  public int findOrInsertGroup(long word0, long word1, int nulls) {
    long position = ((long) morselIndex << 32) | (callInMorsel++ & 0xFFFFFFFFL);
    currentPosition = position;
    if (!compactKeys || stringPending) {
      return findOrInsertSerialized(word0, word1, nulls, position);
    }
    return findOrInsertWords(word0, word1, nulls, position);
  }

  private int findOrInsertWords(long word0, long word1, int nulls, long position) {
    long hash = KeyHash.hashWords(word0, word1, nulls);
    long nullBits = (long) nulls << 32;
    int entryOffset = compactWords << 3;
    int index = (int) hash & slotMask;
    while (true) {
      long address = slotsAddress + (long) index * compactStride;
      long entry = MemoryUtil.getLong(address + entryOffset);
      if (entry == 0) {
        return insertCompact(address, word0, word1, nulls, position);
      }
      if ((entry & TAG_MASK) == nullBits && MemoryUtil.getLong(address) == word0
          && (compactWords == 1 || MemoryUtil.getLong(address + 8) == word1)) {
        return (int) entry - 1;
      }
      index = (index + 1) & slotMask;
    }
  }

  /**
   * A string or binary key component's bits in its word ({@code shift} is the layout's): its length
   * byte, then its bytes. A value longer than the word holds is remembered instead (0 is returned) and
   * sends the row, and from then on the table, to the serialized keys.
   */
  public long stringKeyBits(int component, int shift, long address, int length) {
    if (length > CompactKeyLayout.stringCapacity(shift)) {
      pendingStringAddresses[component] = address;
      pendingStringLengths[component] = length;
      stringPending = true;
      return 0L;
    }
    return (length | (shortBytes(address, length) << 8)) << shift;
  }

  /** Up to 7 bytes at {@code address} as a little-endian long, reading no byte past them. */
  private static long shortBytes(long address, int length) {
    long bits = 0;
    int offset = 0;
    if ((length & 4) != 0) {
      bits = MemoryUtil.getInt(address) & 0xFFFFFFFFL;
      offset = 4;
    }
    if ((length & 2) != 0) {
      bits |= (MemoryUtil.getShort(address + offset) & 0xFFFFL) << (offset << 3);
      offset += 2;
    }
    if ((length & 1) != 0) {
      bits |= (MemoryUtil.getByte(address + offset) & 0xFFL) << (offset << 3);
    }
    return bits;
  }

  /** A float key's bits as Spark groups floats: -0.0 with 0.0 and every NaN together. */
  public static int floatKeyBits(float value) {
    return value == 0.0f ? 0 : Float.floatToIntBits(value);
  }

  /** A double key's bits as Spark groups doubles: -0.0 with 0.0 and every NaN together. */
  public static long doubleKeyBits(double value) {
    return value == 0.0 ? 0 : Double.doubleToLongBits(value);
  }

  private int insertCompact(long slotAddress, long word0, long word1, int nulls, long position) {
    serializeWords(word0, word1, nulls);
    int group = appendGroup(padScratch(), position);
    MemoryUtil.putLong(slotAddress, word0);
    if (compactWords == 2) {
      MemoryUtil.putLong(slotAddress + 8, word1);
    }
    MemoryUtil.putLong(slotAddress + ((long) compactWords << 3), ((long) nulls << 32) | (group + 1));
    if (groupCount > (slotMask + 1) >>> 1) {
      rehashCompact();
    }
    return group;
  }

  private int findOrInsertSerialized(long word0, long word1, int nulls, long position) {
    if (compactLayout == null) {
      throw new IllegalStateException("two-word keys given to a hash aggregate whose key types "
          + spec.keyTypes() + " have no two-word layout");
    }
    if (compactKeys) {
      switchToSerializedKeys();
    }
    serializeWords(word0, word1, nulls);
    if (stringPending) {
      Arrays.fill(pendingStringLengths, -1);
      stringPending = false;
    }
    return findOrInsert(position);
  }

  /** Writes the serialized form of a two-word key into the scratch buffer, as the keyX calls would. */
  private void serializeWords(long word0, long word1, int nulls) {
    keyLength = 0;
    for (int component = 0; component < keyCount; component++) {
      if ((nulls >>> component & 1) != 0) {
        keyNull();
        continue;
      }
      long word = compactLayout.word(component) == 0 ? word0 : word1;
      long bits = word >>> compactLayout.shift(component);
      switch (compactLayout.encoding(component)) {
        case BOOLEAN -> keyWord(bits & 0xFF);
        case INT, FLOAT -> keyWord((int) bits);
        case LONG, DOUBLE -> keyWord(bits);
        case DECIMAL -> keyDecimal(bits, bits >> 63);
        case BYTES -> {
          int pending = pendingStringLengths[component];
          if (pending >= 0) {
            keyBytes(pendingStringAddresses[component], pending);
          } else {
            ensureScratch((long) keyLength + 13);
            long target = scratchAddress + keyLength;
            int length = (int) (bits & 0xFF);
            MemoryUtil.putByte(target, (byte) 1);
            MemoryUtil.putInt(target + 1, length);
            // The bits above the string's bytes are zero, as the padding of the serialized key is.
            MemoryUtil.putLong(target + 5, bits >>> 8);
            keyLength += 5 + length;
          }
        }
      }
    }
  }

  /** Rebuilds 8-byte tag slots from the serialized keys; the table stays on them for good. */
  private void switchToSerializedKeys() {
    rebuildSerializedSlots(slotMask + 1);
    compactKeys = false;
  }

  private void rehashCompact() {
    int slotCount = (slotMask + 1) * 2;
    ArrowBuf grown = OperatorMemory.allocateZeroed(allocator, (long) compactStride * slotCount, OPERATOR);
    long grownAddress = grown.memoryAddress();
    int mask = slotCount - 1;
    int entryOffset = compactWords << 3;
    for (int old = 0; old <= slotMask; old++) {
      long from = slotsAddress + (long) old * compactStride;
      long entry = MemoryUtil.getLong(from + entryOffset);
      if (entry == 0) {
        continue;
      }
      long word0 = MemoryUtil.getLong(from);
      long word1 = compactWords == 2 ? MemoryUtil.getLong(from + 8) : 0L;
      int index = (int) KeyHash.hashWords(word0, word1, (int) (entry >>> 32)) & mask;
      while (MemoryUtil.getLong(grownAddress + (long) index * compactStride + entryOffset) != 0) {
        index = (index + 1) & mask;
      }
      long to = grownAddress + (long) index * compactStride;
      MemoryUtil.putLong(to, word0);
      if (compactWords == 2) {
        MemoryUtil.putLong(to + 8, word1);
      }
      MemoryUtil.putLong(to + entryOffset, entry);
    }
    slots.close();
    slots = grown;
    slotsAddress = grownAddress;
    slotMask = mask;
  }

  /** Zero-pads the scratch key to whole words; returns its padded length. */
  private int padScratch() {
    MemoryUtil.putLong(scratchAddress + keyLength, 0L);
    return (keyLength + 7) & ~7;
  }

  private int findOrInsert(long position) {
    int padded = padScratch();
    long hash = KeyHash.hash(scratchAddress, padded);
    long tag = hash & TAG_MASK;
    int index = (int) hash & slotMask;
    while (true) {
      long slot = MemoryUtil.getLong(slotsAddress + ((long) index << 3));
      if (slot == 0) {
        return insert(index, tag, padded, position);
      }
      if ((slot & TAG_MASK) == tag) {
        int group = (int) slot - 1;
        long keyStart = MemoryUtil.getLong(keyOffsetsAddress + ((long) group << 3));
        long keyEnd = MemoryUtil.getLong(keyOffsetsAddress + ((long) (group + 1) << 3));
        if (keyEnd - keyStart == padded && KeyHash.equal(keyDataAddress + keyStart, scratchAddress, padded)) {
          return group;
        }
      }
      index = (index + 1) & slotMask;
    }
  }

  private int insert(int index, long tag, int padded, long position) {
    int group = appendGroup(padded, position);
    MemoryUtil.putLong(slotsAddress + ((long) index << 3), tag | (group + 1));
    if (groupCount > (slotMask + 1) >>> 1) {
      rehash();
    }
    return group;
  }

  /** Adds a group with the scratch key (padded to {@code padded} bytes); the caller fills its slot. */
  private int appendGroup(int padded, long position) {
    // Reserve everything first, so a refused allocation leaves the table unchanged.
    if (groupCount == groupCapacity) {
      growGroups();
    }
    if (keyDataUsed + padded > keyData.capacity()) {
      keyData = OperatorMemory.grow(
          allocator, keyData, keyDataUsed, Math.max(keyDataUsed + padded, keyData.capacity() * 2), OPERATOR);
      keyDataAddress = keyData.memoryAddress();
    }
    int group = groupCount++;
    MemoryUtil.copyMemory(scratchAddress, keyDataAddress + keyDataUsed, padded);
    keyDataUsed += padded;
    MemoryUtil.putLong(keyOffsetsAddress + ((long) (group + 1) << 3), keyDataUsed);
    MemoryUtil.putLong(firstSeenAddress + ((long) group << 3), position);
    return group;
  }

  private void growGroups() {
    if (groupCapacity >= (1 << 29)) {
      throw new IllegalStateException("hash aggregate supports at most " + (1 << 29) + " groups per worker");
    }
    int capacity = groupCapacity * 2;
    keyOffsets = OperatorMemory.grow(allocator, keyOffsets, 8L * (groupCount + 1), 8L * (capacity + 1), OPERATOR);
    keyOffsetsAddress = keyOffsets.memoryAddress();
    states = OperatorMemory.grow(allocator, states, (long) stateBytes * groupCount, (long) stateBytes * capacity, OPERATOR);
    statesAddress = states.memoryAddress();
    firstSeen = OperatorMemory.grow(allocator, firstSeen, 8L * groupCount, 8L * capacity, OPERATOR);
    firstSeenAddress = firstSeen.memoryAddress();
    for (int slot = 0; slot < objectStates.length; slot++) {
      if (objectStates[slot] != null) {
        reserveObjectBytes(8L * (capacity - groupCapacity));
        objectStates[slot] = Arrays.copyOf(objectStates[slot], capacity);
      }
    }
    groupCapacity = capacity;
  }

  private void rehash() {
    rebuildSerializedSlots((slotMask + 1) * 2);
  }

  private void rebuildSerializedSlots(int slotCount) {
    ArrowBuf grown = OperatorMemory.allocateZeroed(allocator, 8L * slotCount, OPERATOR);
    long grownAddress = grown.memoryAddress();
    int mask = slotCount - 1;
    for (int group = 0; group < groupCount; group++) {
      long keyStart = MemoryUtil.getLong(keyOffsetsAddress + ((long) group << 3));
      long keyEnd = MemoryUtil.getLong(keyOffsetsAddress + ((long) (group + 1) << 3));
      long hash = KeyHash.hash(keyDataAddress + keyStart, (int) (keyEnd - keyStart));
      int index = (int) hash & mask;
      while (MemoryUtil.getLong(grownAddress + ((long) index << 3)) != 0) {
        index = (index + 1) & mask;
      }
      MemoryUtil.putLong(grownAddress + ((long) index << 3), (hash & TAG_MASK) | (group + 1));
    }
    slots.close();
    slots = grown;
    slotsAddress = grownAddress;
    slotMask = mask;
  }

  // ---- per-row updates -------------------------------------------------------------------------

  private long state(int group, int slot) {
    return statesAddress + (long) group * stateBytes + slotOffsets[slot];
  }

  /**
   * Address of group 0's state of {@code slot}; group g's is this plus g times {@link #stateBytes()}.
   * Valid until the next group is inserted (the states may then move): for updating a batch whose
   * groups were all found first, with the {@code ...At} methods.
   */
  public long slotBase(int slot) {
    return statesAddress + slotOffsets[slot];
  }

  /** Bytes of one group's state row (see {@link #slotBase}). */
  public int stateBytes() {
    return stateBytes;
  }

  /** COUNT (a non-null input) and COUNT_ROWS (a row). */
  public void count(int group, int slot) {
    countAt(state(group, slot), slot);
  }

  /** {@link #count} on the state at {@code address} (see {@link #slotBase}). */
  public void countAt(long address, int slot) {
    MemoryUtil.putLong(address, MemoryUtil.getLong(address) + 1);
  }

  /** A sum leaving the bigint range fails with ARITHMETIC_OVERFLOW under ANSI, else wraps around, as in Spark. */
  public void sumLong(int group, int slot, long value) {
    sumLongAt(state(group, slot), slot, value);
  }

  /** {@link #sumLong} on the state at {@code address} (see {@link #slotBase}). */
  public void sumLongAt(long address, int slot, long value) {
    long sum = MemoryUtil.getLong(address + 8);
    long result = sum + value;
    if (((sum ^ result) & (value ^ result)) < 0 && ansiEnabled) {
      throw AggregateErrors.longSumOverflow();
    }
    MemoryUtil.putLong(address, 1);
    MemoryUtil.putLong(address + 8, result);
  }

  public void sumDouble(int group, int slot, double value) {
    sumDoubleAt(state(group, slot), slot, value);
  }

  /** {@link #sumDouble} on the state at {@code address} (see {@link #slotBase}). */
  public void sumDoubleAt(long address, int slot, double value) {
    MemoryUtil.putLong(address, 1);
    putDouble(address + 8, getDouble(address + 8) + value);
  }

  /** Exact 128-bit sum, checked against the result precision after every addition, as Spark does. */
  public void sumDecimal(int group, int slot, long low, long high) {
    sumDecimalAt(state(group, slot), slot, low, high);
  }

  /** {@link #sumDecimal} on the state at {@code address} (see {@link #slotBase}). */
  public void sumDecimalAt(long address, int slot, long low, long high) {
    if (!addLongDecimal(address + 8, slot, low, high)) {
      addDecimal(address + 8, slot, low, high, AccumulatorKind.SUM_DECIMAL);
    }
    MemoryUtil.putLong(address, 1);
  }

  /**
   * The common case of a decimal addition: running sum and value both fit in a long, and so does their
   * sum, within the slot's precision. Adds and returns true, or changes nothing and returns false (the
   * 128-bit path then decides, and errors or overflows exactly as it always did). The high word is
   * kept as the low word's sign, so the state stays a valid 128-bit value for every reader.
   */
  private boolean addLongDecimal(long address, int slot, long low, long high) {
    long sum = MemoryUtil.getLong(address);
    long result = sum + low;
    long bound = decimalLongBounds[slot];
    if (!longDecimalSums || MemoryUtil.getLong(address + 8) != sum >> 63 || high != low >> 63
        || ((sum ^ result) & (low ^ result)) < 0 || result >= bound || result <= -bound) {
      return false;
    }
    MemoryUtil.putLong(address, result);
    MemoryUtil.putLong(address + 8, result >> 63);
    return true;
  }

  private void addDecimal(long address, int slot, long low, long high, AccumulatorKind kind) {
    long sumLow = MemoryUtil.getLong(address);
    long sumHigh = MemoryUtil.getLong(address + 8);
    // Spark keeps the running sum in a buffer of the sum's precision: leaving it fails under ANSI and
    // otherwise turns the sum to null for good (Spark 4.2, grouped or not, whole-stage codegen off).
    if (isOverflowed(sumLow, sumHigh) || isOverflowed(low, high)
        || Int128.addOverflows(sumLow, sumHigh, low, high)) {
      overflow(address, kind);
      return;
    }
    long resultHigh = Int128.addHigh(sumLow, sumHigh, low, high);
    long resultLow = sumLow + low;
    if (!fitsPrecision(resultLow, resultHigh, decimalBounds[slot])) {
      overflow(address, kind);
      return;
    }
    MemoryUtil.putLong(address + 8, resultHigh);
    MemoryUtil.putLong(address, resultLow);
  }

  /**
   * Without ANSI, an overflowed decimal sum is kept as -2^127, a value no 38-digit decimal has: it stays
   * overflowed through later additions and merges, and its result is null.
   */
  static boolean isOverflowed(long low, long high) {
    return low == 0 && high == Long.MIN_VALUE;
  }

  private void overflow(long address, AccumulatorKind kind) {
    if (ansiEnabled) {
      throw AggregateErrors.decimalSumOverflow(kind);
    }
    MemoryUtil.putLong(address, 0);
    MemoryUtil.putLong(address + 8, Long.MIN_VALUE);
  }

  /** Whether {@code |value| < bound}, for a bound 10^p given as {low, high}. */
  static boolean fitsPrecision(long low, long high, long[] bound) {
    if (high < 0) {
      // -value < bound: compare value with -bound, i.e. value > -bound.
      long negatedLow = -bound[0];
      long negatedHigh = ~bound[1] + (bound[0] == 0 ? 1 : 0);
      return Int128.compare(low, high, negatedLow, negatedHigh) > 0;
    }
    return Int128.compare(low, high, bound[0], bound[1]) < 0;
  }

  /** Spark averages integral input as doubles: the sum is a double sum of the converted values. */
  public void avgLong(int group, int slot, long value) {
    avgDouble(group, slot, (double) value);
  }

  public void avgLongAt(long address, int slot, long value) {
    avgDoubleAt(address, slot, (double) value);
  }

  public void avgDouble(int group, int slot, double value) {
    avgDoubleAt(state(group, slot), slot, value);
  }

  /** {@link #avgDouble} on the state at {@code address} (see {@link #slotBase}). */
  public void avgDoubleAt(long address, int slot, double value) {
    MemoryUtil.putLong(address, MemoryUtil.getLong(address) + 1);
    putDouble(address + 8, getDouble(address + 8) + value);
  }

  public void avgDecimal(int group, int slot, long low, long high) {
    avgDecimalAt(state(group, slot), slot, low, high);
  }

  /** {@link #avgDecimal} on the state at {@code address} (see {@link #slotBase}). */
  public void avgDecimalAt(long address, int slot, long low, long high) {
    if (!addLongDecimal(address + 8, slot, low, high)) {
      addDecimal(address + 8, slot, low, high, AccumulatorKind.AVG_DECIMAL);
    }
    MemoryUtil.putLong(address, MemoryUtil.getLong(address) + 1);
  }

  // MIN and MAX keep the first of equal values (strict comparisons), as Spark does for -0.0 and 0.0.

  /** Also int, short, byte, date, timestamp and boolean (0/1) inputs. */
  public void minLong(int group, int slot, long value) {
    minLongAt(state(group, slot), slot, value);
  }

  /** {@link #minLong} on the state at {@code address} (see {@link #slotBase}). */
  public void minLongAt(long address, int slot, long value) {
    if (MemoryUtil.getLong(address) == 0 || value < MemoryUtil.getLong(address + 8)) {
      MemoryUtil.putLong(address, 1);
      MemoryUtil.putLong(address + 8, value);
    }
  }

  public void maxLong(int group, int slot, long value) {
    maxLongAt(state(group, slot), slot, value);
  }

  /** {@link #maxLong} on the state at {@code address} (see {@link #slotBase}). */
  public void maxLongAt(long address, int slot, long value) {
    if (MemoryUtil.getLong(address) == 0 || value > MemoryUtil.getLong(address + 8)) {
      MemoryUtil.putLong(address, 1);
      MemoryUtil.putLong(address + 8, value);
    }
  }

  /** Spark's order: NaN above everything, -0.0 equal to 0.0. Also float inputs. */
  public void minDouble(int group, int slot, double value) {
    minDoubleAt(state(group, slot), slot, value);
  }

  /** {@link #minDouble} on the state at {@code address} (see {@link #slotBase}). */
  public void minDoubleAt(long address, int slot, double value) {
    if (MemoryUtil.getLong(address) == 0 || isLess(value, getDouble(address + 8))) {
      MemoryUtil.putLong(address, 1);
      putDouble(address + 8, value);
    }
  }

  public void maxDouble(int group, int slot, double value) {
    maxDoubleAt(state(group, slot), slot, value);
  }

  /** {@link #maxDouble} on the state at {@code address} (see {@link #slotBase}). */
  public void maxDoubleAt(long address, int slot, double value) {
    if (MemoryUtil.getLong(address) == 0 || isLess(getDouble(address + 8), value)) {
      MemoryUtil.putLong(address, 1);
      putDouble(address + 8, value);
    }
  }

  private static boolean isLess(double left, double right) {
    return Double.isNaN(right) ? !Double.isNaN(left) : left < right;
  }

  public void minDecimal(int group, int slot, long low, long high) {
    minDecimalAt(state(group, slot), slot, low, high);
  }

  /** {@link #minDecimal} on the state at {@code address} (see {@link #slotBase}). */
  public void minDecimalAt(long address, int slot, long low, long high) {
    if (MemoryUtil.getLong(address) == 0
        || Int128.compare(low, high, MemoryUtil.getLong(address + 8), MemoryUtil.getLong(address + 16)) < 0) {
      MemoryUtil.putLong(address, 1);
      MemoryUtil.putLong(address + 8, low);
      MemoryUtil.putLong(address + 16, high);
    }
  }

  public void maxDecimal(int group, int slot, long low, long high) {
    maxDecimalAt(state(group, slot), slot, low, high);
  }

  /** {@link #maxDecimal} on the state at {@code address} (see {@link #slotBase}). */
  public void maxDecimalAt(long address, int slot, long low, long high) {
    if (MemoryUtil.getLong(address) == 0
        || Int128.compare(low, high, MemoryUtil.getLong(address + 8), MemoryUtil.getLong(address + 16)) > 0) {
      MemoryUtil.putLong(address, 1);
      MemoryUtil.putLong(address + 8, low);
      MemoryUtil.putLong(address + 16, high);
    }
  }

  /** Unsigned byte order, as Spark compares strings (UTF-8 bytes) and binary values. */
  public void minBytes(int group, int slot, long address, int length) {
    long state = state(group, slot);
    if (MemoryUtil.getLong(state) == 0 || compareToStored(state, address, length) < 0) {
      storeBytes(state, address, length);
    }
  }

  public void maxBytes(int group, int slot, long address, int length) {
    long state = state(group, slot);
    if (MemoryUtil.getLong(state) == 0 || compareToStored(state, address, length) > 0) {
      storeBytes(state, address, length);
    }
  }

  private int compareToStored(long state, long address, int length) {
    long storedAddress = varDataAddress + MemoryUtil.getLong(state + 8);
    return KeyHash.compareBytes(address, length, storedAddress, MemoryUtil.getInt(state + 16));
  }

  /** Overwrites the stored value in place when it fits, else appends a new copy (the old space is lost). */
  private void storeBytes(long state, long address, int length) {
    int capacity = MemoryUtil.getInt(state + 20);
    if (MemoryUtil.getLong(state) == 0 || length > capacity) {
      if (varDataUsed + length > varData.capacity()) {
        long stateOffset = state - statesAddress;
        varData = OperatorMemory.grow(
            allocator, varData, varDataUsed, Math.max(varDataUsed + length, varData.capacity() * 2), OPERATOR);
        varDataAddress = varData.memoryAddress();
        state = statesAddress + stateOffset;
      }
      MemoryUtil.putLong(state + 8, varDataUsed);
      MemoryUtil.putInt(state + 20, length);
      varDataUsed += length;
    }
    MemoryUtil.copyMemory(address, varDataAddress + MemoryUtil.getLong(state + 8), length);
    MemoryUtil.putInt(state + 16, length);
    MemoryUtil.putLong(state, 1);
  }

  /** COUNT_IF: a true input (the caller skips nulls). */
  public void countIf(int group, int slot, boolean value) {
    if (value) {
      count(group, slot);
    }
  }

  public void boolAnd(int group, int slot, boolean value) {
    long address = state(group, slot);
    boolean result = MemoryUtil.getLong(address) == 0 ? value : value && MemoryUtil.getLong(address + 8) != 0;
    MemoryUtil.putLong(address, 1);
    MemoryUtil.putLong(address + 8, result ? 1 : 0);
  }

  public void boolOr(int group, int slot, boolean value) {
    long address = state(group, slot);
    boolean result = value || MemoryUtil.getLong(address + 8) != 0;
    MemoryUtil.putLong(address, 1);
    MemoryUtil.putLong(address + 8, result ? 1 : 0);
  }

  /** The variance, standard deviation, skewness and kurtosis kinds (input cast to double). */
  public void moment(int group, int slot, double value) {
    CentralMoments.update(state(group, slot), value, CentralMoments.order(layout.spec(slot).kind()));
  }

  /** COVAR_POP, COVAR_SAMP and CORR of a row whose two inputs are both non-null. */
  public void coMoment(int group, int slot, double x, double y) {
    CoMoments.update(state(group, slot), x, y);
  }

  // ---- OBJECT accumulators: stage the row's arguments, then update -------------------------------

  public void stageNull(int slot, int argument) {
    staged[slot][argument] = null;
  }

  public void stageBoolean(int slot, int argument, boolean value) {
    staged[slot][argument] = value;
  }

  /** Byte, short, int, long, date and timestamp values. */
  public void stageLong(int slot, int argument, long value) {
    staged[slot][argument] = value;
  }

  /** Float and double values. */
  public void stageDouble(int slot, int argument, double value) {
    staged[slot][argument] = value;
  }

  public void stageDecimal(int slot, int argument, long low, long high) {
    DecimalType type = (DecimalType) layout.spec(slot).objectAggregate().argumentTypes().get(argument);
    staged[slot][argument] = BoxedValues.decimal(low, high, type);
  }

  /** String (UTF-8) or binary bytes at an off-heap address; copied. */
  public void stageBytes(int slot, int argument, long address, int length) {
    staged[slot][argument] = BoxedValues.bytesAt(address, length);
  }

  public void stageBytes(int slot, int argument, byte[] bytes) {
    staged[slot][argument] = bytes.clone();
  }

  /** Applies the staged arguments to the group's state. */
  public void updateObject(int group, int slot) {
    GroupState state = objectState(group, slot);
    reserveObjectBytes(state.update(staged[slot], currentPosition));
  }

  /** The group's state of an OBJECT slot, created when the group has none yet. */
  GroupState objectState(int group, int slot) {
    GroupState state = objectStates[slot][group];
    if (state == null) {
      state = layout.spec(slot).objectAggregate().newState();
      objectStates[slot][group] = state;
      reserveObjectBytes(64);
    }
    return state;
  }

  /** Counts on-heap growth against the allocator's limit, reserving a chunk at a time. */
  private void reserveObjectBytes(long bytes) {
    objectBytes += bytes;
    if (objectBytes <= reservedBytes) {
      return;
    }
    long wanted = Math.max(RESERVATION_CHUNK, objectBytes - reservedBytes);
    if (reservation == null) {
      reservation = allocator.newReservation();
    }
    if (!reservation.add(wanted)) {
      throw OperatorMemory.refused(allocator, new OutOfMemoryException(
          "Unable to allocate buffer of size " + wanted + " for on-heap aggregate state"), OPERATOR);
    }
    reservedBytes += wanted;
  }

  /** Bytes reserved for on-heap state. */
  long reservedObjectBytes() {
    return reservedBytes;
  }

  /**
   * Empties the one group of a global table, for replaying another group's distinct values into it
   * (see {@link DistinctResults}).
   */
  void resetGlobalGroup() {
    if (keyCount != 0) {
      throw new IllegalStateException("only a global aggregate's table can be reset");
    }
    states.setZero(0, stateBytes);
    for (GroupState[] slotStates : objectStates) {
      if (slotStates != null) {
        slotStates[0] = null;
      }
    }
  }

  private static double getDouble(long address) {
    return Double.longBitsToDouble(MemoryUtil.getLong(address));
  }

  private static void putDouble(long address, double value) {
    MemoryUtil.putLong(address, Double.doubleToRawLongBits(value));
  }

  // ---- merging and reading, for the sink's finish --------------------------------------------

  /** Adds the one group of another global aggregate's table into this one's; {@code other} is left unchanged. */
  void mergeGlobalFrom(HashAggregationTable other) {
    if (keyCount != 0 || other.keyCount != 0) {
      throw new IllegalStateException("only global aggregates' tables merge as one group, this one has "
          + keyCount + " keys");
    }
    for (int slot = 0; slot < layout.size(); slot++) {
      mergeSlot(0, slot, other, other.state(0, slot));
    }
  }

  /**
   * The hash of {@code group}'s key as a table merging it computes it: of the key's words when
   * {@code words} (only for a table still on them), else of its serialized bytes. Reads the words
   * through this table's scratch fields: only the thread that owns this table may call it.
   */
  long keyHash(int group, boolean words) {
    long start = keyStart(group);
    if (words) {
      if (!compactKeys || !readKeyWords(keyDataAddress + start)) {
        throw new IllegalStateException("group " + group + " of a hash aggregate table on serialized keys"
            + " has no two-word key");
      }
      return KeyHash.hashWords(readWord0, readWord1, readNulls);
    }
    return KeyHash.hash(keyDataAddress + start, (int) (keyEnd(group) - start));
  }

  /**
   * Writes {@code group}'s key as words at {@code target}: word 0, word 1, then the null mask as a long
   * (only for a table still on words). Reads through this table's scratch fields: only the thread that
   * owns this table may call it.
   */
  void copyKeyWords(int group, long target) {
    if (!compactKeys || !readKeyWords(keyDataAddress + keyStart(group))) {
      throw new IllegalStateException("group " + group + " of a hash aggregate table on serialized keys"
          + " has no two-word key");
    }
    MemoryUtil.putLong(target, readWord0);
    MemoryUtil.putLong(target + 8, readWord1);
    MemoryUtil.putLong(target + 16, readNulls);
  }

  /**
   * Adds a group of {@code source} (a table of the same aggregation, on words like this one), given by
   * its key's words, into this table, its first-seen value being {@code firstSeenValue}; a group already
   * here keeps the smaller value. {@code sourceState} is the group's state row: the source's own (see
   * {@link #stateRowAddress}), or a copy of it when {@link #statesCopyOnInsert()}. {@code source} is only
   * read, so several tables may merge from one source at once, each taking different groups. Returns
   * the group's id in this table.
   */
  int mergeWords(long word0, long word1, int nulls, long firstSeenValue, HashAggregationTable source,
      long sourceState) {
    int groupsBefore = groupCount;
    int group = findOrInsertWords(word0, word1, nulls, firstSeenValue);
    mergeState(group, groupCount > groupsBefore, firstSeenValue, source, sourceState);
    return group;
  }

  /** As {@link #mergeWords}, for tables on serialized keys: the key is the source group's bytes. */
  void mergeSerializedGroup(HashAggregationTable source, int sourceGroup, long firstSeenValue) {
    long keyStart = source.keyStart(sourceGroup);
    int padded = (int) (source.keyEnd(sourceGroup) - keyStart);
    keyLength = 0;
    ensureScratch(padded);
    MemoryUtil.copyMemory(source.keyDataAddress + keyStart, scratchAddress, padded);
    keyLength = padded;
    int groupsBefore = groupCount;
    int group = findOrInsert(firstSeenValue);
    mergeState(group, groupCount > groupsBefore, firstSeenValue, source, source.stateRowAddress(sourceGroup));
  }

  private void mergeState(int group, boolean inserted, long firstSeenValue, HashAggregationTable source,
      long sourceState) {
    if (inserted && statesCopyOnInsert) {
      // A new group's state is the source's: merging into zeroed state would give the same bytes.
      MemoryUtil.copyMemory(sourceState, statesAddress + (long) group * stateBytes, stateBytes);
      return;
    }
    if (firstSeenValue < firstSeen(group)) {
      MemoryUtil.putLong(firstSeenAddress + ((long) group << 3), firstSeenValue);
    }
    for (int slot = 0; slot < layout.size(); slot++) {
      mergeSlot(group, slot, source, sourceState + slotOffsets[slot]);
    }
  }

  /** Where {@code group}'s state row starts; valid until the table grows. */
  long stateRowAddress(int group) {
    return statesAddress + (long) group * stateBytes;
  }

  /**
   * Whether a group new to a merge may take its source's state row as it is (a copy of the row can then
   * stand for the source's in {@link #mergeWords}).
   */
  boolean statesCopyOnInsert() {
    return statesCopyOnInsert;
  }

  /** Frees the lookup slots of a table whose groups are only read from now on (a merge's source). */
  void releaseLookup() {
    if (slots != null) {
      slots.close();
      slots = null;
      slotsAddress = 0;
    }
  }

  /**
   * Whether merging a group into a new (zeroed) state gives the source's state bytes unchanged, for
   * every slot: not for MIN/MAX of strings (their bytes live in the source's own buffer), moments
   * (merged by formulas that may round) or heap states.
   */
  private static boolean statesCopyOnInsert(AccumulatorLayout layout) {
    for (int slot = 0; slot < layout.size(); slot++) {
      boolean copies = switch (layout.spec(slot).kind()) {
        case COUNT, COUNT_ROWS, SUM_LONG, SUM_DOUBLE, SUM_DECIMAL, AVG_LONG, AVG_DOUBLE, AVG_DECIMAL, COUNT_IF,
            BOOL_AND, BOOL_OR -> true;
        case MIN, MAX -> layout.valueClass(slot) != AccumulatorLayout.ValueClass.BYTES;
        default -> false;
      };
      if (!copies) {
        return false;
      }
    }
    return true;
  }

  private void mergeSlot(int group, int slot, HashAggregationTable other, long from) {
    long into = state(group, slot);
    boolean seen = MemoryUtil.getLong(from) != 0;
    switch (layout.spec(slot).kind()) {
      case COUNT, COUNT_ROWS -> MemoryUtil.putLong(into, MemoryUtil.getLong(into) + MemoryUtil.getLong(from));
      case SUM_LONG -> {
        if (seen) {
          sumLong(group, slot, MemoryUtil.getLong(from + 8));
        }
      }
      case SUM_DOUBLE -> {
        if (seen) {
          sumDouble(group, slot, getDouble(from + 8));
        }
      }
      case SUM_DECIMAL -> {
        if (seen) {
          sumDecimal(group, slot, MemoryUtil.getLong(from + 8), MemoryUtil.getLong(from + 16));
        }
      }
      case AVG_LONG, AVG_DOUBLE -> {
        MemoryUtil.putLong(into, MemoryUtil.getLong(into) + MemoryUtil.getLong(from));
        putDouble(into + 8, getDouble(into + 8) + getDouble(from + 8));
      }
      case AVG_DECIMAL -> {
        addDecimal(into + 8, slot, MemoryUtil.getLong(from + 8), MemoryUtil.getLong(from + 16),
            AccumulatorKind.AVG_DECIMAL);
        MemoryUtil.putLong(into, MemoryUtil.getLong(into) + MemoryUtil.getLong(from));
      }
      case MIN, MAX -> {
        if (seen) {
          mergeExtreme(group, slot, other, from, layout.spec(slot).kind() == AccumulatorKind.MIN);
        }
      }
      case COUNT_IF -> MemoryUtil.putLong(into, MemoryUtil.getLong(into) + MemoryUtil.getLong(from));
      case BOOL_AND -> {
        if (seen) {
          boolAnd(group, slot, MemoryUtil.getLong(from + 8) != 0);
        }
      }
      case BOOL_OR -> {
        if (seen) {
          boolOr(group, slot, MemoryUtil.getLong(from + 8) != 0);
        }
      }
      case VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP, SKEWNESS, KURTOSIS ->
          CentralMoments.merge(into, from, CentralMoments.order(layout.spec(slot).kind()));
      case COVAR_POP, COVAR_SAMP, CORR -> CoMoments.merge(into, from);
      case OBJECT -> {
        GroupState theirs = other.objectStates[slot][otherGroup(other, from, slot)];
        if (theirs != null) {
          reserveObjectBytes(objectState(group, slot).merge(theirs));
        }
      }
    }
  }

  /** The group whose state of {@code slot} starts at {@code address} in {@code other}. */
  private static int otherGroup(HashAggregationTable other, long address, int slot) {
    return (int) ((address - other.statesAddress - other.slotOffsets[slot]) / other.stateBytes);
  }

  private void mergeExtreme(int group, int slot, HashAggregationTable other, long from, boolean min) {
    switch (layout.valueClass(slot)) {
      case LONG -> {
        long value = MemoryUtil.getLong(from + 8);
        if (min) {
          minLong(group, slot, value);
        } else {
          maxLong(group, slot, value);
        }
      }
      case DOUBLE -> {
        double value = getDouble(from + 8);
        if (min) {
          minDouble(group, slot, value);
        } else {
          maxDouble(group, slot, value);
        }
      }
      case DECIMAL -> {
        long low = MemoryUtil.getLong(from + 8);
        long high = MemoryUtil.getLong(from + 16);
        if (min) {
          minDecimal(group, slot, low, high);
        } else {
          maxDecimal(group, slot, low, high);
        }
      }
      case BYTES -> {
        long address = other.varDataAddress + MemoryUtil.getLong(from + 8);
        int length = MemoryUtil.getInt(from + 16);
        if (min) {
          minBytes(group, slot, address, length);
        } else {
          maxBytes(group, slot, address, length);
        }
      }
    }
  }

  AccumulatorLayout layout() {
    return layout;
  }

  long keyStart(int group) {
    return MemoryUtil.getLong(keyOffsetsAddress + ((long) group << 3));
  }

  long keyEnd(int group) {
    return MemoryUtil.getLong(keyOffsetsAddress + ((long) (group + 1) << 3));
  }

  long keyDataAddress() {
    return keyDataAddress;
  }

  long firstSeen(int group) {
    return MemoryUtil.getLong(firstSeenAddress + ((long) group << 3));
  }

  /** Address of the state of {@code slot} for {@code group}; valid until the table grows. */
  long stateAddress(int group, int slot) {
    return state(group, slot);
  }

  long varDataAddress() {
    return varDataAddress;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (reservation != null) {
      reservation.close();
    }
    for (ArrowBuf buffer : new ArrowBuf[] {scratch, slots, keyOffsets, keyData, states, firstSeen, varData}) {
      if (buffer != null) {
        buffer.close();
      }
    }
  }
}
