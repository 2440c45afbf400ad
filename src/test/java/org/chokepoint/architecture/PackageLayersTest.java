package org.chokepoint.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages import downward only (DESIGN §11): no package reaches, through any chain of imports, back to
 * itself, and the model's packages know nothing of the commands, reports and experiments built on them.
 */
class PackageLayersTest {
    /**
     * Imports that still close a cycle, each from a package to another: the scenario's checks call into the
     * policies' and consortia's own readers until their specs are typed records of the scenario, and an
     * episode helper of the calibration reads the model class. Each must go, and then leave this list.
     */
    private static final List<String[]> PENDING = List.of(
            new String[] {"org.chokepoint.scenario", "org.chokepoint.policy"},
            new String[] {"org.chokepoint.scenario", "org.chokepoint.antitrust"},
            new String[] {"org.chokepoint.metrics", "org.chokepoint.model"});

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // The main classes as compiled, read from where Maven puts them: scanning every jar on the class path
        // for the package would cost seconds.
        classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        SliceRule rule = slices().matching("org.chokepoint.(*)..").should().beFreeOfCycles();
        for (String[] edge : PENDING) {
            rule = rule.ignoreDependency(resideInAPackage(edge[0] + ".."), resideInAPackage(edge[1] + ".."));
        }
        rule.check(classes);
    }

    @Test
    void everyPendingImportIsStillThere() {
        for (String[] edge : PENDING) {
            boolean found = false;
            for (JavaClass c : classes) {
                if (!c.getPackageName().startsWith(edge[0])) {
                    continue;
                }
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    found |= d.getTargetClass().getPackageName().startsWith(edge[1]);
                }
            }
            assertTrue(found, edge[0] + " no longer imports " + edge[1] + ": take the pair out of PENDING");
        }
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
