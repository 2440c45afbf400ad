package org.chokepoint.antitrust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.chokepoint.market.Ledger;
import org.chokepoint.market.Markets;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.spec.JointProcurementSpec;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;

/**
 * Japan's naphtha consortium (scenarios/naphtha-hormuz-2026-case6.json) buys in the US and the rest of the world
 * once the strait shuts. Its cargo crosses borders as a trader's does, so the trade measures on its lanes act on
 * it: a ban or an office that denies Japan sends it to the next supplier, an export tax and a tariff floor come
 * off what it can bid, the tax is paid on every tonne it ships and the floor's levy on every tonne that lands from
 * an origin it covers, and a quota or a licence bounds what it ships with the traders'. Before, pooled cargo left
 * and landed unseen by every measure, and a scenario that put one on a pool's lane was refused.
 */
class PooledCargoUnderTradeMeasuresTest {
    private static final Path CASE6 = Path.of("scenarios/naphtha-hormuz-2026-case6.json");
    private static final double PREMIUM = 1.05;

    /**
     * With the US banning naphtha exports to Japan, members who name no suppliers leave the pool the first open
     * one listed: not the US, then the rest of the world, where it bids Japan's price plus its premium less the
     * freight from there.
     */
    @Test
    void aBanSendsThePoolToTheNextSupplierListed() throws Exception {
        Pool p = new Pool(s -> usMeasure(s, "exportBan"));
        p.plan(false);
        assertEquals(0, p.markets.book(p.market("US")).bidCount(), "nothing is bid in the US");
        assertEquals(10.0, p.markets.book(p.market("ROW")).bidQuantity(0), 1e-12);
        assertEquals(p.japan() * PREMIUM - p.freight("ROW"), p.markets.book(p.market("ROW")).bidLimit(0), 1e-9);
    }

    /**
     * A US licensing office that denies every application for Japan refuses the pool outright: it does not apply
     * there, but at the rest of the world, as under a ban (an office that approves late is applied to: see
     * {@link #thePoolAppliesForLicencesAndShipsOnlyWhatTheyCover}).
     */
    @Test
    void aLicensingOfficeThatDeniesThePoolsRegionSendsItToTheNextSupplier() throws Exception {
        Pool p = new Pool(s -> usMeasure(s, "exportLicensing").put("leadTicks", 2).putArray("deniedDestinations")
                .add("JP"));
        p.plan(false);
        assertEquals(0, p.markets.book(p.market("US")).bidCount(), "nothing is bid in the US");
        assertEquals(10.0, p.markets.book(p.market("ROW")).bidQuantity(0), 1e-12);
    }

    /**
     * A 10% US export tax: a unit bought at the US price {@code b} lands at {@code 1.1 b + freight}, so the most the
     * pool bids there is {@code (1.05 p_JP - freight) / 1.1}.
     */
    @Test
    void anExportTaxComesOffWhatThePoolBidsAtTheSupplier() throws Exception {
        Pool p = new Pool(s -> usMeasure(s, "exportTax").put("rate", 0.1));
        p.plan(false);
        double expected = (p.japan() * PREMIUM - p.freight("US")) / 1.1;
        assertEquals(expected, p.markets.book(p.market("US")).bidLimit(0), 1e-9);
    }

    /**
     * Members receive pooled cargo at what it cost landed. Under a 10% US export tax the pool's 10 t bought at the
     * US price {@code p_US} cost {@code 1.1 p_US} a tonne at the border and the freight to Japan on top; landed five
     * weeks later and handed to two members short of 60 t and 20 t, 7.5 t and 2.5 t, they cost the members
     * {@code 10 (1.1 p_US + freight)} in all, in dollars of naphtha's value per unit: the freight the pool's bid
     * allowed for is paid by those it ships for, as a trader's buyers pay it.
     */
    @Test
    void membersReceivePooledCargoAtItsLandedPriceWithTheExportTax() throws Exception {
        Pool p = new Pool(s -> usMeasure(s, "exportTax").put("rate", 0.1));
        p.plan(false);
        double priceUs = p.buyAtUs();
        Delivery d = p.deliver();

        assertEquals(7.5, d.received, 1e-9);
        double expected = 10 * (1.1 * priceUs + p.freight("US")) * p.value();
        assertEquals(expected, d.paid, 1e-9 * expected);
    }

