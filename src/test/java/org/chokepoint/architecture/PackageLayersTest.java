package org.chokepoint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages import downward only (DESIGN §11): no package reaches, through any chain of imports, back to
 * itself, and the model's packages know nothing of the commands, reports and experiments built on them.
 */
class PackageLayersTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // The main classes as compiled, read from where Maven puts them: scanning every jar on the class path
        // for the package would cost seconds.
        classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("org.chokepoint.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEngineKnowsNothingOfWhatIsBuiltOnIt() {
        noClasses().that().resideInAnyPackage("org.chokepoint.world..", "org.chokepoint.trade..",
                        "org.chokepoint.market..", "org.chokepoint.agent..", "org.chokepoint.policy..",
                        "org.chokepoint.antitrust..", "org.chokepoint.model..", "org.chokepoint.metrics..",
                        "org.chokepoint.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("org.chokepoint.cli..",
                        "org.chokepoint.report..", "org.chokepoint.experiment..", "org.chokepoint.spark..")
                .check(classes);
    }
}
