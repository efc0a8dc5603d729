package dev.ember.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the CSV files the differential programs read. */
final class TestData {
  private TestData() {}

  static Path write(Path directory) throws IOException {
    Files.copy(Path.of("examples/data/users.csv"), directory.resolve("users.csv"));
    write(directory.resolve("users_no_header.csv"), """
        Alice,34,New York
        Bob,28,San Francisco
        Carol,45,Chicago
        """);
    write(directory.resolve("people.csv"), """
        id,name,age,score,active,joined,last_login,city,note
        1,Alice,34,88.5,true,2020-01-15,2024-03-01 10:15:30,New York,short
        2,Bob,,72.25,false,2019-07-01,2024-03-02 08:00:00,,A very long description that exceeds twenty characters
        3,Carol,45,,true,,2024-02-28 23:59:59.5,Chicago,"quoted, with comma"
        4,Dave,23,95.0,,2021-11-30,,New York,
        5,Eve,31,60.75,false,2018-05-05,2024-01-01 00:00:00,Chicago,x
        6,,38,81.0,true,2022-02-02,2024-03-03 12:00:00,San Francisco,ünïcödé text
        7,Grace,26,-3.5,true,2023-06-30,2023-12-31 23:59:59,New York,日本語のテキスト
        8,Heidi,52,100.0,false,2017-09-09,2024-03-04 06:30:15.123,Austin,tab\there
        """);
    write(directory.resolve("stats.csv"), """
        k,x,y,d,s,b
        1,1.5,2.0,1.25,b,true
        1,2.5,3.5,2.50,a,false
        1,,1.0,,,
        2,NaN,4.0,3.00,c,true
        2,7.0,,3.00,c,true
        3,,,,,
        4,3.0,3.0,1.00,z,false
        5,-0.0,1.0,-1.10,y,true
        5,0.0,2.5,-1.10,x,true
        5,10.25,-3.0,7.70,y,
        5,4.0,8.0,0.05,w,false
        """);
    write(directory.resolve("numbers.csv"), """
        small,big,decimal_like,mixed,flag,maybe_double,text_number,empty
        1,3000000000,1.50,1,true,1,007,
        -2,-9000000000,2.25,2.5,false,2e3,12,
        3,42,0.125,x,TRUE,NaN,3.0,
        """);
    write(directory.resolve("semicolons.csv"), """
        # a comment line
        name;amount;note
        a;1;NA
        b;NA;fine
        # another comment
        c;3;last
        """);
    write(directory.resolve("quotes.csv"), """
        id,text
        1,'single, quoted'
        2,'it\\'s escaped'
        3,plain
        """);
    write(directory.resolve("malformed.csv"), """
        1,ok,1.5
        two,bad int,2.5
        3,short
        4,too,4.5,many
        5,fine,not a double
        6,last,6.0
        """);
    Path parts = Files.createDirectories(directory.resolve("parts"));
    write(parts.resolve("part-1.csv"), """
        id,value
        1,10
        2,20
        """);
    write(parts.resolve("part-2.csv"), """
        id,value
        3,30
        4,40
        """);
    write(parts.resolve("_SUCCESS"), "");
    write(parts.resolve(".hidden.csv"), "id,value\n99,990\n");
    writeReaderOptionsData(directory);
    writeJoinData(directory);
    return directory;
  }

  /** Files for the {@code Joins} program: null and repeated keys, keys on one side only. */
  private static void writeJoinData(Path directory) throws IOException {
    write(directory.resolve("orders.csv"), """
        order_id,customer_id,region,amount,code
        1,10,north,12.50,A
        2,10,north,30.00,B
        3,20,south,7.25,A
        4,,north,99.99,C
        5,30,east,45.00,
        6,20,north,15.00,B
        7,40,west,5.00,A
        8,,,1.00,D
        """);
    write(directory.resolve("customers.csv"), """
        customer_id,name,region,tier
        10,Ann,north,1
        20,Bo,south,2
        20,Bob,north,3
        30,Cy,east,1
        50,Dee,west,2
        ,Nul,north,1
        """);
  }

  /** Files for the {@code CsvOptions2} program. */
  private static void writeReaderOptionsData(Path directory) throws IOException {
    Path compressed = Files.createDirectories(directory.resolve("compressed"));
    compress(compressed.resolve("items.csv.gz"), "id,name,price\n1,apple,0.5\n2,pear,0.75\n");
    compress(compressed.resolve("items.csv.bz2"), "id,name,price\n3,plum,1.25\n4,fig,2.0\n");
    compress(compressed.resolve("items.deflate"), "id,name,price\n5,kiwi,0.3\n");
    write(directory.resolve("multiline.csv"),
        "id,text,n\n1,\"hello\nworld\",5\n2,\"a,b\",x\n3,plain,7\n4,\"unterminated\n5,z,9\n");
    write(directory.resolve("corrupt.csv"), "id,n,s\n1,2,a\nx,3,b\n4,5\n6,7,c,extra\n8,,\"q\"\n");
    write(directory.resolve("header_names.csv"), "a,b\n1,2\n3,4\n");
    write(directory.resolve("spaces.csv"),
        "name,value\n  alice  ,  1  \n bob,2 \n\"  quoted  \" , 3\n  \"lead\",4\ntab\t,\t5\n");
    write(directory.resolve("formatted_dates.csv"),
        "d,t\n15/01/2024,2024-01-15 10:30\n31/12/2023,2023-12-31 23:59\n2024-01-15,2024-01-15T10:30:00\n");
    Files.writeString(directory.resolve("latin1.csv"), "name,city,n\nJos\u00e9,Z\u00fcrich,1\nRen\u00e9e,K\u00f6ln,2\n",
        StandardCharsets.ISO_8859_1);
    Files.writeString(directory.resolve("utf16.csv"), "name,city\nJos\u00e9,\u6771\u4eac\nAnn,Oslo\n",
        StandardCharsets.UTF_16);
  }

  /** Compresses with the codec Hadoop (and so Spark) picks for the file's extension. */
  private static void compress(Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String name = file.getFileName().toString();
    try (java.io.OutputStream raw = Files.newOutputStream(file)) {
      if (name.endsWith(".gz")) {
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(raw)) {
          out.write(bytes);
        }
      } else if (name.endsWith(".deflate")) {
        try (java.io.OutputStream out = new java.util.zip.DeflaterOutputStream(raw)) {
          out.write(bytes);
        }
      } else {
        org.apache.hadoop.io.compress.BZip2Codec codec = new org.apache.hadoop.io.compress.BZip2Codec();
        codec.setConf(new org.apache.hadoop.conf.Configuration(false));
        try (java.io.OutputStream out = codec.createOutputStream(raw)) {
          out.write(bytes);
        }
      }
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