    /**
     * Japan holds a tariff-rate quota on naphtha, 50% out of quota and 5% in it, with room for all the pool brings.
     * The pool plans at the US price {@code b} of the week before, so its in-quota tariff is 5% of {@code b +
     * freight}, which Japan collects on the 10 t; its members pay {@code 10 (p_US + freight)} and that tariff. The
     * rent, Japan's price less that landed cost on each tonne, is then already theirs: the ledger books no quota rent
     * on top, where it booked the rent a second time, while the measure still reports the rent its licences carried.
     */
    @Test
    void aPoolsQuotaRentIsItsMembersAndIsNotCountedTwice() throws Exception {
        Pool p = new Pool(s -> s.putArray("policies").addObject().put("type", "tariffRateQuota").put("id", "jp-trq")
                .put("region", "JP").put("commodity", "naphtha").put("outOfQuotaTariff", 0.5)
                .put("inQuotaTariff", 0.05).put("yearlyQuota", 1.0e6));
        double planned = p.markets.price(p.market("US"));
        p.plan(false);
        double priceUs = p.buyAtUs();
        double levyBefore = p.markets.ledger().levyRevenue(p.market("JP"));
        Delivery d = p.deliver();

        double tariff = 10 * 0.05 * (planned + p.freight("US")) * p.value();
        assertEquals(tariff, p.markets.ledger().levyRevenue(p.market("JP")) - levyBefore, 1e-9 * tariff,
                "Japan collects 5% of the planned landed value");
        double expected = 10 * (priceUs + p.freight("US")) * p.value() + tariff;
        assertEquals(expected, d.paid, 1e-9 * expected, "members pay the in-quota landed cost and its tariff");
        // The licences' rent: Japan's price when the cargo lands less the planned landed value and its tariff.
        double rent = 10 * (p.japan() - 1.05 * (planned + p.freight("US"))) * p.value();
        assertTrue(rent > 0, "Japan's price stands above the in-quota landed cost: " + rent);
        assertEquals(rent, p.model.instruments().get(0).indicators().get("quotaRent"), 1e-9 * rent);
        assertEquals(0.0, p.markets.ledger().quotaRent(p.market("JP")), 0.0);
    }

    /** What two members short of 60 t and 20 t received of the pool's landed cargo and what it cost them. */
    private record Delivery(double received, double paid) { }

    private static double totalProducerSurplus(Pool p) {
        double s = 0;
        for (int m = 0; m < p.markets.count(); m++) {
            s += p.markets.ledger().producerSurplus(m);
        }
        return s;
    }

    /**
     * Japan's tariff floor of 1,000 a tonne stands above what US naphtha lands at ({@code p_US + freight}), so the
     * levy is the gap, {@code 1000 - p_US - freight}, and the pool bids that much less than Japan's price with its
     * premium, less freight.
     */
    @Test
    void aTariffFloorLeviesTheGapToTheFloorOnPooledCargo() throws Exception {
        Pool p = new Pool(s -> s.putArray("policies").addObject().put("type", "tariffFloor").put("id", "jp-floor")
                .put("region", "JP").put("commodity", "naphtha").put("floor", 1000));
        double cif = p.markets.price(p.market("US")) + p.freight("US");
        assertTrue(cif < 1000, "the floor binds: c.i.f. " + cif);
        p.plan(false);
        assertEquals(p.japan() * PREMIUM - (1000 - cif) - p.freight("US"), p.markets.book(p.market("US")).bidLimit(0),
                1e-9);
    }

