package dev.ember.runtime.functions;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Spark's text and binary encoding functions: {@code base64}, {@code unbase64}, {@code encode},
 * {@code decode}, {@code ascii} and {@code chr}, with Spark 4.2's charsets and errors.
 */
public final class EncodingFunctions {
  /** The charsets Spark 4.2 allows in encode and decode, lower case, as its error message lists them. */
  private static final List<String> CHARSETS =
      List.of("iso-8859-1", "us-ascii", "utf-16", "utf-16be", "utf-16le", "utf-32", "utf-8");

  private EncodingFunctions() {}

  /** Base64 in lines of 76 characters separated by CRLF, as Spark chunks it by default. */
  public static String base64(byte[] input) {
    return new String(Base64.getMimeEncoder().encode(input), StandardCharsets.US_ASCII);
  }

  /**
   * Decodes base64 leniently as Spark does: characters outside the alphabet (spaces, line breaks) are
   * skipped and the padding may be missing; a lone last character fails.
   */
  public static byte[] unbase64(String input) {
    return Base64.getMimeDecoder().decode(input.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] encode(String input, String charset) {
    Charset target = charset("encode", charset);
    try {
      ByteBuffer bytes = target.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(input));
      byte[] result = new byte[bytes.remaining()];
      bytes.get(result);
      return result;
    } catch (CharacterCodingException e) {
      throw FunctionErrors.malformedCharacterCoding("encode", charset);
    }
  }

  public static String decode(byte[] input, String charset) {
    Charset source = charset("decode", charset);
    try {
      return source.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(input))
          .toString();
    } catch (CharacterCodingException e) {
      throw FunctionErrors.malformedCharacterCoding("decode", charset);
    }
  }

  /** The first character's code point; 0 for the empty string. */
  public static int ascii(String input) {
    return input.isEmpty() ? 0 : input.codePointAt(0);
  }

  /** The character of {@code code} modulo 256; the empty string for a negative code. */
  public static String chr(long code) {
    return code < 0 ? "" : String.valueOf((char) (code & 0xff));
  }

  private static Charset charset(String function, String name) {
    if (!CHARSETS.contains(name.toLowerCase(Locale.ROOT))) {
      throw FunctionErrors.invalidCharset(function, name, CHARSETS);
    }
    return Charset.forName(name);
  }
}
