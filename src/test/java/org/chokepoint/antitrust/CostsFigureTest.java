package org.chokepoint.antitrust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.chokepoint.agent.Firms;
import org.chokepoint.model.MinimalWorld;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * The cost a member passes the consortium is its marginal cost at its plan, on the plants it runs. The minimal
 * scenario's magnet maker in Japan has 50 t a week of plant, {@code MC(q) = 10 + 5 (q / 50)^2}; an outage leaves
 * it half, along which it plans and asks: {@code MC(q) = 10 + 5 (q / 25)^2}. Planning 20 t it tells the consortium
 * {@code 10 + 5 x 0.8^2 = 13.2}, what its next tonne costs it; read on its whole plant, the figure was
 * {@code 10 + 5 x 0.4^2 = 10.8}, the cost of plants the outage has shut.
 */
class CostsFigureTest {
    private static final int MAKER = 1;

    @Test
    void aMemberDuringAnOutagePassesOnTheCostOfThePlantsItRuns() throws Exception {
        SupplyShockModel model = MinimalWorld.startedWith("consortia", "[{\"type\": \"jointProcurement\","
                + " \"id\": \"pool\", \"region\": \"JP\", \"mode\": \"AFTER_SHOCK\", \"input\": \"oxide\","
                + " \"disruptedOrigin\": \"CN\", \"cutoffThreshold\": 0.5, \"graceTicks\": 4,"
                + " \"candidateSuppliers\": [\"CN\"], \"poolingPremium\": 0.05, \"joinCoverTicks\": 6,"
                + " \"exchange\": [\"costs\"]}]", 52);
        Firms x = model.firms();
        assertEquals("maker", x.id(MAKER));
        World w = model.world();
        ConsortiumTerms terms = new ConsortiumTerms((JointProcurementSpec) model.scenario().consortia().get(0), w,
                model.scenario().behaviour());
        Membership members = new Membership(x, terms);
        members.member[MAKER] = true;
        x.setOperableShare(x.market(MAKER), 0.5);
        setPlan(x, 20);

        MessageLog log = new MessageLog(InformationExchange.capacity(members.candidates.length, terms));
        new InformationExchange(terms).exchange(x, model.markets(), members, log);

        assertEquals(InformationField.COSTS, log.field(0));
        assertEquals(13.2, log.value(0), 1e-9);
    }

    private static void setPlan(Firms x, double planned) throws Exception {
        var field = Firms.class.getDeclaredField("plannedOutput");
        field.setAccessible(true);
        ((double[]) field.get(x))[MAKER] = planned;
        var capacity = Firms.class.getDeclaredField("capacity");
        capacity.setAccessible(true);
        ((double[]) capacity.get(x))[MAKER] = 50;
    }
}