    /**
     * Over a whole run with the US taxing naphtha exports to Japan at 10%, the US government collects, every week,
     * 10% of the US price on every tonne that left for Japan, the consortium's as well as the traders': the pool
     * bought in the US, and no tonne left untaxed.
     */
    @Test
    void everyTonneThePoolShipsPaysTheExportTax() throws Exception {
        SupplyShockModel m = new SupplyShockModel(scenario(s -> usMeasure(s, "exportTax").put("rate", 0.1)), 1, -1);
        m.start();
        World w = m.world();
        int us = w.market(w.regionIndex("US"), w.commodityIndex("naphtha"));
        int japan = w.regionIndex("JP");
        double value = w.commodity(w.commodityIndex("naphtha")).valuePerUnit();
        Ledger ledger = m.markets().ledger();
        double shipped = 0;
        for (int t = 0; t < m.horizon(); t++) {
            m.stepTick();
            double exported = ledger.exportsTo(us, japan);
            shipped += exported;
            assertEquals(0.1 * m.markets().price(us) * exported * value, ledger.levyRevenue(us),
                    1e-9 * Math.max(1, ledger.levyRevenue(us)), "week " + t);
        }
        Map<?, ?> procurement = (Map<?, ?>) m.consortia().get(0).report().get("procurement");
        double pooledFromUs = ((Map<?, ?>) procurement.get("bySupplier")).containsKey("US")
                ? ((Number) ((Map<?, ?>) procurement.get("bySupplier")).get("US")).doubleValue() : 0;
        assertTrue(pooledFromUs > 0, "the pool bought in the US: " + procurement);
        assertTrue(pooledFromUs < shipped, "traders shipped too: " + pooledFromUs + " of " + shipped);
    }

    /**
     * A US export quota of 5 t a week of naphtha to Japan: the pool asks it for licences as the traders do and
     * bids for what it grants, so in every week the tonnes that leave the US for Japan, pooled or not, stay within
     * the 5 t released that week (the volume a quota year releases, 260 t, over 52 weeks; unused volume lapses
     * within the year, so no week may ship more than the year has released and not yet used).
     */
    @Test
    void thePoolShipsWithinAnExportQuotaAsTradersDo() throws Exception {
        SupplyShockModel m = new SupplyShockModel(scenario(s -> usMeasure(s, "exportQuota").put("yearlyVolume", 260)),
                1, -1);
        m.start();
        World w = m.world();
        int us = w.market(w.regionIndex("US"), w.commodityIndex("naphtha"));
        int japan = w.regionIndex("JP");
        Ledger ledger = m.markets().ledger();
        double released = 0;
        double shipped = 0;
        for (int t = 0; t < m.horizon(); t++) {
            if (t % 52 == 0) {
                released = 0;
                shipped = 0;
            }
            m.stepTick();
            released += 5;
            shipped += ledger.exportsTo(us, japan);
            assertTrue(shipped <= released + 1e-9, "week " + t + ": " + shipped + " shipped of " + released);
        }
        Map<?, ?> bySupplier = (Map<?, ?>) ((Map<?, ?>) m.consortia().get(0).report().get("procurement"))
                .get("bySupplier");
        assertTrue(bySupplier.containsKey("US"), "the pool bought in the US under the quota: " + bySupplier);
    }

    /**
     * The US licenses naphtha exports to Japan, decided after two weeks, all approved: in the week the pool first
     * plans it applies for its 10 t and holds no licence yet, so it bids for nothing; over a run it buys in the
     * US under the licences it gets, and no more leaves the US for Japan than the office approved.
     */
    @Test
    void thePoolAppliesForLicencesAndShipsOnlyWhatTheyCover() throws Exception {
        Consumer<ObjectNode> licensing = s -> usMeasure(s, "exportLicensing").put("leadTicks", 2);
        Pool p = new Pool(licensing);
        p.plan(false);
        assertEquals(0, p.markets.book(p.market("US")).bidCount(), "no licence yet, no bid");
        assertEquals(0, p.markets.book(p.market("ROW")).bidCount(), "it waits for its licence, not elsewhere");

        SupplyShockModel m = new SupplyShockModel(scenario(licensing), 1, -1);
        m.start();
        World w = m.world();
        int us = w.market(w.regionIndex("US"), w.commodityIndex("naphtha"));
        double shipped = 0;
        for (int t = 0; t < m.horizon(); t++) {
            m.stepTick();
            shipped += m.markets().ledger().exportsTo(us, w.regionIndex("JP"));
        }
        double approved = m.instruments().get(0).indicators().get("approved");
        assertTrue(shipped <= approved + 1e-9, shipped + " shipped of " + approved + " approved");
        Map<?, ?> bySupplier = (Map<?, ?>) ((Map<?, ?>) m.consortia().get(0).report().get("procurement"))
                .get("bySupplier");
        assertTrue(bySupplier.containsKey("US"), "the pool bought in the US under licence: " + bySupplier);
    }

