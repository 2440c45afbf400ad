package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The redeployment run by the model on a growing market. C imports metal from A (four traders of 30 a week) and
 * from B (two of 30); C's final demand grows 5% a year, so every trader's capacity follows C's growth path. A
 * bans its exports to C from week 20 for good, with no way round. No trader can earn the rent that would make it
 * add capacity (a hurdle of 1000), so whatever the lanes carry between them is what they carried at the start
 * grown along the path: the same as in the world without the ban, week by week. What changes is where it is:
 * from week 46 (the ban's 26th week) A's capacity moves to B's lane over a thirteen-week lead, and some years on
 * all of it works from B.
 */
class LaneRedeploymentModelTest {
    static final String WORLD = """
            {"meta": {"name": "redeployment"},
             "time": {"ticksPerYear": 52, "horizonTicks": 260},
             "regions": [{"id": "A"}, {"id": "B"}, {"id": "C"}],
             "commodities": [{"id": "metal", "stage": "final", "initialPrice": 6.0}],
             "routes": [{"from": "A", "to": "C", "transitTicks": 1, "costPerUnit": 1.0, "bidirectional": false},
                        {"from": "B", "to": "C", "transitTicks": 2, "costPerUnit": 1.5, "bidirectional": false}],
             "firms": [{"id": "a-mine", "type": "producer", "region": "A", "commodity": "metal", "count": 10,
                        "capacity": 100, "cost": {"base": 2.0, "slope": 50.0, "exponent": 1}},
                       {"id": "b-mine", "type": "producer", "region": "B", "commodity": "metal", "count": 5,
                        "capacity": 100, "cost": {"base": 2.5, "slope": 60.0, "exponent": 1}},
                       {"id": "c-mine", "type": "producer", "region": "C", "commodity": "metal", "count": 5,
                        "capacity": 100, "cost": {"base": 4.0, "slope": 100.0, "exponent": 1}}],
             "traders": [{"id": "a-to-c", "commodity": "metal", "from": "A", "to": "C", "count": 4,
                          "capacityPerTick": 30, "minMargin": 0.01},
                         {"id": "b-to-c", "commodity": "metal", "from": "B", "to": "C", "count": 2,
                          "capacityPerTick": 30, "minMargin": 0.01}],
             "demand": [{"region": "A", "commodity": "metal", "baseQuantity": 60, "referencePrice": 5.0,
                         "elasticity": -0.5, "form": "linear"},
                        {"region": "B", "commodity": "metal", "baseQuantity": 40, "referencePrice": 5.0,
                         "elasticity": -0.5, "form": "linear"},
                        {"region": "C", "commodity": "metal", "baseQuantity": 200, "referencePrice": 8.0,
                         "elasticity": -0.8, "form": "linear", "trendPerYear": 0.05}],
             "policies": [%s],
             "behaviour": {"demandNoise": 0.0, "investment": {"hurdle": 1000}}}
            """;
    static final String BAN = """
            {"type": "exportBan", "id": "a-ban", "region": "A", "commodities": ["metal"], "destinations": ["C"],
             "start": 20}""";

    private static SupplyShockModel model(String policies) throws Exception {
        SupplyShockModel model = new SupplyShockModel(
                ScenarioLoader.fromText(WORLD.formatted(policies), "redeployment").scenario(), 1, -1);
        model.start();
        return model;
    }

    /** The capacity of lane {@code e}'s traders this tick. */
    private static double lane(Traders t, int e) {
        double sum = 0;
        for (int i = 0; i < t.count; i++) {
            if (t.lane(i) == e) {
                sum += t.capacity(i);
            }
        }
        return sum;
    }

    @Test
    void theLanesCarryWhatTheyWouldWithoutTheBanAndTheBannedLanesShareEndsOnTheOpenOne() throws Exception {
        SupplyShockModel banned = model(BAN);
        SupplyShockModel open = model("");
        Traders t = banned.traders();
        Traders u = open.traders();
        assertEquals(120, lane(t, 0), 1e-9, "four traders of 30 from A at the start");
        assertEquals(60, lane(t, 1), 1e-9, "two of 30 from B");
        while (banned.tick() < banned.horizon()) {
            banned.stepTick();
            open.stepTick();
            int week = banned.tick();
            double together = lane(t, 0) + lane(t, 1);
            double without = lane(u, 0) + lane(u, 1);
            assertEquals(without, together, 1e-9 * without, "the two lanes together in week " + week);
            assertTrue(lane(t, 0) >= 0, "A's lane in week " + week);
            if (week <= 45) {
                assertEquals(lane(u, 0), lane(t, 0), 0, "nothing moves before the ban's 26th week: week " + week);
                assertEquals(lane(u, 1), lane(t, 1), 0, "nor into B's lane: week " + week);
            }
        }
        // The case is one of growth: C's demand has grown 5% a year for five years, and the lanes' capacity with it:
        // 180 × 1.05^5 = 229.7.
        double total = lane(u, 0) + lane(u, 1);
        assertEquals(180 * Math.pow(1.05, 5), total, 0.02 * 180 * Math.pow(1.05, 5), "the lanes grew along C's path");
        assertEquals(0, lane(t, 0), 1e-6 * total, "nothing is left idle on A's closed lane");
        assertEquals(total, lane(t, 1), 1e-6 * total, "B's lane works all of it");
    }
}
