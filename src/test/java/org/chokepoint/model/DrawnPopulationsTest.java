package org.chokepoint.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.agent.Firms;
import org.chokepoint.agent.Traders;
import org.chokepoint.equilibrium.FirmParameters;
import org.chokepoint.equilibrium.TraderParameters;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Two mines drawn from a range and one idle mine in A; three traders from A to B with drawn capacity and
 * margin, and one from B to A. The equilibrium gets one row per firm, tied to its entry, and one lane per
 * trader entry carrying what its traders carry together at their capacity-weighted margin.
 */
class DrawnPopulationsTest {
    private static final String SCENARIO = """
            {"meta": {"name": "drawn"},
             "time": {"ticksPerYear": 52, "horizonTicks": 52},
             "regions": [{"id": "A"}, {"id": "B"}],
             "commodities": [{"id": "metal", "stage": "final", "initialPrice": 6.0}],
             "routes": [{"from": "A", "to": "B", "transitTicks": 1, "costPerUnit": 0.5}],
             "firms": [
               {"id": "mine", "type": "producer", "region": "A", "commodity": "metal", "count": 2,
                "capacity": {"min": 80, "max": 120}, "cost": {"base": {"min": 1.5, "max": 2.5}, "slope": 50.0, "exponent": 1}},
               {"id": "idle", "type": "producer", "region": "A", "commodity": "metal", "capacity": 40,
                "cost": {"base": 6.0, "slope": 20.0, "exponent": 1.5}, "status": "mothballed"}],
             "traders": [
               {"id": "a-to-b", "commodity": "metal", "from": "A", "to": "B", "count": 3,
                "capacityPerTick": {"min": 50, "max": 150}, "minMargin": {"min": 0.01, "max": 0.05}},
               {"id": "b-to-a", "commodity": "metal", "from": "B", "to": "A", "capacityPerTick": 30,
                "minMargin": 0.02}],
             "demand": [
               {"region": "A", "commodity": "metal", "baseQuantity": 60, "referencePrice": 5.0, "elasticity": -0.5},
               {"region": "B", "commodity": "metal", "baseQuantity": 100, "referencePrice": 8.0, "elasticity": -0.8}]}
            """;

    @Test
    void everyFirmIsARowOfItsEntryAndEveryLaneSumsItsTraders() throws Exception {
        Scenario s = ScenarioLoader.fromText(SCENARIO, "drawn").scenario();
        SupplyShockModel model = new SupplyShockModel(s, 11, 1);
        model.start();
        DrawnPopulations drawn = DrawnPopulations.of(model);
        Firms f = model.firms();
        Traders t = model.traders();

        FirmParameters firms = drawn.firms();
        assertArrayEquals(new int[] {0, 0, 1}, firms.spec(), "mine-1, mine-2, idle");
        assertArrayEquals(new int[] {0, 1, 0}, firms.first(), "each firm's number within its entry");
        assertArrayEquals(new double[] {1, 1, 1}, firms.weight());
        assertArrayEquals(new boolean[] {true, true, false}, firms.active(), "the idle mine starts mothballed");
        assertArrayEquals(new double[] {f.capacity(0), f.capacity(1), f.capacity(2)}, firms.capacity(),
                "the capacities the model drew");
        assertArrayEquals(new double[] {f.costBase(0), f.costBase(1), f.costBase(2)}, firms.costBase());
        assertArrayEquals(new double[] {1, 1, 1.5}, firms.costExponent());

        // a-to-b: three traders with capacities k_i and margins m_i carry Σ k_i at margin Σ k_i m_i / Σ k_i.
        double k = t.capacity(0) + t.capacity(1) + t.capacity(2);
        double km = t.capacity(0) * t.minMargin(0) + t.capacity(1) * t.minMargin(1) + t.capacity(2) * t.minMargin(2);
        TraderParameters traders = drawn.traders();
        assertArrayEquals(new double[] {k, 30}, traders.capacity(), 1e-12);
        assertArrayEquals(new double[] {km / k, 0.02}, traders.minMargin(), 1e-12);
        model.finish();
    }

    /** Before its first tick a run holds what it drew; it cannot be run past its horizon. */
    @Test
    void aRunHeldAtItsStartIsWhatItDrew() throws Exception {
        Scenario s = ScenarioLoader.fromText(SCENARIO, "drawn").scenario();
        assertTrue(DrawnPopulations.after(s, 11, 0).sameAs(DrawnPopulations.draw(s, 11)));
        assertThrows(IllegalArgumentException.class, () -> DrawnPopulations.after(s, 11, 53));
        assertThrows(IllegalArgumentException.class, () -> DrawnPopulations.after(s, 11, -1));
    }

    @Test
    void drawingAgainWithTheSeedGivesTheSamePopulations() throws Exception {
        Scenario s = ScenarioLoader.fromText(SCENARIO, "drawn").scenario();
        DrawnPopulations a = DrawnPopulations.draw(s, 11);
        DrawnPopulations b = DrawnPopulations.draw(s, 11);
        DrawnPopulations other = DrawnPopulations.draw(s, 12);
        assertArrayEquals(a.firms().capacity(), b.firms().capacity());
        assertArrayEquals(a.traders().minMargin(), b.traders().minMargin());
        assertEquals(false, java.util.Arrays.equals(a.firms().capacity(), other.firms().capacity()),
                "another seed draws other mines");
    }
}
