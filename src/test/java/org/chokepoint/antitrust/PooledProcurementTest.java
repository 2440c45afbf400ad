package org.chokepoint.antitrust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.chokepoint.agent.Firms;
import org.chokepoint.market.Markets;
import org.chokepoint.market.OrderBook;
import org.chokepoint.market.Owner;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.world.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pooled order of Japan's naphtha consortium (scenarios/naphtha-hormuz-2026-case6.json, in its first week)
 * worked by hand. Two members lack 60 t and 20 t of their cover: the pooled requirement is 80 t, and 16 t the pool
 * bought in the US are at sea. The consortium buys for its members as each buys for itself, closing an eighth of
 * the gap a week ({@code behaviour.stockAdjustTicks}, 8 by default): it orders {@code (80 - 16) / 8 = 8} t, not
 * the whole gap at once. What it has at sea and has ordered, 24 t, is the members' supply line, shared as landed
 * cargo is, three quarters and one quarter: 18 t and 6 t. A candidate that has not joined has none, whatever it
 * lacks.
 */
class PooledProcurementTest {
    private SupplyShockModel model;
    private World world;
    private Markets markets;
    private Firms firms;
    private Membership members;
    private PooledProcurement pool;
    private int first;
    private int second;
    private int outsider;
    private int us;

