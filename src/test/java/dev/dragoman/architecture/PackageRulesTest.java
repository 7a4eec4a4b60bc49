package dev.dragoman.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The packages depend one way only, from the wiring down to the keys:
 * {@code dev.dragoman} → {@code route} → {@code http}, {@code kafka} → {@code document} → {@code observe} →
 * {@code config}, {@code memory} → {@code provider} (with its dialects) → {@code translate} → {@code keys}; the
 * {@code cluster} store, which keeps key states for a group of processes, is known to the wiring only. The reply
 * checks of {@code check} are usable from every layer and use none.
 */
class PackageRulesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.dragoman");

    /** Each package directly under {@code root}, with its subpackages, is one slice; no two may depend on each other. */
    static ArchRule freeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Wiring").definedBy("dev.dragoman")
                .layer("Route").definedBy("dev.dragoman.route..")
                .layer("Http").definedBy("dev.dragoman.http..")
                .layer("Kafka").definedBy("dev.dragoman.kafka..")
                .layer("Document").definedBy("dev.dragoman.document..")
                .layer("Observe").definedBy("dev.dragoman.observe..")
                .layer("Config").definedBy("dev.dragoman.config..")
                .layer("Memory").definedBy("dev.dragoman.memory..")
                .layer("Cluster").definedBy("dev.dragoman.cluster..")
                .layer("Provider").definedBy("dev.dragoman.provider..")
                .layer("Translate").definedBy("dev.dragoman.translate..")
                .layer("Keys").definedBy("dev.dragoman.keys..")
                .layer("Check").definedBy("dev.dragoman.check..")
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("Route").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Http").mayOnlyBeAccessedByLayers("Route", "Wiring")
                .whereLayer("Kafka").mayOnlyBeAccessedByLayers("Route", "Wiring")
                .whereLayer("Document").mayOnlyBeAccessedByLayers("Http", "Kafka", "Route", "Wiring")
                .whereLayer("Observe").mayOnlyBeAccessedByLayers("Http", "Kafka", "Route", "Wiring")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Observe", "Http", "Kafka", "Route", "Wiring")
                .whereLayer("Memory").mayOnlyBeAccessedByLayers("Observe", "Http", "Kafka", "Route", "Wiring")
                .whereLayer("Cluster").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Provider")
                .mayOnlyBeAccessedByLayers("Config", "Memory", "Observe", "Http", "Kafka", "Route", "Wiring")
                .whereLayer("Translate")
                .mayOnlyBeAccessedByLayers("Provider", "Config", "Memory", "Document", "Observe", "Http", "Kafka",
                        "Route", "Wiring")
                .whereLayer("Check").mayNotAccessAnyLayer();
    }

    @Test
    void packages_are_free_of_cycles() {
        freeOfCycles("dev.dragoman").check(PRODUCTION);
    }

    @Test
    void packages_depend_downwards_only() {
        layers().check(PRODUCTION);
    }

    /**
     * A dialect shares code through the provider package ({@code JsonWireFormat}), never by importing another; only
     * the variants of the OpenAI format (Azure, Qwen-MT, Qianfan) extend {@code OpenAiFormat}.
     */
    @Test
    void dialects_do_not_use_each_other() {
        slices().matching("dev.dragoman.provider.(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage("dev.dragoman.provider.openai"))
                .check(PRODUCTION);
    }

    @Test
    void a_package_cycle_is_reported() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.dragoman.architecture.cycle");

        EvaluationResult result = freeOfCycles("dev.dragoman.architecture.cycle").evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString().replaceAll("\\s+", " "))
                .contains("Cycle detected: Slice left -> Slice right -> Slice left")
                .contains("dev.dragoman.architecture.cycle.left.Left")
                .contains("dev.dragoman.architecture.cycle.right.Right");
    }
}
