package se.vardag.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layers of docs/decisions.md ("Layout of the code"), bottom first: a package may
 * import the packages below it and never one above it, and no packages import each other in a
 * loop. A backward import fails the build here, naming the class and the dependency.
 */
class LayersTest {
  /** Bottom to top; each entry is a layer's name and its packages (ArchUnit package identifiers). */
  static final List<String[]> LAYERS = List.of(
      new String[] {"kernel", "se.vardag", "se.vardag.model"},
      new String[] {"config", "se.vardag.config"},
      new String[] {"privacy", "se.vardag.privacy"},
      new String[] {"ingest", "se.vardag.ingest.."},
      new String[] {"facts", "se.vardag.facts"},
      new String[] {"metrics", "se.vardag.metrics"},
      new String[] {"publish", "se.vardag.publish"},
      new String[] {"report", "se.vardag.report"},
      new String[] {"delivery", "se.vardag.delivery"},
      new String[] {"run", "se.vardag.run"},
      new String[] {"cli", "se.vardag.cli"});

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("se.vardag");
  }

  @Test
  void everyPackageImportsOnlyTheLayersBelowIt() {
    Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String[] layer : LAYERS) {
      layers = layers.layer(layer[0]).definedBy(java.util.Arrays.copyOfRange(layer, 1, layer.length));
    }
    for (int i = 0; i < LAYERS.size() - 1; i++) {
      String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(l -> l[0]).toArray(String[]::new);
      layers = layers.whereLayer(LAYERS.get(i)[0]).mayOnlyBeAccessedByLayers(above);
    }
    layers = layers.whereLayer("cli").mayNotBeAccessedByAnyLayer();
    layers.check(classes);
  }

  @Test
  void theGeneratorOfSampleOrganisationsStandsApartOnTheKernel() {
    ArchRule rule = noClasses().that().resideInAPackage("se.vardag.generate..")
        .should().dependOnClassesThat().resideInAnyPackage("se.vardag.config..", "se.vardag.privacy..",
            "se.vardag.ingest..", "se.vardag.facts..", "se.vardag.metrics..", "se.vardag.publish..",
            "se.vardag.report..", "se.vardag.delivery..", "se.vardag.run..", "se.vardag.cli..");
    rule.check(classes);
    noClasses().that().resideOutsideOfPackages("se.vardag.generate..", "se.vardag.cli..")
        .should().dependOnClassesThat().resideInAPackage("se.vardag.generate..").check(classes);
  }

  @Test
  void noPackagesImportEachOtherInALoop() {
    slices().matching("se.vardag.(**)").should().beFreeOfCycles().check(classes);
  }
}
