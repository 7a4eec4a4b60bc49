package dev.dragoman.document;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The document package stands alone: the JDK, Okapi and ICU4J, nothing else of Dragoman nor another library. */
class DocumentPackageTest {

    @Test
    void depends_on_the_jdk_okapi_and_icu4j_only() {
        JavaClasses document = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.dragoman.document");

        classes().should().onlyDependOnClassesThat().resideInAnyPackage("dev.dragoman.document..", "java..",
                "javax..", "net.sf.okapi..", "com.ibm.icu..").check(document);
    }
}
