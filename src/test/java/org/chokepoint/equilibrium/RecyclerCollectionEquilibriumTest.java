package org.chokepoint.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A recycler whose collection answers its own price, in one region worked out by hand. Households buy 100
 * devices whatever they cost, made at {@code 50 + 50 q / 200} ({@code 4 (p - 50)} of them, so the price is 75).
 * The recycler recovers metal from those devices: it collects {@code 0.2 (p / 10)} of them (elasticity 1 against
 * metal's initial price of 10) at a yield of 1, so it can process {@code 100 × 0.2 p / 10 = 2 p} at a metal price
 * {@code p}, and with a cost of {@code 1 + (q / k)²} it runs at that whole capacity from a price of 2. It is the
 * only supply of metal.
 */
class RecyclerCollectionEquilibriumTest {
    private static final double TOL = 1e-6;

    private static Scenario world(String metalDemand) throws Exception {
        String text = """
                {"meta": {"name": "recycled-metal"},
                 "time": {"ticksPerYear": 52, "horizonTicks": 104},
                 "regions": [{"id": "R"}],
                 "commodities": [
                   {"id": "device", "stage": "final", "initialPrice": 80.0},
                   {"id": "metal", "stage": "refined", "initialPrice": 10.0}],
                 "firms": [
                   {"id": "device-maker", "type": "producer", "region": "R", "commodity": "device", "capacity": 200,
                    "cost": {"base": 50.0, "slope": 50.0, "exponent": 1}},
                   {"id": "recycler", "type": "recycler", "region": "R", "commodity": "metal", "capacity": 100,
                    "cost": {"base": 1.0, "slope": 1.0, "exponent": 2},
                    "recycling": {"feedstock": "device", "yieldPerUnit": 1.0, "collectionShare": 0.2,
                                  "priceElasticity": 1.0, "lagTicks": 0, "maxCollectionShare": 1.0}}],
                 "demand": [
                   {"region": "R", "commodity": "device", "baseQuantity": 100, "referencePrice": 80.0, "elasticity": 0},
                   %s],
                 "behaviour": {"demandNoise": 0.0}}
                """.formatted(metalDemand);
        return ScenarioLoader.fromText(text, "recycled-metal").scenario();
    }

    /**
     * Households want 30 t of metal at any price up to their choke price. The recycler can supply that only where
     * {@code 2 p = 30}: at 15, collecting 0.3 of the devices. Held at any fixed capacity, its supply stops at that
     * capacity whatever the price, so a capacity below 30 leaves the market short at every price (it goes to the
     * choke price and the recycler would collect all it can), and one above 30 clears it near the cost base (where
     * it would collect a fifth of 30): no capacity is the one its own price gives.
     */
    @Test
    void aRecyclerThatIsTheWholeSupplySetsThePriceByWhatItCollects() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(world("""
                {"region": "R", "commodity": "metal", "baseQuantity": 30, "referencePrice": 10.0, "elasticity": 0}"""), 0);
        assertTrue(r.convergence().converged(), r.convergence().toString());
        assertEquals(15.0, r.market("R", "metal").price(), TOL * 15);
        assertEquals(30.0, r.market("R", "metal").production(), TOL * 30);
        assertEquals(30.0, r.market("R", "metal").consumption(), TOL * 30);
        assertEquals(0.0, r.market("R", "metal").rationed(), TOL * 30);
        assertEquals(75.0, r.market("R", "device").price(), TOL * 75);
        assertEquals(100.0, r.market("R", "device").consumption(), TOL * 100);
    }

    /**
     * A linear demand {@code 60 (1 - 0.5 (p / 10 - 1)) = 90 - 3 p} meets the recycler's {@code 2 p} at 18, where it
     * collects 0.36 of the devices and makes 36.
     */
    @Test
    void withADemandThatAnswersThePriceTooTheyMeetWhereBothLinesCross() throws Exception {
        EquilibriumResult r = SpatialEquilibrium.solve(world("""
                {"region": "R", "commodity": "metal", "baseQuantity": 60, "referencePrice": 10.0, "elasticity": -0.5,
                 "form": "linear"}"""), 0);
        assertTrue(r.convergence().converged(), r.convergence().toString());
        assertEquals(18.0, r.market("R", "metal").price(), TOL * 18);
        assertEquals(36.0, r.market("R", "metal").production(), TOL * 36);
        assertEquals(36.0, r.market("R", "metal").consumption(), TOL * 36);
    }
}
