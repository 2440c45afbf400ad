package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chokepoint.model.SupplyShockModel;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A magnet maker's bid for NdPr oxide when China announces a cut that threatens 90% of its supply, worked by
 * hand: usual cover 6 weeks, 26 weeks at full risk, stock-price elasticity η = 0.2, ratio bounds [0.5, 3]; it
 * uses a = 0.29 t of oxide per t of magnet and makes 100 t a week, so 29 t a week, and holds its usual 6 weeks
 * (174 t) when the news comes, expecting 18 $/kg. It bids {@code min(cap, E (target / stock)^η)}, as
 * {@link Manufacturers#bid} does.
 */
class PrecautionaryBidTest {
    private static final double TOL = 1e-9;
    private static final double USUAL = 6;
    private final PrecautionaryBid bid = new PrecautionaryBid(26, 0.2, 3);

    /**
     * The bid of a buyer expecting {@code expected} and holding {@code held}, bidding one limit as a buyer among
     * many does: the model's ratio ({@link BidSteps#ratio}), within [0.5, 3], times the price it expects, capped.
     */
    private static double limit(double expected, double target, double held, double cap) {
        return Math.min(cap, expected * BidSteps.ratio(target, held, 0, 1, 1, 0.2, 0.5, 3));
    }

    @Test
    void theNewsRaisesCoverExpectedPriceAndBidInItsOwnTick() {
        // Risk 0 -> 0.9: cover 6 + 0.9 * (26 - 6) = 24 weeks, a target of 24 * 29 = 696 t.
        assertEquals(24.0, bid.cover(USUAL, 0.9), TOL);
        // Every buyer now seeks 24/6 = 4 times its cover: the expected price rises by 4^0.2 = 1.3195079,
        // from 18 to 23.7511424.
        double expected = 18 * bid.newsRevision(USUAL, 0.9, 0.0);
        assertEquals(23.751142393912097, expected, 1e-9);
        // Its magnet is expected at 45 $/kg, its conversion costs 27 $/kg at the least and its Dy 1.5 $/kg of
        // magnet: the oxide is worth (45 - 27 - 1.5) / 0.29 = 56.897 $/kg to it while it keeps its plant. Its
        // reservation of 40 $/kg has moved 90% of the way there: 40 + 0.9 * 16.897 = 55.207, the cap of every step,
        // not binding.
        double worth = PrecautionaryBid.worth(45, 27, 1.5, 0.29);
        assertEquals(56.89655172413793, worth, 1e-9);
        double highest = bid.highest(40, worth, 0.9);
        assertEquals(55.20689655172414, highest, 1e-9);
        // Short of its target by 696/174 = 4, it bids 4^0.2 above that: 18 * 4^0.4 = 31.3398203 $/kg, 74% above
        // the going price of 18 in the tick of the news.
        double target = bid.cover(USUAL, 0.9) * 29;
        assertEquals(31.33982027866047, limit(expected, target, 174, highest), 1e-9);
    }

    @Test
    void theWeekAfterItBidsOnAboveThePriceWhileShortAndTheRiskFades() {
        // A week on, no news: the risk has decayed at its 26-week half-life, 0.9 * 0.5^(1/26) = 0.8763234; no
        // revision. The expectation moved 8% of the way from 23.7511 to the price paid, 31.3398: 24.3582366.
        // It bought 40 t and used 29: stock 185 t. Target (6 + 0.8763234 * 20) * 29 = 682.2676 t; bid
        // 24.3582366 * (682.2676 / 185)^0.2 = 24.3582366 * 1.2982448 = 31.6229549 $/kg.
        double r = 0.8763234486276907;
        assertEquals(1.0, bid.newsRevision(USUAL, r, 0.9), 0);
        assertEquals(682.2676002040606, bid.cover(USUAL, r) * 29, 1e-9);
        assertEquals(31.62295491909904, limit(24.358236624691965, bid.cover(USUAL, r) * 29, 185, 1000), 1e-9);
        // An extension announced a week later lifts the risk back from 0.8532698 to 0.9: the expected price
        // rises again, by (24 / (6 + 0.8532698 * 20))^0.2 = 1.0079757.
        assertEquals(1.0079757132450264, bid.newsRevision(USUAL, 0.9, 0.8532697629052544), 1e-9);
    }

    @Test
    void atRestNothingChanges() {
        assertEquals(6.0, bid.cover(USUAL, 0), 0);
        assertEquals(1.0, bid.newsRevision(USUAL, 0, 0), 0);
        assertEquals(40.0, bid.highest(40, 155, 0), 0);
        // At its target it bids its expected price.
        assertEquals(18.0, limit(18, 174, 174, 40), TOL);
        // A firm whose own cover is already beyond the cover at full risk keeps it whatever the risk.
        assertEquals(30.0, bid.cover(30, 1.0), 0);
    }

    @Test
    void aBuyerWhoseProductIsWorthMorePerTonneOfInputOutbidsTheOtherWhenBothAreShort() {
        // Naphtha at 600 $/t, both buyers at full risk with the same shortfall, so the same E * ratio = 1800
        // (the ratio's bound of 3). General plastics: 1.1 t of naphtha per t of polymer worth 1,200 $/t, whose
        // conversion costs 300 $/t at the least, reservation 700: worth (1200 - 300) / 1.1 = 818.18 $/t, which
        // caps its bid. Dialysis circuits: 0.05 t of naphtha per t of product worth 40,000 $/t, conversion
        // 10,000 $/t at the least: worth 600,000 $/t; its bid is 1800.
        double plastics = limit(600, 1000, 1, bid.highest(700, PrecautionaryBid.worth(1200, 300, 0, 1.1), 1.0));
        double dialysis = limit(600, 1000, 1, bid.highest(700, PrecautionaryBid.worth(40000, 10000, 0, 0.05), 1.0));
        assertEquals(818.1818181818181, plastics, 1e-9);
        assertEquals(1800.0, dialysis, 1e-9);
        assertTrue(dialysis > plastics);
    }

    @Test
    void aMagnetMakerNeverBidsForCoverAPriceThatWouldCloseItsPlant() {
        // A Japanese magnet maker in 2011, at risk 0.6 on its dysprosium: magnets expected at 100 $/kg, conversion
        // at least 27 $/kg (its cost base: below it the capacity rule mothballs the plant after 26 weeks), 30 $/kg
        // at its planned output; 0.28 kg of NdPr oxide per kg of magnet expected at 70 $/kg (19.6 $/kg of magnet)
        // and 0.025 kg of Dy oxide. Its reservation for Dy: (100 - 30 - 19.6) / 0.025 = 2016 $/kg. What Dy is
        // worth to it while it keeps its plant: (100 - 27 - 19.6) / 0.025 = 2136 $/kg. The cap at risk 0.6:
        // 2016 + 0.6 * 120 = 2088 $/kg.
        double reservation = (100 - 30 - 19.6) / 0.025;
        double worth = PrecautionaryBid.worth(100, 27, 19.6, 0.025);
        assertEquals(2136.0, worth, 1e-9);
        double cap = bid.highest(reservation, worth, 0.6);
        assertEquals(2088.0, cap, 1e-9);
        // Were Dy to stay at the cap, its net price would be 100 - 19.6 - 0.025 * 2088 = 28.2 $/kg, above its cost
        // base: it keeps running. Even at full risk the cap is the worth, where its net price is its cost base.
        assertEquals(28.2, 100 - 19.6 - 0.025 * cap, 1e-9);
        assertEquals(27.0, 100 - 19.6 - 0.025 * bid.highest(reservation, worth, 1.0), 1e-9);
        // The whole value of a magnet per kg of Dy, 100 / 0.025 = 4000 $/kg, would have capped it at
        // 2016 + 0.6 * 1984 = 3206.4 $/kg, a net price of 100 - 19.6 - 80.16 = 0.24 $/kg: held for 26 weeks, as the
        // quota held Dy in Japan near such a cap in 2011, that closed every Japanese magnet plant at once.
        assertEquals(3206.4, bid.highest(reservation, 100 / 0.025, 0.6), 1e-9);
        assertEquals(0.24, 100 - 19.6 - 0.025 * bid.highest(reservation, 100 / 0.025, 0.6), 1e-9);
    }

    /** The 2010 scenario with precaution set to {@code cover} weeks at full risk. */
    private static Scenario rareEarth2010(double cover, Path dir) throws Exception {
        return rareEarth2010(cover, dir, behaviour -> { });
    }

    private static Scenario rareEarth2010(double cover, Path dir, java.util.function.Consumer<ObjectNode> more)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Path.of("scenarios/rare-earth-2010.json").toFile());
        ObjectNode behaviour = root.has("behaviour") ? (ObjectNode) root.get("behaviour") : root.putObject("behaviour");
        behaviour.putObject("precaution").put("coverWeeksAtFullRisk", cover);
        more.accept(behaviour);
        Path out = dir.resolve("precaution.json");
        Files.writeString(out, json.writeValueAsString(root));
        return ScenarioLoader.load(out).scenario();
    }

    @Test
    void japansBuyersSeeTheQuotaInTheTickItIsAnnouncedAndInForce(@TempDir Path dir) throws Exception {
        // The 2010 quota cut is announced and takes effect in tick 78. Its buyers read a quota's news as the whole
        // of the lanes it covers (its volume says nothing of what share of them it will refuse), and nothing was
        // refused in tick 77, so in tick 78 Japan's risk is the share of its supply that comes from China: what
        // the three Chinese NdPr lanes normally sell in Japan over what its sellers and all the lanes into it
        // normally sell there, read going into tick 78. Seed 1: Japan separates no NdPr itself, and of the 115.83 t
        // a week its lanes bring, 115.41 t come from China, a risk of 0.9964 (the rest of the world's lanes bring 0.42 t,
        // the US's none: Mountain Pass stands idle at 2009's prices). The quota's 3,535 t a year, 68 t a week against those lanes' usual
        // flow, is read from tick 79 on, in what it refused them in tick 78.
        SupplyShockModel m = new SupplyShockModel(rareEarth2010(26, dir), 1, 100);
        m.start();
        World w = m.world();
        int cn = w.regionIndex("CN");
        int jp = w.market(w.regionIndex("JP"), w.commodityIndex("ndpr-oxide"));
        for (int t = 0; t < 78; t++) {
            m.stepTick();
            assertEquals(0.0, m.supplyRisk().of(jp), 0, "tick " + t);
        }
        Firms firms = m.firms();
        Traders traders = m.traders();
        double own = 0;
        for (int f = 0; f < firms.count; f++) {
            if (firms.market[f] == jp) {
                own += Math.max(0, firms.normalSales(f));
            }
        }
        double fromChina = 0;
        double imported = 0;
        for (int i = 0; i < traders.count; i++) {
            if (traders.destinationMarket[i] == jp) {
                double normal = Math.max(0, traders.normalSales(i));
                imported += normal;
                fromChina += traders.origin[i] == cn ? normal : 0;
            }
        }
        m.stepTick();
        double quotaNews = 1.0;
        assertEquals(fromChina / (own + imported) * quotaNews, m.supplyRisk().of(jp), 1e-9,
                "risk in tick 78: China's " + fromChina + " of Japan's " + own + " + " + imported);
        // It then fades at its half-life at most: never faster than 0.5^(1/26) a week.
        for (int t = 79; t < 100; t++) {
            double before = m.supplyRisk().of(jp);
            m.stepTick();
            assertTrue(m.supplyRisk().of(jp) >= before * Math.pow(0.5, 1.0 / 26) - 1e-12, "tick " + t);
        }
    }

    @Test
    void japansMagnetPlantsBuyCoverThroughTheCutWithoutClosing(@TempDir Path dir) throws Exception {
        // With the cap at the whole value of a magnet per unit of oxide, seeds 2 and 4 of the 2010 cut held
        // Japan's magnet makers below their cost base from late 2010 for 26 weeks: all six mothballed in
        // week 121-122 of the run and stood idle until week 152, so Japan used almost no oxide for half of 2011.
        Scenario s = rareEarth2010(26, dir);
        for (int seed : new int[] {2, 4}) {
            SupplyShockModel m = new SupplyShockModel(s, seed, 160);
            m.start();
            World w = m.world();
            Firms x = m.firms();
            int jp = w.regionIndex("JP");
            int magnet = w.commodityIndex("ndfeb-magnet");
            while (m.tick() < 160) {
                m.stepTick();
                for (int f = 0; f < x.count; f++) {
                    if (x.region(f) == jp && x.commodity(f) == magnet) {
                        assertTrue(!x.mothballed(f) && x.producing(f),
                                "seed " + seed + ", tick " + (m.tick() - 1) + ": " + x.id(f) + " idle");
                    }
                }
            }
        }
    }

    @Test
    void withPrecautionOffNobodySeesAnyRisk(@TempDir Path dir) throws Exception {
        SupplyShockModel m = new SupplyShockModel(rareEarth2010(0, dir), 1, 100);
        m.start();
        for (int t = 0; t < 100; t++) {
            m.stepTick();
            for (int k = 0; k < m.world().marketCount(); k++) {
                assertEquals(0.0, m.supplyRisk().of(k), 0);
            }
        }
    }

    @Test
    void aBuyerThatHeldNoCoverReadsNoPriceRevisionIntoTheNews() {
        // With no cover before the news the ratio of covers has nothing to divide by: no revision, not an
        // infinite price (a region may open with no stock of an input, or stretch stocks with cover off).
        assertEquals(1.0, new PrecautionaryBid(26, 0.2, 3).newsRevision(0, 0.9, 0.0), 0);
        assertEquals(1.0, new PrecautionaryBid(0, 0.2, 3).newsRevision(0, 0.9, 0.0), 0);
    }

    @Test
    void theNewsMovesTheExpectedPriceAtMostByTheRelationsHighestRatio() {
        // A usual cover of 0.001 weeks against 26 at full risk, at η = 100: (26 / 0.001)^100 is beyond the largest
        // double. Read in full, the news made the expected price infinite; a bid short of stock moves the price it
        // expects by at most maxStockPriceRatio in a tick, and so does the news.
        assertEquals(3.0, new PrecautionaryBid(26, 100, 3).newsRevision(0.001, 1.0, 0.0), 0);
        assertEquals(3.0, new PrecautionaryBid(26, 0.2, 3).newsRevision(Double.MIN_VALUE, 0.9, 0.0), 0);
        // Within the bound the relation stands as it was: 6 -> 24 weeks at η = 0.2.
        assertEquals(Math.pow(4, 0.2), bid.newsRevision(USUAL, 0.9, 0.0), TOL);
    }

    @Test
    void aSliverOfTradeCoverRunsTheQuotasNewsWithFiniteBids(@TempDir Path dir) throws Exception {
        // Traders who hold 0.001 weeks of cover and read their stock at η = 100 see the 2010 quota's news in tick
        // 78; each tick until the 134th their bids stay finite (an infinite one was refused by the order book).
        SupplyShockModel m = new SupplyShockModel(rareEarth2010(26, dir, b -> {
            b.put("askStockElasticity", 100);
            b.putObject("trading").put("stockCoverWeeks", 0.001);
        }), 1, 134);
        m.start();
        for (int t = 0; t < 134; t++) {
            m.stepTick();
        }
        World w = m.world();
        for (int k = 0; k < w.marketCount(); k++) {
            assertTrue(Double.isFinite(m.markets().price(k)), "price of market " + k);
        }
    }
}