    /**
     * The US licenses naphtha exports to Japan, decided after two weeks, all approved, licences good for eight
     * weeks, until it denies Japan from week {@code D}. The pool is the only importer on the lane (its traders are
     * taken out) and buys at the first supplier open to it, the US. Panama is shut for the two weeks before the
     * denial and its first week, so the licences applied for before are granted while the pool cannot use them,
     * and it holds them when the denial comes. They were granted before it and stay good, as a trader's do: once
     * the canal opens the pool goes on buying in the US on them, no more than it held, and nothing once they have
     * lapsed, eight weeks on at the latest. Before, a pool passed the denied supplier by at once and let the
     * licences it held lapse unused.
     */
    @Test
    void aPoolShipsOnTheLicencesItHoldsWhenItsRegionIsDenied() throws Exception {
        int denial = 72;
        int validity = 8;
        SupplyShockModel m = new SupplyShockModel(scenario(s -> {
            usTradersOut(s);
            ((ObjectNode) s.get("consortia").get(0)).putArray("exchange").add("requiredVolume").add("specification");
            usMeasure(s, "exportLicensing").put("leadTicks", 2).put("validityTicks", validity).putArray("denialSchedule")
                    .addObject().put("from", denial).put("denied", true).putArray("destinations").add("JP");
            s.withArray("events").addObject().put("type", "chokepointClosure").put("id", "panama-shut")
                    .put("chokepoint", "panama").put("start", denial - 2).put("end", denial + 1);
        }), 1, -1);
        m.start();
        World w = m.world();
        int us = w.market(w.regionIndex("US"), w.commodityIndex("naphtha"));
        int japan = w.regionIndex("JP");
        double shippedBefore = 0;
        double approvedBefore = 0;
        double shippedAfter = 0;
        for (int t = 0; t < m.horizon(); t++) {
            m.stepTick();
            double q = m.markets().ledger().exportsTo(us, japan);
            if (t < denial) {
                shippedBefore += q;
                approvedBefore = m.instruments().get(0).indicators().get("approved");
            } else {
                shippedAfter += q;
                if (t >= denial + validity) {
                    assertEquals(0, q, 0, "week " + t + ": every licence granted before the denial has lapsed");
                }
            }
        }
        assertTrue(shippedBefore > 0, "the pool bought in the US under licence before the denial");
        assertEquals(approvedBefore, m.instruments().get(0).indicators().get("approved"), 0,
                "nothing approved for Japan from the denial on");
        // The pool is the lane's only importer: every tonne that left the US for Japan is one it bought there.
        Map<?, ?> bySupplier = (Map<?, ?>) ((Map<?, ?>) m.consortia().get(0).report().get("procurement"))
                .get("bySupplier");
        double pooledFromUs = ((Number) bySupplier.get("US")).doubleValue();
        assertEquals(pooledFromUs, shippedBefore + shippedAfter, 1e-9 * pooledFromUs, "the lane's tonnes are the pool's");
        // It ships what it held and no more: 332.48 t against the 499.27 approved less the 166.42 shipped, 332.84 t
        // held. A licence it cannot use within its eight weeks lapses, 0.36 t of them here (none on seeds 2 to 4,
        // where it ships to the tonne what it held), hence 2%.
        double held = approvedBefore - shippedBefore;
        assertEquals(held, shippedAfter, 0.02 * held, "shipped after the denial, of what it held");
        assertTrue(shippedAfter <= held + 1e-9, shippedAfter + " shipped after the denial, " + held + " held");
    }

