package org.chokepoint.antitrust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.chokepoint.agent.Firms;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pooled order of Japan's naphtha consortium (scenarios/naphtha-hormuz-2026-case6.json) worked by hand. Two
 * members lack 60 t and 20 t of their cover: the pooled requirement is 80 t. The consortium buys for them as each
 * buys for itself, closing an eighth of the gap a week ({@code behaviour.stockAdjustTicks}, 8 by default): it
 * orders 10 t, not the whole 80 t at once, and what it holds, has at sea or has ordered is each member's supply
 * line, shared as landed cargo is (three quarters and one quarter), so that neither buys at home what the pool is
 * bringing it.
 */
class PooledProcurementTest {
    private SupplyShockModel model;
    private Membership members;
    private PooledProcurement pool;
    private int first;
    private int second;

    @BeforeEach
    void consortium() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026-case6.json")).scenario();
        model = new SupplyShockModel(s, 1, -1);
        model.start();
        ConsortiumTerms terms = new ConsortiumTerms((JointProcurementSpec) s.consortia().get(0), model.world(),
                s.behaviour());
        members = new Membership(model.firms(), terms);
        pool = new PooledProcurement(terms, model.world(), model.markets());
        first = members.candidates[0];
        second = members.candidates[1];
        members.member[first] = true;
        members.member[second] = true;
        members.required[first] = 60;
        members.required[second] = 20;
    }

    @Test
    void itOrdersAnEighthOfWhatItsMembersLackAndCountsItAsTheirs() {
        assertEquals(10.0, pool.plan(model.markets(), 80), 1e-12);
        Firms x = model.firms();
        pool.shareOnOrder(x, model.markets(), members);
        assertEquals(7.5, onOrder(first), 1e-12);
        assertEquals(2.5, onOrder(second), 1e-12);
        for (int k = 2; k < members.candidates.length; k++) {
            assertEquals(0.0, onOrder(members.candidates[k]), 0.0, "a candidate that has not joined has nothing on order");
        }
    }

    @Test
    void whenItStopsActingNothingIsOrderedAndNothingIsOnOrder() {
        pool.plan(model.markets(), 80);
        pool.cancel();
        pool.shareOnOrder(model.firms(), model.markets(), members);
        assertEquals(0.0, onOrder(first), 0.0);
        assertEquals(0.0, onOrder(second), 0.0);
    }

    private double onOrder(int f) {
        Firms x = model.firms();
        return x.inputOnOrder(x.slotOf(f, model.world().commodityIndex("naphtha")));
    }
}