    @BeforeEach
    void consortium() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/naphtha-hormuz-2026-case6.json")).scenario();
        model = new SupplyShockModel(s, 1, -1);
        model.start();
        world = model.world();
        markets = model.markets();
        firms = model.firms();
        ConsortiumTerms terms = new ConsortiumTerms((JointProcurementSpec) s.consortia().get(0), world,
                s.behaviour());
        members = new Membership(firms, terms);
        pool = new PooledProcurement(terms, world, markets, model.traders().count);
        assertTrue(members.candidates.length >= 3, "Japan has at least three complexes that use naphtha");
        first = members.candidates[0];
        second = members.candidates[1];
        outsider = members.candidates[2];
        members.member[first] = true;
        members.member[second] = true;
        members.required[first] = 60;
        members.required[second] = 20;
        members.required[outsider] = 40;
        us = world.market(world.regionIndex("US"), world.commodityIndex("naphtha"));
        pool.dispatch(world, markets, us, 0, 5, 16, 16 * markets.price(us) * 1000);
    }

    @Test
    void itOrdersAnEighthOfWhatItsMembersLackBeyondItsCargoAtSeaAndCountsBothAsTheirs() {
        assertEquals(8.0, pool.plan(world, markets, model.routes(), model.tradeRules(), 80, true, 0), 1e-12);
        share();
        assertEquals(18.0, onOrder(first), 1e-12);
        assertEquals(6.0, onOrder(second), 1e-12);
        assertEquals(0.0, onOrder(outsider), 0.0, "a candidate that has not joined has nothing on order");
    }

    /**
     * Members that did not say which suppliers they can use leave the pool the first one listed, the US: it bids
     * Japan's price plus its 5% premium, less the freight from the US, for the 8 t.
     */
    @Test
    void itBidsJapansPricePlusItsPremiumLessFreightAtTheFirstSupplierListed() {
        pool.plan(world, markets, model.routes(), model.tradeRules(), 80, false, 0);
        pool.post(world, markets, model.tradeRules(), 0);
        int japan = world.market(world.regionIndex("JP"), world.commodityIndex("naphtha"));
        int route = world.routeBetween(world.regionIndex("US"), world.regionIndex("JP"));
        assertEquals(1, markets.book(us).bidCount());
        assertEquals(8.0, markets.book(us).bidQuantity(0), 1e-12);
        assertEquals(markets.price(japan) * 1.05 - model.routes().cost(route), markets.book(us).bidLimit(0), 1e-9);
    }

    @Test
    void whenItStopsActingWhatIsAtSeaStaysOnOrderForItsMembers() {
        pool.plan(world, markets, model.routes(), model.tradeRules(), 80, true, 0);
        pool.cancel();
        share();
        assertEquals(12.0, onOrder(first), 1e-12);
        assertEquals(4.0, onOrder(second), 1e-12);
    }

    /** With no member short, the 16 t at sea wait in the pool for whoever needs them: each member's normal use share. */
    @Test
    void whileNoMemberLacksAnythingTheCargoAtSeaIsSharedByNormalUse() {
        members.required[first] = 0;
        members.required[second] = 0;
        pool.cancel();
        share();
        double a = use(first);
        double b = use(second);
        assertEquals(16 * a / (a + b), onOrder(first), 1e-12);
        assertEquals(16 * b / (a + b), onOrder(second), 1e-12);
    }

    /**
     * The 8 t the pool buys in the US at the clearing price sail home carried at what they cost landed in dollars,
     * as firms and traders count theirs: at $1,000 a tonne per $/kg of price, 8 t at a price p with the lane's
     * freight f on top (no duty on the lane) cost 8,000 (p + f) dollars. Once landed with no member short, they
     * wait in the pool at that cost, which is what the welfare sum takes off their value at the end of a run.
     */
    @Test
    void itsCargoIsCarriedAtWhatItCostInDollars() {
        pool.plan(world, markets, model.routes(), model.tradeRules(), 80, false, 0);
        pool.post(world, markets, model.tradeRules(), 0);
        OrderBook book = markets.book(us);
        book.addAsk(0, 100, Owner.of(0, 0));
        double p = markets.price(us);
        book.clearAtPrice(p);
        assertEquals(8.0, book.bidFilled(0), 1e-12);
        int japan = world.market(world.regionIndex("JP"), world.commodityIndex("naphtha"));
        double[] before = atSea(japan);
        pool.settle(world, markets, model.routes(), model.tradeRules(), book, us, 0, 1, 0);
        double[] after = atSea(japan);
        assertEquals(8.0, after[0] - before[0], 1e-9);
        double freight = model.routes().cost(world.routeBetween(world.regionIndex("US"), world.regionIndex("JP")));
        assertTrue(freight > 0, "the lane charges freight");
        assertEquals(8 * (p + freight) * 1000, after[1] - before[1], 1e-6 * p, "8 t at p + f $/kg, in dollars");
    }

    /**
     * The 16 t at sea land five weeks on and go to the members in the shares of what they lack, 60 and 20 of 80:
     * 12 t and 4 t, each at the dollars a tonne the cargo cost (p + f) × 1,000, charged to the member's market;
     * the outsider, which lacks 40 t but has not joined, gets none. Lacking only 6 t and 2 t, they take 6 and 2 and
     * the other 8 t wait in the pool at their cost.
     */
    @Test
    void landedCargoGoesToMembersInTheSharesOfWhatTheyLackAtWhatItCost() {
        double cost = 16 * markets.price(us) * 1000;
        double[] held = {firms.inputStock(slot(first)), firms.inputStock(slot(second)),
            firms.inputStock(slot(outsider))};
        double[] charged = {markets.ledger().producerSurplus(firms.market(first))};
        double[] recent = new double[firms.count];
        for (int tick = 1; tick < 5; tick++) {
            pool.landAndDeliver(firms, world, markets, model.tradeRules(), members, recent, tick);
            assertEquals(0.0, pool.stock(), 0, "nothing has landed by week " + tick);
        }
        members.required[first] = 6;
        members.required[second] = 2;
        pool.landAndDeliver(firms, world, markets, model.tradeRules(), members, recent, 5);
        assertEquals(6.0, firms.inputStock(slot(first)) - held[0], 1e-9);
        assertEquals(2.0, firms.inputStock(slot(second)) - held[1], 1e-9);
        assertEquals(0.0, firms.inputStock(slot(outsider)) - held[2], 0);
        assertEquals(6.0, recent[first], 1e-12);
        assertEquals(2.0, recent[second], 1e-12);
        assertEquals(8.0, pool.stock(), 1e-9, "what no member lacks waits in the pool");
        assertEquals(cost / 2, pool.stockCost(), 1e-9 * cost, "at half the cost of the 16 t");
        assertEquals(firms.market(first), firms.market(second), "both make resin in Japan");
        assertEquals(-cost / 2, markets.ledger().producerSurplus(firms.market(first)) - charged[0], 1e-9 * cost,
                "8 t charged to resin's makers at what they cost");
        // A week on the members lack 60 t and 20 t again: the 8 t go 6 and 2, and the pool is empty at no cost.
        members.required[first] = 60;
        members.required[second] = 20;
        pool.landAndDeliver(firms, world, markets, model.tradeRules(), members, recent, 6);
        assertEquals(12.0, firms.inputStock(slot(first)) - held[0], 1e-9);
        assertEquals(4.0, firms.inputStock(slot(second)) - held[1], 1e-9);
        assertEquals(0.0, pool.stock(), 1e-9);
        assertEquals(0.0, pool.stockCost(), 1e-9 * cost);
    }

    private double[] atSea(int market) {
        double[] q = new double[world.marketCount()];
        double[] v = new double[world.marketCount()];
        markets.shipping().addAtSea(q, v);
        return new double[] {q[market], v[market]};
    }

    private void share() {
        firms.clearInputsOnOrder();
        pool.shareOnOrder(firms, markets, members);
    }

    private int slot(int f) {
        return firms.slotOf(f, world.commodityIndex("naphtha"));
    }

    private double onOrder(int f) {
        return firms.inputOnOrder(slot(f));
    }

    private double use(int f) {
        return firms.intensity(slot(f)) * firms.normalSales(f);
    }
}
