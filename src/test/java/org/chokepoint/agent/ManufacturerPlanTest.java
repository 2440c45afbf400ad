package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.BehaviourSpec;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sales a manufacturer plans for after a spell without input. The minimal scenario's magnet maker converts at
 * {@code MC(q) = 10 + 5 (q / K)^2} on its capacity K; it expects a net price of 12.5 a tonne of magnet (its
 * magnet's price less its oxide's expected cost), at which its conversion curve makes
 * {@code K sqrt((12.5 - 10) / 5) = 0.7071 K}. Starved of oxide it sold 2 t a week, its normal sales now; it holds
 * no magnets, against a target of 4 weeks of those sales, 8 t, a gap closed over 8 weeks: 1 t a week.
 *
 * <p>Planning on its sales ({@code manufacturerPlan: sales}, the default), the price pulls it above them by
 * {@code 12.5 / MC(2)} and it wants {@code 2 x 12.5 / (10 + 5 (2 / K)^2) + 1}, about 3.5 t a week: little more
 * than it could sell while it had nothing to work. Planning on its supply curve ({@code supplyCurve}) it wants what
 * its margin pays for, {@code 0.7071 K + 1}. Either way its plan moves a fifth of the way there from last week's 2.
 */
class ManufacturerPlanTest {
    private static final int MAKER = 1;
    private static final double NET = 12.5;

    /** The maker's plan after the starved spell, and its capacity K. */
    private record Planned(double plan, double capacity) { }

    private static Planned planAfterStarvation(String rule) throws Exception {
        ObjectNode json = ScenarioLoader.load(Path.of("src/test/resources/scenarios/minimal.json")).json().deepCopy();
        if (rule != null) {
            json.putObject("behaviour").put("manufacturerPlan", rule);
        }
        SupplyShockModel m = new SupplyShockModel(ScenarioLoader.fromJson(json, "minimal").scenario(), 1, 52);
        m.start();
        Firms x = m.firms();
        assertEquals("maker", x.id(MAKER));
        Producers producers = new Producers(x, m.scenario().behaviour(), 52);
        x.status[MAKER] = FirmStatus.ACTIVE;
        x.normalSales[MAKER] = 2;
        x.plannedOutput[MAKER] = 2;
        x.stock[MAKER] = 0;
        producers.plan(MAKER, NET, x.capacity[MAKER]);
        return new Planned(x.plannedOutput[MAKER], x.capacity[MAKER]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "sales"})
    void onItsSalesItComesBackAtMostAsFastAsThePricePullsThem(String rule) throws Exception {
        Planned p = planAfterStarvation(rule.equals("default") ? null : rule);
        double k = p.capacity();
        double desired = 2 * NET / (10 + 5 * (2 / k) * (2 / k)) + 1;
        assertEquals(2 + 0.2 * (desired - 2), p.plan(), 1e-9);
    }

    @Test
    void onItsSupplyCurveItPlansWhatItsMarginPaysFor() throws Exception {
        Planned p = planAfterStarvation(BehaviourSpec.PLAN_SUPPLY_CURVE);
        double k = p.capacity();
        double desired = k * Math.sqrt((NET - 10) / 5) + 1;
        assertEquals(2 + 0.2 * (desired - 2), p.plan(), 1e-9);
    }
}
