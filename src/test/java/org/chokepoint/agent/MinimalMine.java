package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.ScenarioLoader;

/**
 * The minimal scenario's firms once its model has started, whose first is the mine: capacity 100,
 * {@code MC(q) = 20 + 30 (q / 100)^2}, the seller the agent tests work their prices on.
 */
final class MinimalMine {
    static final int MINE = 0;

    private MinimalMine() {
    }

    static Firms firms() throws Exception {
        SupplyShockModel m = new SupplyShockModel(
                ScenarioLoader.load(Path.of("src/test/resources/scenarios/minimal.json")).scenario(), 1, 52);
        m.start();
        Firms firms = m.firms();
        assertEquals("mine", firms.id(MINE));
        return firms;
    }

    /** The mine operating on all of its plant, normally run at 80% of it: how the capacity tests take it. */
    static void operatingOnItsWholePlant(Firms firms) {
        firms.status[MINE] = FirmStatus.ACTIVE;
        firms.normalUtilization[MINE] = 0.8;
        firms.availableCapacity[MINE] = 100;
    }

    /**
     * The capacity decisions of {@code firms} with every behaviour default, a restart taking at most
     * {@code restartTicks} (-1: half the firm's investment lead).
     */
    static CapacityDecisions defaultDecisions(Firms firms, int restartTicks) {
        BehaviourSpec.Investment inv = BehaviourSpec.DEFAULTS.investment();
        BehaviourSpec.Exit exit = BehaviourSpec.DEFAULTS.exit();
        return new CapacityDecisions(firms, inv.hurdle(), inv.patienceTicks(), inv.stepShare(),
                exit.mothballAfterTicks(), exit.exitAfterTicks(), restartTicks, exit.restartMargin(),
                exit.restartPerIdleTick(), inv.trendUtilizationFloor());
    }
}