    /**
     * Japan levies a floor of 1,000 a tonne on naphtha from the US alone (the Middle East and the rest of the
     * world exempt), the pool is the only importer on the lane from the US (its traders are taken out) and, its
     * members passing no candidate suppliers, buys at the first supplier open to it: the US, but the rest of the
     * world while a US ban stops the lane in weeks 77 to 79. A tonne bought in week {@code t} was priced on the
     * US price that closed week {@code t - 1}, so it owes {@code 1000 - p_US - 60} (the freight from the US), and
     * it lands five weeks later (the voyage from the US) as an import from the US, though cargo bought in the rest
     * of the world in week 79 lands with it (a week's voyage). Japan collects the levy in exactly the weeks US
     * cargo lands: not when the cargo bought in the rest of the world during the ban lands while US cargo is
     * still at sea. The pool stops buying long before the run ends, so every tonne has landed and Japan has
     * collected, to the dollar, what the tonnes owed.
     */
    @Test
    void japanCollectsItsFloorOnEveryPooledTonneFromTheUsAndOnNoneFromElsewhere() throws Exception {
        SupplyShockModel m = new SupplyShockModel(scenario(s -> {
            usTradersOut(s);
            ((ObjectNode) s.get("consortia").get(0)).putArray("exchange").add("requiredVolume").add("specification");
            ArrayNode policies = s.putArray("policies");
            ObjectNode floor = policies.addObject().put("type", "tariffFloor").put("id", "jp-floor")
                    .put("region", "JP").put("commodity", "naphtha").put("floor", 1000);
            floor.putArray("exemptOrigins").add("ME").add("ROW");
            ObjectNode ban = policies.addObject().put("type", "exportBan").put("id", "us-ban").put("region", "US")
                    .put("start", 77).put("end", 80);
            ban.putArray("commodities").add("naphtha");
            ban.putArray("destinations").add("JP");
        }), 1, -1);
        m.start();
        World w = m.world();
        int naphtha = w.commodityIndex("naphtha");
        int us = w.market(w.regionIndex("US"), naphtha);
        int japan = w.market(w.regionIndex("JP"), naphtha);
        Ledger ledger = m.markets().ledger();
        int voyage = 5;
        double[] bought = new double[m.horizon()];
        double owed = 0;
        double collected = 0;
        for (int t = 0; t < m.horizon(); t++) {
            double cif = m.markets().price(us) + 60;
            m.stepTick();
            bought[t] = ledger.exportsTo(us, w.regionIndex("JP"));
            double levy = ledger.levyRevenue(japan);
            if (bought[t] > 0) {
                assertTrue(cif < 1000, "week " + t + ": the floor binds, c.i.f. " + cif);
            }
            double due = t >= voyage ? bought[t - voyage] : 0;
            assertEquals(due, ledger.importsFrom(japan, w.regionIndex("US")), 1e-9 * due, "week " + t);
            boolean usCargoLands = due > 0;
            assertEquals(usCargoLands, levy > 0, "week " + t + ": levy " + levy);
            owed += bought[t] * (1000 - cif) * w.commodity(naphtha).valuePerUnit();
            collected += levy;
        }
        assertEquals(0, bought[77] + bought[78] + bought[79], "the ban stops the lane");
        for (int t = m.horizon() - voyage; t < m.horizon(); t++) {
            assertEquals(0, bought[t], "week " + t + ": nothing is still at sea at the end");
        }
        Map<?, ?> bySupplier = (Map<?, ?>) ((Map<?, ?>) m.consortia().get(0).report().get("procurement"))
                .get("bySupplier");
        assertTrue(bySupplier.containsKey("US") && bySupplier.containsKey("ROW"), "bought at both: " + bySupplier);
        assertTrue(bought[75] > 0, "US cargo lands in week 80 with the pool's last cargo from the rest of the world");
        assertEquals(owed, collected, 1e-9 * owed);
    }

