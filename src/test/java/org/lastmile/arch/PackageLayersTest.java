package org.lastmile.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the pipeline's stages layered: a package may use only packages of a lower layer, so dependencies point
 * one way (cli → pipeline → site/pdf → markdown/i18n → content → config/text → diag). Reads the sources' imports and
 * fully qualified names, which is enough because nothing in lastmile reaches another package by reflection.
 */
class PackageLayersTest {
  private static final Map<String, Integer> LAYER = Map.ofEntries(
      Map.entry("diag", 0),
      Map.entry("config", 1),
      Map.entry("text", 1),
      Map.entry("content", 2),
      Map.entry("i18n", 3),
      Map.entry("markdown", 3),
      Map.entry("pdf", 4),
      Map.entry("site", 4),
      Map.entry("pipeline", 5),
      Map.entry("preview", 6),
      Map.entry("status", 6),
      Map.entry("scaffold", 6),
      Map.entry("cli", 7));

  private static final Pattern REF = Pattern.compile("\\borg\\.lastmile\\.([a-z0-9]+)\\.");

  @Test
  void everyPackageUsesOnlyLowerLayers() throws IOException {
    Path root = Path.of("src/main/java/org/lastmile");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String pkg = root.relativize(file).getName(0).toString();
        Integer own = LAYER.get(pkg);
        if (own == null) {
          violations.add(file + ": package '" + pkg + "' has no layer — add it to PackageLayersTest.LAYER");
          continue;
        }
        Matcher m = REF.matcher(Files.readString(file));
        while (m.find()) {
          String used = m.group(1);
          if (used.equals(pkg)) continue;
          Integer other = LAYER.get(used);
          if (other == null || other >= own) {
            violations.add(file + ": " + pkg + " uses " + used);
          }
        }
      }
    }
    assertEquals(List.of(), violations.stream().distinct().toList());
  }
}
