package io.parley.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.bus.BusAddress;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md's table of event-bus addresses is made from the code: every operation and notice constant
 * of the contract ({@link BusAddress}), by address, with its summary. When the doc differs this fails and prints
 * the table to paste (also written to {@code target/address-table.md}).
 */
class AddressTableTest {

  private static final String BEGIN = "<!-- address table: made by AddressTableTest from the contract's operations -->";
  private static final String END = "<!-- end of address table -->";

  @Test
  void theDocumentedTableIsTheOneTheCodeMakes() throws Exception {
    String expected = table(everyAddress());
    Path target = classes().getParent();
    Files.writeString(target.resolve("address-table.md"), expected, StandardCharsets.UTF_8);
    String doc = Files.readString(target.getParent().getParent().resolve("docs/ARCHITECTURE.md"),
        StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "docs/ARCHITECTURE.md lacks the markers " + BEGIN + " ... " + END);
    String documented = doc.substring(begin + BEGIN.length(), end).strip() + "\n";
    assertEquals(expected, documented, "docs/ARCHITECTURE.md's address table differs; it should read:\n\n"
        + BEGIN + "\n" + expected + END + "\n");
  }

  @Test
  void everyNamedAddressIsDescribedByAnOperationOrNotice() throws Exception {
    Map<String, String> described = everyAddress();
    for (Field field : Addresses.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
          && field.getType() == String.class) {
        String address = (String) field.get(null);
        assertTrue(described.containsKey(address), "no operation or notice describes " + address);
      }
    }
  }

  private static String table(Map<String, String> summaries) {
    StringBuilder table = new StringBuilder("| address | payload and answer |\n|---|---|\n");
    summaries.forEach((address, summary) ->
        table.append("| `").append(address).append("` | ").append(summary.replace("|", "\\|")).append(" |\n"));
    return table.toString();
  }

  /** Every public static operation or notice of the contract's classes, by address. */
  private static Map<String, String> everyAddress() throws IOException, URISyntaxException,
      ReflectiveOperationException {
    Map<String, String> summaries = new TreeMap<>();
    Path classes = classes();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(path -> path.toString().endsWith(".class") && !path.toString().contains("$")).toList();
    }
    for (Path file : files) {
      String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
      Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
      for (BusAddress address : constants(type)) {
        assertTrue(!Catalog.isRequest(address.getClass()) || Catalog.HOLDERS.contains(type),
            type.getName() + " holds operations: list it in Catalog.HOLDERS");
        String earlier = summaries.put(address.address(), address.summary());
        assertTrue(earlier == null || earlier.equals(address.summary()), address.address() + " is described twice");
      }
    }
    return summaries;
  }

  private static List<BusAddress> constants(Class<?> type) throws IllegalAccessException {
    List<BusAddress> found = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)
          && BusAddress.class.isAssignableFrom(field.getType())) {
        found.add((BusAddress) field.get(null));
      }
    }
    return found;
  }

  private static Path classes() throws URISyntaxException {
    return Path.of(BusAddress.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