    /** Takes out the traders of naphtha from the US to Japan, so that the pool is the lane's only importer. */
    private static void usTradersOut(ObjectNode s) {
        ArrayNode traders = (ArrayNode) s.get("traders");
        for (int i = traders.size() - 1; i >= 0; i--) {
            if (traders.get(i).get("id").asText().equals("naphtha-us-jp")) {
                traders.remove(i);
            }
        }
    }

    private static ObjectNode usMeasure(ObjectNode s, String type) {
        ObjectNode p = s.putArray("policies").addObject().put("type", type).put("id", "us-" + type)
                .put("region", "US");
        p.putArray("commodities").add("naphtha");
        p.putArray("destinations").add("JP");
        return p;
    }

    private static Scenario scenario(Consumer<ObjectNode> change) throws Exception {
        ObjectNode s = (ObjectNode) Json.mapper().readTree(Files.readString(CASE6));
        change.accept(s);
        return ScenarioLoader.fromText(Json.mapper().writeValueAsString(s), "case6-with-measure.json").scenario();
    }

    /**
     * The pool of the case-6 consortium after a run's first week, its members short of 80 t and nothing at sea: it
     * orders an eighth, 10 t ({@code behaviour.stockAdjustTicks} 8, as {@link PooledProcurementTest} works out).
     */
    private static final class Pool {
        final SupplyShockModel model;
        final World world;
        final Markets markets;
        final PooledProcurement pool;

        Pool(Consumer<ObjectNode> change) throws Exception {
            Scenario s = scenario(change);
            model = new SupplyShockModel(s, 1, -1);
            model.start();
            // One week run, so that the measures have opened their first tick, as they have when a pool plans.
            model.stepTick();
            world = model.world();
            markets = model.markets();
            for (int m = 0; m < markets.count(); m++) {
                markets.book(m).reset();
            }
            terms = new ConsortiumTerms((JointProcurementSpec) s.consortia().get(0), world, s.behaviour());
            // The scenario's own pool's number: that consortium waits for the strait to shut, so it asks nothing.
            pool = new PooledProcurement(terms, world, markets, model.traders().count);
        }

        final ConsortiumTerms terms;

        void plan(boolean choose) {
            assertEquals(10.0, pool.plan(world, markets, model.routes(), model.tradeRules(), 80, choose, 1), 1e-12);
            pool.post(world, markets, model.tradeRules(), 1);
        }

        int market(String region) {
            return world.market(world.regionIndex(region), world.commodityIndex("naphtha"));
        }

        double japan() {
            return markets.price(market("JP"));
        }

        /** The pool's order fills at its limit at the US market; returns the price it paid. */
        double buyAtUs() {
            int us = market("US");
            var book = markets.book(us);
            book.addAsk(0, 100, 0);
            book.clearAtPrice(book.bidLimit(0));
            pool.settle(world, markets, model.routes(), model.tradeRules(), book, us, 0, 1, 1);
            return markets.price(us);
        }

        /** Lands the cargo from the US when it arrives and hands it to two members short of 60 t and 20 t. */
        Delivery deliver() {
            Membership members = new Membership(model.firms(), terms);
            int first = members.candidates[0];
            int second = members.candidates[1];
            members.member[first] = true;
            members.member[second] = true;
            members.required[first] = 60;
            members.required[second] = 20;
            int slot = model.firms().slotOf(first, world.commodityIndex("naphtha"));
            double before = model.firms().inputStock(slot);
            double surplus = totalProducerSurplus(this);
            int arrival = 1 + model.routes().transit(world.routeBetween(world.regionIndex("US"),
                    world.regionIndex("JP")));
            pool.landAndDeliver(model.firms(), world, markets, model.tradeRules(), members,
                    new double[model.firms().count], arrival);
            return new Delivery(model.firms().inputStock(slot) - before, surplus - totalProducerSurplus(this));
        }

        double value() {
            return world.commodity(world.commodityIndex("naphtha")).valuePerUnit();
        }

        double freight(String from) {
            return model.routes().cost(world.routeBetween(world.regionIndex(from), world.regionIndex("JP")));
        }
    }
}
