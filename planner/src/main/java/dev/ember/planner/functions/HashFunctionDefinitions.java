package dev.ember.planner.functions;

import dev.ember.planner.functions.ScalarFunction.Nullability;
import dev.ember.runtime.functions.HashFunctions;
import dev.ember.sql.types.ArrayType;
import dev.ember.sql.types.DataTypes;
import dev.ember.sql.types.MapType;
import dev.ember.sql.types.NullType;
import dev.ember.sql.types.StringType;
import dev.ember.sql.types.StructType;
import java.util.List;

/**
 * Spark's hash functions: {@code hash} and {@code xxhash64} over any number of columns of mixed
 * types (never null: nulls are skipped and an all-null row hashes to the seed, 42), and the digests
 * {@code md5}, {@code sha1} (also {@code sha}), {@code sha2} and {@code crc32} of binaries, which take
 * strings as their UTF-8 bytes. Names, types and nullability were observed on Spark 4.2.0.
 */
public final class HashFunctionDefinitions {
  private HashFunctionDefinitions() {}

  /**
   * Any atomic value, taken as it is; a null literal is typed int (a null is skipped whatever its
   * type). Arrays and structs, which Spark hashes too, are not supported yet.
   */
  private static final ArgumentType HASHABLE = new ArgumentType("\"ANY\"",
      type -> !(type instanceof NullType || type instanceof ArrayType || type instanceof MapType
          || type instanceof StructType),
      from -> from instanceof NullType ? DataTypes.IntegerType : null);

  /** sha2's bit length: Spark casts any integral or string to int here (sha2(s, 256L)). */
  private static final ArgumentType BIT_LENGTH = new ArgumentType("\"INT\"", DataTypes.IntegerType::equals,
      from -> ImplicitCasts.integralRank(from) > 0 || from instanceof StringType || from instanceof NullType
          ? DataTypes.IntegerType : null);

  public static final ScalarFunction HASH = ScalarFunction.builder("hash")
      .arguments(HASHABLE).variadicObjects().nullAware()
      .context(FunctionContext.ARGUMENT_TYPES)
      .returns(DataTypes.IntegerType).nullability(Nullability.NEVER)
      .implementedBy(HashFunctions.class).build();

  public static final ScalarFunction XXHASH64 = HASH.toBuilder().name("xxhash64").prettyName("xxhash64")
      .returns(DataTypes.LongType).implementedBy(HashFunctions.class, "xxhash64").build();

  public static final ScalarFunction MD5 = ScalarFunction.builder("md5").arguments(ArgumentType.BINARY)
      .returns(DataTypes.StringType).implementedBy(HashFunctions.class).build();

  public static final ScalarFunction SHA1 = ScalarFunction.builder("sha1").arguments(ArgumentType.BINARY)
      .returns(DataTypes.StringType).implementedBy(HashFunctions.class).build();

  public static final ScalarFunction SHA = SHA1.toBuilder().name("sha").prettyName("sha").build();

  public static final ScalarFunction SHA2 = ScalarFunction.builder("sha2")
      .arguments(ArgumentType.BINARY, BIT_LENGTH)
      .returns(DataTypes.StringType).nullability(Nullability.ALWAYS)
      .implementedBy(HashFunctions.class).build();

  public static final ScalarFunction CRC32 = ScalarFunction.builder("crc32").arguments(ArgumentType.BINARY)
      .returns(DataTypes.LongType).implementedBy(HashFunctions.class).build();

  public static final List<ScalarFunction> ALL = List.of(HASH, XXHASH64, MD5, SHA1, SHA, SHA2, CRC32);
}
