package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The way round a licence, worked by hand on the linear market of {@link ExporterInstrumentsEquilibriumTest}
 * (X makes {@code 20 (p - 2)} and buys {@code 150 - 10 p}, M makes {@code 5 (p - 5)} and buys {@code 240 - 15 p},
 * 0.5 a unit from X to M, twenty traders of 8 a tick) with a third region V. X licenses its exports and denies M
 * every licence; a leak rate of 0.3 of what it refuses goes round through V at 1.0 a unit more. Refused all their
 * capacity, the traders send 0.3 x 160 = 48 round, if that pays: X's exports {@code 30 p_X - 190 = 48} give
 * {@code p_X = 238 / 30}, M's imports {@code 265 - 20 p_M = 48} give {@code p_M = 10.85}, a gap of 2.92 above the
 * 1.5 the detour costs, so the leak binds. With a rule against circumvention nothing leaves: {@code p_X = 190 / 30},
 * {@code p_M = 13.25}.
 */
class CircumventionEquilibriumTest {
    private static final double TOL = 1e-6;

    private static EquilibriumResult solve(String licensing) throws Exception {
        String text = ExporterInstrumentsEquilibriumTest.linearText(licensing)
                .replace("\"regions\": [{\"id\": \"X\"}, {\"id\": \"M\"}]",
                        "\"regions\": [{\"id\": \"X\"}, {\"id\": \"M\"}, {\"id\": \"V\"}]");
        EquilibriumResult r = SpatialEquilibrium.solve(ScenarioLoader.fromText(text, "licence-round").scenario(), 0);
        assertTrue(r.convergence().converged(), r.convergence().toString());
        return r;
    }

    private static final String LICENSING = """
            {"type": "exportLicensing", "region": "X", "commodities": ["metal"], "leadTicks": 9,
             "deniedDestinations": ["M"], "circumvention": {"via": "V", "extraCostPerUnit": 1.0, "leakRate": 0.3}""";

    @Test
    void whatTheLicenceRefusesLeaksRoundAtTheLeakRateOfTheTradersCapacity() throws Exception {
        EquilibriumResult r = solve(LICENSING + "}");
        assertEquals(238.0 / 30, r.market("X", "metal").price(), TOL, "P_X");
        assertEquals(10.85, r.market("M", "metal").price(), TOL, "P_M");
        double round = 0;
        for (EquilibriumResult.LaneResult lane : r.lanes()) {
            if ("detour".equals(lane.kind())) {
                assertEquals("V", lane.via());
                round += lane.flow();
            } else {
                assertEquals(0, lane.flow(), TOL, "nothing goes straight to M");
            }
        }
        assertEquals(48, round, TOL, "0.3 of the traders' 160 goes round through V");
    }

    /**
     * Under M's tariff-rate quota, 10% beyond its licences, the cargo round the licence holds none and pays the
     * 10% on its c.i.f. price, {@code p_X + 0.5}: the detour then costs 1.5 + 0.84, still below the gap of 2.92, so
     * the leak binds at 48 and the prices stand. M collects {@code 0.1 (238 / 30 + 0.5) 48 = 40.48} a tick, the
     * quota's out-of-quota tariff; its wedge held the tariff, and its figures had left it out.
     */
    @Test
    void theCargoRoundPaysTheImportersOutOfQuotaTariff() throws Exception {
        EquilibriumResult r = solve(LICENSING + "}, {\"type\": \"tariffRateQuota\", \"id\": \"m-trq\", \"region\": \"M\","
                + " \"commodity\": \"metal\", \"yearlyQuota\": 520, \"outOfQuotaTariff\": 0.1}");
        assertEquals(238.0 / 30, r.market("X", "metal").price(), TOL, "P_X");
        assertEquals(10.85, r.market("M", "metal").price(), TOL, "P_M");
        double tariff = 0.1 * (238.0 / 30 + 0.5) * 48;
        assertEquals(tariff, r.market("M", "metal").levyRevenue(), TOL, "M's tariff on the cargo round");
        var figures = r.instruments().stream().filter(i -> i.id().equals("m-trq")).findFirst().orElseThrow().figures();
        assertEquals(tariff, figures.get("tariffRevenue"), TOL, "the quota's tariff revenue");
        assertEquals(48, figures.get("outOfQuotaVolume"), TOL, "all of it out of quota");
    }

    /**
     * Cargo declared to M on its way to M is M's cargo: a way round that runs through the lane's own destination is
     * none, as the model has it, so the licence holds as under a rule against circumvention.
     */
    @Test
    void aWayRoundThroughTheDestinationItselfLeaksNothing() throws Exception {
        EquilibriumResult r = solve(LICENSING.replace("\"via\": \"V\"", "\"via\": \"M\"") + "}");
        assertEquals(190.0 / 30, r.market("X", "metal").price(), TOL, "P_X");
        assertEquals(13.25, r.market("M", "metal").price(), TOL, "P_M");
        for (EquilibriumResult.LaneResult lane : r.lanes()) {
            assertTrue(!"detour".equals(lane.kind()), "no detour lane: " + lane.via());
        }
    }

    /**
     * A ban on M under a rule against circumvention closes the way round the licence leaves open too: X's customs
     * look through V to where the cargo is bound, so nothing leaves X for M, as under a licence with the rule.
     */
    @Test
    void aRuleAgainstCircumventionOnAnotherMeasureOfTheLaneStopsTheLeak() throws Exception {
        EquilibriumResult r = solve(LICENSING + "}, {\"type\": \"exportBan\", \"region\": \"X\", "
                + "\"commodities\": [\"metal\"], \"destinations\": [\"M\"], \"antiCircumvention\": true}");
        assertEquals(190.0 / 30, r.market("X", "metal").price(), TOL, "P_X");
        assertEquals(13.25, r.market("M", "metal").price(), TOL, "P_M");
        assertEquals(0, r.laneFlow("x-to-m"), TOL, "nothing leaves X for M");
    }

    @Test
    void aRuleAgainstCircumventionStopsTheLeak() throws Exception {
        EquilibriumResult r = solve(LICENSING + ", \"antiCircumvention\": true}");
        assertEquals(190.0 / 30, r.market("X", "metal").price(), TOL, "P_X");
        assertEquals(13.25, r.market("M", "metal").price(), TOL, "P_M");
        assertEquals(0, r.laneFlow("x-to-m"), TOL, "nothing leaves X for M");
    }
}
