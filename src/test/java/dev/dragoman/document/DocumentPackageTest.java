package dev.dragoman.document;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The document package stands nearly alone: the JDK, Okapi and ICU4J, and of Dragoman only the file drop's contract
 * ({@code translate}: a dropped file, its chunks and segments) that {@code DocumentFiles} and
 * {@code DocumentTranslation} fulfil; no other library.
 */
class DocumentPackageTest {

    @Test
    void depends_on_the_jdk_okapi_icu4j_and_the_file_drop_contract_only() {
        JavaClasses document = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dragoman.document");

        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.dragoman.document..",
                "dev.dragoman.translate..", "java..", "javax..", "net.sf.okapi..", "com.ibm.icu..").check(document);
    }
}
