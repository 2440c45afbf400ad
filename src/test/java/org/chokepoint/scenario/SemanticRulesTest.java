package org.chokepoint.scenario;

import static org.chokepoint.scenario.ScenarioLoaderTest.commodity;
import static org.chokepoint.scenario.ScenarioLoaderTest.firm;
import static org.chokepoint.scenario.ScenarioLoaderTest.mutated;
import static org.chokepoint.scenario.ScenarioLoaderTest.problemAt;
import static org.chokepoint.scenario.ScenarioLoaderTest.single;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The rules beyond the schema, one example each, starting from {@code scenarios/minimal.json}. */
class SemanticRulesTest {

    @Test
    void idsAreUnique() {
        ScenarioProblem p = single(mutated(s -> ((ArrayNode) s.get("regions")).addObject().put("id", "CN")));

        assertEquals("/regions/2/id", p.pointer());
        assertEquals("duplicate region id 'CN': first defined at /regions/0; ids must be unique among regions",
                p.message());
    }

    @Test
    void aManufacturerNeedsARecipeForItsOutput() {
        ScenarioProblem p = single(mutated(s -> ((ArrayNode) s.get("recipes")).removeAll()));

        assertEquals("/firms/1/commodity", p.pointer());
        assertTrue(p.message().contains("no recipe has output 'magnet'"), p.message());
    }

    @Test
    void aNamedRecipeMustMakeTheFirmsOutput() {
        ScenarioProblem p = single(mutated(s -> {
            ((ArrayNode) s.get("recipes")).addObject().put("id", "smelt").put("output", "oxide")
                    .putArray("inputs").addObject().put("commodity", "magnet").put("perUnit", 0.1);
            ((ArrayNode) s.get("recipes")).remove(0);
            firm(s, 1).put("recipe", "smelt");
        }));

        assertEquals("/firms/1/recipe", p.pointer());
        assertTrue(p.message().startsWith("recipe 'smelt' makes 'oxide' but the firm makes 'magnet'"), p.message());
    }

    @Test
    void aProducerOfARecipeOutputIsFine() throws Exception {
        String text = mutated(s -> firm(s, 0).put("commodity", "magnet"));

        ScenarioLoader.fromText(text, "test.json");
    }

    @Test
    void aRecyclerNeedsItsRecyclingParametersAndAFinalFeedstock() {
        ScenarioProblem missing = single(mutated(s -> firm(s, 0).put("type", "recycler")));
        assertEquals("/firms/0/recycling", missing.pointer());
        assertEquals("missing required field 'recycling' (when type is recycler)", missing.message());

        ScenarioProblem stage = single(mutated(s -> firm(s, 0).put("type", "recycler").putObject("recycling")
                .put("feedstock", "magnet").put("yieldPerUnit", 0.2).put("collectionShare", 0.1)
                .put("priceElasticity", 0.5).put("lagTicks", 520).put("maxCollectionShare", 0.6)));
        assertEquals("/firms/0/recycling/feedstock", stage.pointer());
        assertTrue(stage.message().contains("stage final"), stage.message());
    }

    /** Scrap comes only from collecting final goods: no recipe makes it and no producer digs it up. */
    @Test
    void onlyCollectionMakesScrap() {
        ScenarioProblem recipe = single(mutated(s -> {
            ((ArrayNode) s.get("commodities")).addObject().put("id", "magnet-scrap").put("stage", "scrap")
                    .put("initialPrice", 10);
            ((ArrayNode) s.get("recipes")).addObject().put("id", "shred").put("output", "magnet-scrap")
                    .putArray("inputs").addObject().put("commodity", "magnet").put("perUnit", 1.0);
        }));
        assertEquals("/recipes/1/output", recipe.pointer());
        assertTrue(recipe.message().startsWith("'magnet-scrap' is of stage scrap, which only collection makes"),
                recipe.message());

        ScenarioProblem producer = single(mutated(s -> {
            ((ArrayNode) s.get("commodities")).addObject().put("id", "magnet-scrap").put("stage", "scrap")
                    .put("initialPrice", 10);
            firm(s, 0).put("commodity", "magnet-scrap");
        }));
        assertEquals("/firms/0/type", producer.pointer());
        assertTrue(producer.message().contains("make the firm a recycler"), producer.message());
    }

    @Test
    void aRangeRunsFromMinToMax() {
        ScenarioProblem p = single(mutated(s -> ((ObjectNode) firm(s, 1).get("capacity")).put("min", 70)));

        assertEquals("/firms/1/capacity/min", p.pointer());
        assertEquals("a range needs min <= max, got min 70 > max 60", p.message());
    }

    @Test
    void demandIsDefinedOncePerRegionAndCommodity() {
        ScenarioProblem p = single(mutated(s -> ((ArrayNode) s.get("demand")).add(s.get("demand").get(0).deepCopy())));

        assertEquals("/demand/1", p.pointer());
        assertTrue(p.message().startsWith("duplicate demand for magnet in JP"), p.message());
    }

    @Test
    void demandOnANonFinalCommodityIsAllowed() throws Exception {
        ScenarioLoader.fromText(mutated(s -> ((ObjectNode) s.get("demand").get(0)).put("commodity", "oxide")), "t");
    }

    @Test
    void eventsEndAfterTheyStartAndStartWithinTheHorizon() {
        ScenarioProblem order = single(mutated(s -> outage(s).put("start", 20).put("end", 20)));
        assertEquals("/events/0/end", order.pointer());
        assertEquals("end must be > start (20), got 20; an event lasts over [start, end)", order.message());

        ScenarioProblem late = single(mutated(s -> outage(s).put("start", 52)));
        assertEquals("/events/0/start", late.pointer());
        assertTrue(late.message().startsWith("start must be < horizonTicks (52), got 52"), late.message());
    }

    @Test
    void anEventTakesOnlyTheFieldsOfItsType() {
        ScenarioProblem p = single(mutated(s -> outage(s).put("start", 10).put("chokepoint", "malacca")));

        assertEquals("/events/0/chokepoint", p.pointer());
        assertTrue(p.message().startsWith("unknown field 'chokepoint' (when type is capacityOutage)"), p.message());
    }

    @Test
    void aRouteDisruptionSaysWhatItDoes() {
        ScenarioProblem p = single(mutated(s -> s.withArray("events").addObject()
                .put("type", "routeDisruption").put("start", 5).put("from", "CN").put("to", "JP")));

        assertEquals("/events/0", p.pointer());
        assertEquals("needs at least one of closed, extraTransitTicks, costMultiplier (when type is routeDisruption)",
                p.message());
    }

    @Test
    void aClosedChokepointMustLieOnARoute() {
        ScenarioProblem p = single(mutated(s -> s.withArray("events").addObject()
                .put("type", "chokepointClosure").put("start", 5).put("chokepoint", "hormuz")));

        assertEquals("/events/0/chokepoint", p.pointer());
        assertEquals("unknown chokepoint 'hormuz'; chokepoints named by routes: (none)", p.message());
    }

    @Test
    void anUnknownConsortiumTypeIsRejectedWithTheSupportedOnesListed() {
        ScenarioProblem p = problemAt(mutated(s -> s.putArray("consortia").addObject().put("type", "buyersClub")),
                "/consortia/0/type");

        assertEquals("unsupported consortium type 'buyersClub' (supported: jointProcurement)", p.message());
    }

    @Test
    void aJointProcurementConsortiumMustNameWhatItBuysAndFromWhom() {
        ScenarioProblem p = problemAt(mutated(s -> s.putArray("consortia").addObject().put("type", "jointProcurement")
                .put("region", "JP").put("disruptedOrigin", "CN")), "/consortia/0/input");

        assertEquals("missing required field 'input' (when type is jointProcurement)", p.message());
    }

    @Test
    void aNonPositiveValuePerUnitFailsTheSchema() {
        ScenarioProblem p = single(mutated(s -> commodity(s, 1).put("valuePerUnit", 0)));

        assertEquals("valuePerUnit must be >= 1e-9, got 0", p.message());
    }

    @Test
    void aPolicyNamesOnlyRegionsAndCommoditiesTheScenarioHas() {
        String text = mutated(s -> {
            ObjectNode quota = s.putArray("policies").addObject().put("type", "exportQuota").put("region", "CN")
                    .put("yearlyVolume", 100);
            quota.putArray("commodities").add("oxide");
            quota.putArray("destinations").add("JP").add("KR");
            quota.putObject("destinationShares").put("JP", 0.7).put("US", 0.2);
        });

        ScenarioProblem list = problemAt(text, "/policies/0/destinations/1");
        assertEquals("unknown region 'KR'; known regions: CN, JP", list.message());
        assertTrue(list.line() != null, "placed at its line in the file");
        assertEquals("unknown region 'US'; known regions: CN, JP",
                problemAt(text, "/policies/0/destinationShares/US").message());
    }

    @Test
    void aPolicyEndsAfterItStartsAndIsNotAnnouncedAfterIt() {
        String text = mutated(s -> s.putArray("policies").addObject().put("type", "tariffFloor").put("region", "JP")
                .put("commodity", "oxide").put("floor", 70).put("start", 30).put("end", 20).put("announce", 40));

        assertEquals("'end' must be after 'start' (30), got 20", problemAt(text, "/policies/0/end").message());
        assertEquals("'announce' must not be after 'start' (30), got 40",
                problemAt(text, "/policies/0/announce").message());
        ScenarioProblem late = single(mutated(s -> s.putArray("policies").addObject().put("type", "tariffFloor")
                .put("region", "JP").put("commodity", "oxide").put("floor", 70).put("start", 52)));
        assertEquals("/policies/0/end", late.pointer(), "an absent end is the horizon, 52");
        assertEquals("'end' must be after 'start' (52); absent, it is horizonTicks (52): give an 'end' after"
                + " 'start', or a 'start' before the horizon", late.message(), "no figure the file does not hold");
    }

    @Test
    void aWayRoundAnExportMeasureIsThroughAThirdRegion() {
        ScenarioProblem p = single(mutated(s -> {
            ObjectNode ban = s.putArray("policies").addObject().put("type", "exportBan").put("region", "CN");
            ban.putArray("commodities").add("oxide");
            ban.putObject("circumvention").put("via", "CN").put("extraCostPerUnit", 1).put("leakRate", 0.1);
        }));

        assertEquals("/policies/0/circumvention/via", p.pointer());
        assertEquals("'via' is the third region cargo is declared to on its way round the measure, not the"
                + " exporting region 'CN' itself", p.message());
    }

    /**
     * A VAT rebate of 60% and an export subsidy of 60% on the same oxide from CN to JP from tick 10: 120% of the origin
     * price. The same two one after the other (the first ends at tick 20, where the second starts) never add up, nor
     * do two of 60% to different destinations.
     */
    @Test
    void exportSubsidiesOnOneLaneAddUpToLessThanTheOriginPrice() {
        ScenarioProblem p = single(mutated(s -> {
            ArrayNode policies = s.putArray("policies");
            subsidy(policies, "rebate", 0.6, 0, null, null);
            subsidy(policies, "subsidy", 0.6, 10, null, "JP");
        }));
        assertEquals("/policies/1/rate", p.pointer());
        assertEquals("export subsidies of 'CN' on oxide to JP add up to a rate of 1.2 from tick 10 ('rebate',"
                + " 'subsidy'): at 1 or more of the origin price the cargo costs its trader nothing whatever it is"
                + " bought at; give rates that add up to less than 1", p.message());

        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> {
            ArrayNode policies = s.putArray("policies");
            subsidy(policies, "rebate", 0.6, 0, 20, null);
            subsidy(policies, "subsidy", 0.6, 20, null, null);
        }), "test.json"), "one after the other");
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> {
            s.withArray("regions").addObject().put("id", "KR");
            s.withArray("routes").addObject().put("from", "CN").put("to", "KR").put("transitTicks", 1)
                    .put("costPerUnit", 0.5);
            ArrayNode policies = s.putArray("policies");
            subsidy(policies, "to-jp", 0.6, 0, null, "JP");
            subsidy(policies, "to-kr", 0.6, 0, null, "KR");
        }), "test.json"), "to different destinations");
    }

    /**
     * A rebate of 60% from tick 0, cut to 50% at tick 20 by a measure that replaces it, is 60% and then 50%, never
     * 110%. In the no-shock counterfactual a background rebate replaced by a shock runs on: 60% from tick 0 cut to 10%
     * at tick 20 by a shock, and a background subsidy of 50% from tick 30, are 60% in the run but 110% in the
     * counterfactual from tick 30.
     */
    @Test
    void aSubsidyReplacedByAnotherNoLongerAddsToIt() {
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> {
            ArrayNode policies = s.putArray("policies");
            subsidy(policies, "rebate", 0.6, 0, null, null);
            subsidy(policies, "rebate-cut", 0.5, 20, null, null).put("replaces", "rebate");
        }), "test.json"), "one replacing the other");

        ScenarioProblem p = single(mutated(s -> {
            ArrayNode policies = s.putArray("policies");
            subsidy(policies, "rebate", 0.6, 0, null, null).put("role", "background");
            subsidy(policies, "rebate-cut", 0.1, 20, null, null).put("replaces", "rebate");
            subsidy(policies, "subsidy", 0.5, 30, null, null).put("role", "background");
        }));
        assertEquals("/policies/2/rate", p.pointer());
        assertEquals("export subsidies of 'CN' on oxide to JP add up to a rate of 1.1 from tick 30 in the no-shock"
                + " counterfactual, where no shock replaces them ('rebate', 'subsidy'): at 1 or more of the origin price"
                + " the cargo costs its trader nothing whatever it is bought at; give rates that add up to less than 1",
                p.message());
    }

    private static ObjectNode subsidy(ArrayNode policies, String id, double rate, int start, Integer end, String to) {
        ObjectNode p = policies.addObject().put("type", "exportSubsidy").put("id", id).put("region", "CN")
                .put("rate", rate).put("start", start);
        p.putArray("commodities").add("oxide");
        if (end != null) {
            p.put("end", end);
        }
        if (to != null) {
            p.putArray("destinations").add(to);
        }
        return p;
    }

    @Test
    void destinationSharesOfAQuotaAddUpToAtMostOne() {
        ScenarioProblem p = single(mutated(s -> {
            s.withArray("regions").addObject().put("id", "KR");
            ObjectNode quota = s.putArray("policies").addObject().put("type", "exportQuota").put("region", "CN")
                    .put("yearlyVolume", 100);
            quota.putArray("commodities").add("oxide");
            quota.putObject("destinationShares").put("JP", 0.7).put("KR", 0.6);
        }));

        assertEquals("/policies/0/destinationShares", p.pointer());
        assertTrue(p.message().startsWith("destination shares must add up to at most 1, got 1.2"), p.message());
    }

    @Test
    void aTriggerWatchesAMarketTheScenarioHas() {
        ScenarioProblem p = single(mutated(s -> s.putArray("policies").addObject().put("type", "tariffFloor")
                .put("region", "JP").put("commodity", "oxide").put("floor", 70)
                .putObject("trigger").put("priceAbove", 1.5).put("commodity", "motor")));

        assertEquals("/policies/0/trigger/commodity", p.pointer());
        assertEquals("unknown commodity 'motor'; known commodities: magnet, oxide", p.message());
    }

    /**
     * The price is compared with a trigger's baseline only from the tick its window closes: in the 52-week world,
     * a window closing in week 52 or later would leave the floor's price condition never read.
     */
    @Test
    void aTriggersBaselineWindowClosesBeforeTheHorizon() {
        ScenarioProblem late = single(mutated(s -> s.putArray("policies").addObject().put("type", "tariffFloor")
                .put("region", "JP").put("commodity", "oxide").put("floor", 70)
                .putObject("trigger").put("priceAbove", 1.5).put("baselineEnd", 52)));
        assertEquals("/policies/0/trigger/baselineEnd", late.pointer());
        assertEquals("the baseline window must close before the horizon, so that the price can be compared with it:"
                + " at most 51, got 52", late.message());
    }

    /**
     * A release trigger at 0 times its reference fires whenever the market has a price, and a stockpile buys only
     * while it is not releasing; a reference price of 0 makes it buy only below 0. Either way it never buys.
     */
    @Test
    void aStockpilesReferenceAndATriggersMultipleArePositive() {
        ScenarioProblem reference = single(mutated(s -> s.putArray("policies").addObject()
                .put("type", "strategicStockpile").put("region", "JP").put("commodity", "oxide").put("targetDays", 60)
                .put("referencePrice", 0).putObject("releaseTrigger").put("priceAbove", 1.5)));
        assertEquals("/policies/0/referencePrice", reference.pointer());
        assertEquals("referencePrice must be >= 1e-6, got 0", reference.message());

        ScenarioProblem multiple = single(mutated(s -> s.putArray("policies").addObject()
                .put("type", "strategicStockpile").put("region", "JP").put("commodity", "oxide").put("targetDays", 60)
                .putObject("releaseTrigger").put("priceAbove", 0)));
        assertEquals("/policies/0/releaseTrigger/priceAbove", multiple.pointer());
        assertEquals("priceAbove must be >= 1e-6, got 0", multiple.message());
    }

    @Test
    void aTriggerNeedsAConditionAndAPolicyOnlyItsOwnFields() {
        ScenarioProblem none = single(mutated(s -> s.putArray("policies").addObject().put("type", "tariffFloor")
                .put("region", "JP").put("commodity", "oxide").put("floor", 70).putObject("trigger")));
        assertEquals("/policies/0/trigger", none.pointer());
        assertEquals("needs at least one of priceAbove, unmetShareAbove", none.message());

        ScenarioProblem extra = single(mutated(s -> s.putArray("policies").addObject().put("type", "tariffFloor")
                .put("region", "JP").put("commodity", "oxide").put("floor", 70).put("strike", 60)));
        assertEquals("/policies/0/strike", extra.pointer());
        assertTrue(extra.message().startsWith("unknown field 'strike' (when type is tariffFloor); allowed fields: "
                + "type, id, region, announce, start, end, role, commodity, floor, exemptOrigins, trigger"), extra.message());
    }

    @Test
    void aConsortiumProcuresACommodityTheScenarioHas() {
        ScenarioProblem p = single(mutated(s -> {
            ObjectNode c = s.putArray("consortia").addObject().put("type", "jointProcurement").put("region", "JP")
                    .put("input", "naphtha").put("disruptedOrigin", "CN");
            c.putArray("candidateSuppliers").add("CN");
        }));

        assertEquals("/consortia/0/input", p.pointer());
        assertEquals("unknown commodity 'naphtha'; known commodities: magnet, oxide", p.message());
    }

    /**
     * Japan's magnet makers pool their oxide purchases in China while China licenses, taxes, bans and quotas its
     * oxide exports and Japan puts a floor, a tariff-rate quota and a diversification limit on its imports: pooled
     * cargo crosses the border under every one of them as a trader's does, so the scenario is accepted.
     */
    @Test
    void aConsortiumBuysAcrossALaneWhateverTradeMeasuresCoverIt() throws Exception {
        ScenarioLoader.fromText(mutated(s -> {
            ArrayNode policies = s.putArray("policies");
            for (String type : new String[] {"exportLicensing", "exportTax", "exportBan", "exportQuota"}) {
                ObjectNode p = policies.addObject().put("type", type).put("region", "CN");
                p.putArray("commodities").add("oxide");
            }
            ((ObjectNode) policies.get(0)).put("leadTicks", 4);
            ((ObjectNode) policies.get(1)).put("rate", 0.25);
            ((ObjectNode) policies.get(2)).put("start", 50);
            ((ObjectNode) policies.get(3)).put("yearlyVolume", 100);
            policies.addObject().put("type", "tariffFloor").put("region", "JP").put("commodity", "oxide")
                    .put("floor", 70);
            policies.addObject().put("type", "tariffRateQuota").put("region", "JP").put("commodity", "oxide")
                    .put("outOfQuotaTariff", 0.5).put("yearlyQuota", 100);
            policies.addObject().put("type", "diversificationRequirement").put("region", "JP")
                    .put("commodity", "oxide").put("maxShare", 0.5);
            pool(s);
        }), "test.json");
    }

    /**
     * Japan's magnet makers take oxide, which they buy from China over the one route, CN to JP, and make magnets
     * that no Japanese firm uses. Each of these pools would have run as if it were not there: one buying magnets
     * has no member (nobody in Japan takes magnets as an input); one watching Japan's own imports from Japan never
     * sees a cut-off; one buying in Japan, or in Korea, which no route joins to Japan, never buys; an allocation of
     * oxide allocates nothing (members make magnets), and one of magnets finds no buyer to ask for it.
     */
    @Test
    void aConsortiumThatCouldDoNothingIsRefused() {
        ScenarioProblem noMembers = single(mutated(s -> pool(s).put("input", "magnet")));
        assertEquals("/consortia/0/input", noMembers.pointer());
        assertEquals("no manufacturer in JP takes magnet as an input, so the consortium would have no members: give"
                + " the input its region's manufacturers buy", noMembers.message());

        ScenarioProblem ownOrigin = single(mutated(s -> pool(s).put("disruptedOrigin", "JP")));
        assertEquals("/consortia/0/disruptedOrigin", ownOrigin.pointer());
        assertEquals("JP is the consortium's own region, which it imports nothing from, so it would never see a"
                + " cut-off: give the region whose supply of oxide is at risk", ownOrigin.message());
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> pool(s).put("disruptedOrigin", "JP")
                .put("mode", "PEACETIME")), "test.json"), "a standing arrangement watches for no cut-off");

        ScenarioProblem home = single(mutated(s -> pool(s).putArray("candidateSuppliers").add("CN").add("JP")));
        assertEquals("/consortia/0/candidateSuppliers/1", home.pointer());
        assertEquals("JP is the consortium's own region: it buys only across a lane home, so it would never buy"
                + " there; list regions with a route to JP", home.message());

        ScenarioProblem noRoute = single(mutated(s -> {
            ((ArrayNode) s.get("regions")).addObject().put("id", "KR");
            pool(s).putArray("candidateSuppliers").add("KR");
        }));
        assertEquals("/consortia/0/candidateSuppliers/0", noRoute.pointer());
        assertEquals("no route from KR to JP, so the consortium would never buy there; list regions with a route"
                + " to JP; routes (with direction): CN->JP, JP->CN", noRoute.message());

        ScenarioProblem notMade = single(mutated(s -> pool(s).putObject("allocation").put("product", "oxide")
                .put("key", "baselineProRata")));
        assertEquals("/consortia/0/allocation/product", notMade.pointer());
        assertEquals("no manufacturer in JP makes oxide from oxide, so no member output would be allocated: give"
                + " what members make from the pooled input", notMade.message());

        ScenarioProblem noBuyer = single(mutated(s -> pool(s).putObject("allocation").put("product", "magnet")
                .put("key", "baselineProRata")));
        assertEquals("/consortia/0/allocation/product", noBuyer.pointer());
        assertEquals("no manufacturer in JP takes magnet as an input, so no buyer would ask for the allocation:"
                + " give a product the region's manufacturers use", noBuyer.message());
    }

    /**
     * Japan's maker takes oxide and its households buy magnets; China only mines oxide and ships it. A stockpile of
     * magnets in China holds days of a use China does not have, and a resilience standard on China's oxide mandates a
     * share of purchases China does not make: both ran as the world without them. In Japan each has a use to act on.
     */
    @Test
    void aStockpileOrAStandardWhereNobodyUsesTheCommodityIsRefused() {
        ScenarioProblem stockpile = single(mutated(s -> s.putArray("policies").addObject()
                .put("type", "strategicStockpile").put("region", "CN").put("commodity", "magnet")
                .put("targetDays", 30).put("referencePrice", 90).putObject("releaseTrigger").put("priceAbove", 2)));
        assertEquals("/policies/0/commodity", stockpile.pointer());
        assertEquals("nobody in CN uses magnet (no manufacturer takes it as an input and it has no final demand"
                + " there), so the stockpile's target, days of that use, would be nothing and it would buy nothing:"
                + " give a commodity the region uses", stockpile.message());
        ScenarioProblem standard = single(mutated(s -> s.putArray("policies").addObject()
                .put("type", "resilienceStandard").put("region", "CN").put("commodity", "oxide")
                .put("mandateShare", 0.5).putArray("certifiedRegions").add("CN")));
        assertEquals("/policies/0/commodity", standard.pointer());
        assertEquals("nobody in CN uses oxide (no manufacturer takes it as an input and it has no final demand"
                + " there), so the standard would mandate a share of nothing: give a commodity the region uses",
                standard.message());
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> s.putArray("policies").addObject()
                .put("type", "strategicStockpile").put("region", "JP").put("commodity", "magnet")
                .put("targetDays", 30).put("referencePrice", 90).putObject("releaseTrigger").put("priceAbove", 2)),
                "test.json"), "Japan's households buy magnets");
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> s.putArray("policies").addObject()
                .put("type", "strategicStockpile").put("region", "JP").put("commodity", "oxide")
                .put("targetDays", 30).put("referencePrice", 40).putObject("releaseTrigger").put("priceAbove", 2)),
                "test.json"), "Japan's maker takes oxide");
    }

    /**
     * A consortium may be some of its region's manufacturers, named by the start of their ids; Japan's one maker
     * of magnets from oxide is "maker", so a prefix "mak" names it and "jp-" no one, and a pool of no one would
     * have validated, acted for no one and been judged on nothing.
     */
    @Test
    void aConsortiumWhosePrefixNamesNoUserOfItsInputIsRefused() {
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> pool(s).put("firmIdPrefix", "mak")),
                "test.json"));
        ScenarioProblem none = single(mutated(s -> pool(s).put("firmIdPrefix", "jp-")));
        assertEquals("/consortia/0/firmIdPrefix", none.pointer());
        assertEquals("no manufacturer in JP that takes oxide has an id starting with 'jp-', so no one could join: give"
                + " the start of such a firm's id", none.message());
    }

    /**
     * A firm joins a pool formed after a shock when its stock covers fewer ticks of its use than the pool's mark. At
     * a mark of 0 no stock, not even none, covers fewer: the naphtha pool of case 6 so written stood in force over
     * its cut-off of weeks 68-80 with no member and bought nothing. A mark of a tenth of a tick stands, and so does a
     * standing pool at 0, whose members are all its users from the start and exchange their figures whatever it buys.
     */
    @Test
    void anAfterShockConsortiumNoStockCouldBringAnyoneIntoIsRefused() {
        ScenarioProblem never = single(mutated(s -> pool(s).put("joinCoverTicks", 0)));
        assertEquals("/consortia/0/joinCoverTicks", never.pointer());
        assertEquals("a firm joins an after-shock consortium when its stock of oxide covers fewer ticks of its use"
                + " than this, and no stock covers fewer than 0, so no one would ever join: give a cover above 0"
                + " (the default is 8)", never.message());
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> pool(s).put("joinCoverTicks", 0.1)),
                "test.json"));
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> pool(s).put("joinCoverTicks", 0)
                .put("mode", "PEACETIME")), "test.json"));
    }

    /**
     * Japan's magnet maker takes oxide, and so, here, does an alloyer making alloy; a motor maker takes magnets. A
     * pool of the alloyer alone ("alloy") that allocates magnets allocates only what its members make, and none of
     * them makes magnets: the magnets made from oxide are the magnet maker's, who is no member. It would have run
     * as if its allocation were not there. The same pool allocating alloy stands, and so does one of every user.
     */
    @Test
    void anAllocationOfAProductNoMemberNamedByThePrefixMakesIsRefused() {
        ScenarioProblem notMembers = single(mutated(s -> allocating(s, "alloy", "magnet")));
        assertEquals("/consortia/0/allocation/product", notMembers.pointer());
        assertEquals("no manufacturer in JP whose id starts with 'alloy' makes magnet from oxide, so no member output"
                + " would be allocated: give what members make from the pooled input", notMembers.message());
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> allocating(s, "alloy", "alloy")), "t.json"));
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> allocating(s, "", "magnet")), "t.json"));
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> allocating(s, "mak", "magnet")), "t.json"));
        ScenarioProblem nobody = single(mutated(s -> allocating(s, "jp-", "magnet")));
        assertEquals("/consortia/0/firmIdPrefix", nobody.pointer(), "a pool of no one is refused for that alone");
    }

    /**
     * The minimal world with an alloyer in Japan making alloy from oxide and a motor maker taking magnets and
     * alloy, and a pool of Japan's oxide users named by {@code prefix} allocating {@code product}.
     */
    private static void allocating(ObjectNode s, String prefix, String product) {
        ArrayNode commodities = (ArrayNode) s.get("commodities");
        commodities.addObject().put("id", "alloy").put("stage", "component").put("initialPrice", 80);
        commodities.addObject().put("id", "motor").put("stage", "final").put("initialPrice", 300);
        ArrayNode recipes = (ArrayNode) s.get("recipes");
        ObjectNode alloying = recipes.addObject().put("id", "alloying").put("output", "alloy");
        alloying.putArray("inputs").addObject().put("commodity", "oxide").put("perUnit", 0.5);
        ObjectNode winding = recipes.addObject().put("id", "winding").put("output", "motor");
        winding.putArray("inputs").addObject().put("commodity", "magnet").put("perUnit", 0.2);
        ((ArrayNode) winding.get("inputs")).addObject().put("commodity", "alloy").put("perUnit", 0.1);
        ArrayNode firms = (ArrayNode) s.get("firms");
        for (String[] f : new String[][] {{"alloyer", "alloy"}, {"motors", "motor"}}) {
            ObjectNode firm = firms.addObject().put("id", f[0]).put("type", "manufacturer").put("region", "JP")
                    .put("commodity", f[1]).put("capacity", 20);
            firm.putObject("cost").put("base", 10).put("slope", 5).put("exponent", 2);
        }
        s.withArray("demand").addObject().put("region", "JP").put("commodity", "motor").put("baseQuantity", 10)
                .put("referencePrice", 300).put("elasticity", -0.3);
        ObjectNode pool = pool(s);
        if (!prefix.isEmpty()) {
            pool.put("firmIdPrefix", prefix);
        }
        pool.putObject("allocation").put("product", product).put("key", "baselineProRata");
    }

    /**
     * China mines oxide and ships it to Japan; nobody ships magnets. A floor or a tariff-rate quota on China's
     * oxide imports, on Japan's magnet imports, or on Japan's oxide with China exempt, and a diversification limit
     * on China's oxide, would levy or limit nothing; a capital subsidy for oxide plants in Japan, where none is,
     * would subsidise no one. Each ran as the world without it. Japan's oxide floor with no exemption stands,
     * and so does one on cargo that only a consortium of Japan's magnet makers brings in.
     */
    @Test
    void anImportMeasureActsOnSomeImport() {
        ScenarioProblem exporter = single(mutated(s -> s.putArray("policies").addObject().put("type", "tariffFloor")
                .put("region", "CN").put("commodity", "oxide").put("floor", 70)));
        assertEquals("/policies/0/commodity", exporter.pointer());
        assertEquals("no trader ships oxide into CN and no consortium of CN buys it abroad, so the tariff floor would"
                + " levy nothing: give a commodity the region imports", exporter.message());

        ScenarioProblem untraded = single(mutated(s -> s.putArray("policies").addObject()
                .put("type", "tariffRateQuota").put("region", "JP").put("commodity", "magnet")
                .put("outOfQuotaTariff", 0.5).put("yearlyQuota", 100)));
        assertEquals("/policies/0/commodity", untraded.pointer());
        assertEquals("no trader ships magnet into JP and no consortium of JP buys it abroad, so the tariff-rate quota"
                + " would levy and ration nothing: give a commodity the region imports", untraded.message());

        ScenarioProblem diversify = single(mutated(s -> s.putArray("policies").addObject()
                .put("type", "diversificationRequirement").put("region", "CN").put("commodity", "oxide")
                .put("maxShare", 0.5)));
        assertEquals("/policies/0/commodity", diversify.pointer());
        assertTrue(diversify.message().endsWith("so the diversification requirement would limit nothing: give a"
                + " commodity the region imports"), diversify.message());

        ScenarioProblem allExempt = single(mutated(s -> s.putArray("policies").addObject().put("type", "tariffFloor")
                .put("region", "JP").put("commodity", "oxide").put("floor", 70).putArray("exemptOrigins").add("CN")));
        assertEquals("/policies/0/exemptOrigins", allExempt.pointer());
        assertEquals("every origin that ships oxide into JP (CN) is exempt, so the tariff floor would levy nothing:"
                + " leave out an origin it should apply to", allExempt.message());

        ScenarioProblem noPlant = single(mutated(s -> capexSubsidy(s, "JP", "oxide").putArray("eligibleRegions")
                .add("JP")));
        assertEquals("/policies/0/commodities", noPlant.pointer());
        assertEquals("no firm makes oxide in JP, where the firms it subsidises are, so it would subsidise no one:"
                + " give commodities such firms make", noPlant.message());

        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> s.putArray("policies").addObject()
                .put("type", "tariffFloor").put("region", "JP").put("commodity", "oxide").put("floor", 70)),
                "t.json"));
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> {
            s.putArray("traders");
            pool(s);
            s.putArray("policies").addObject().put("type", "tariffFloor").put("region", "JP")
                    .put("commodity", "oxide").put("floor", 70);
        }), "t.json"), "the pool's cargo lands as an import");
    }

    private static ObjectNode pool(ObjectNode s) {
        ObjectNode c = s.putArray("consortia").addObject().put("type", "jointProcurement").put("id", "pool")
                .put("region", "JP").put("input", "oxide").put("disruptedOrigin", "CN");
        c.putArray("candidateSuppliers").add("CN");
        return c;
    }

    private static ObjectNode outage(ObjectNode s) {
        return s.withArray("events").addObject().put("type", "capacityOutage")
                .put("region", "CN").put("commodity", "oxide").put("share", 0.4);
    }

    /**
     * Japan makes magnets, not oxide: an outage of Japan's oxide plants, or a quota on Japan's oxide output, would
     * strike no firm, and the run would go on as if the shock were not there, reporting no loss from it.
     */
    @Test
    void anOutageOrAQuotaStrikesSomeFirm() {
        ScenarioProblem outage = single(mutated(s -> outage(s).put("region", "JP").put("start", 10)));
        assertEquals("/events/0/region", outage.pointer());
        assertEquals("no firm makes oxide in JP, so the outage would take no capacity: give the region and"
                + " commodity of firms it strikes", outage.message());
        ScenarioProblem quota = single(mutated(s -> s.putArray("policies").addObject().put("type", "productionQuota")
                .put("region", "JP").put("commodity", "oxide").putArray("yearlyVolumes").add(100)));
        assertEquals("/policies/0/region", quota.pointer());
        assertTrue(quota.message().startsWith("no firm makes oxide in JP, so the quota would hold no one back"),
                quota.message());
    }

    /**
     * Where magnets are the final good and Japan's only oxide comes from a recycler of them, an outage of Japan's
     * oxide plants takes the recycler's, but a quota on Japan's oxide, which leaves recycled output free, would
     * hold no one back.
     */
    @Test
    void aQuotaOnAMarketOnlyRecyclersServeStrikesNoOne() throws Exception {
        java.util.function.Consumer<ObjectNode> recycledOxideInJapan = s -> {
            ((ObjectNode) s.get("commodities").get(1)).put("stage", "final");
            ((ArrayNode) s.get("firms")).addObject().put("id", "reclaimer").put("type", "recycler")
                    .put("region", "JP").put("commodity", "oxide").put("capacity", 5)
                    .putObject("cost").put("base", 20).put("slope", 10).put("exponent", 2);
            firm(s, 2).putObject("recycling").put("feedstock", "magnet").put("yieldPerUnit", 0.2)
                    .put("collectionShare", 0.1).put("priceElasticity", 0.5).put("lagTicks", 20)
                    .put("maxCollectionShare", 0.6);
        };
        ScenarioLoader.fromText(mutated(s -> {
            recycledOxideInJapan.accept(s);
            outage(s).put("region", "JP").put("start", 10);
        }), "test.json");
        ScenarioProblem quota = single(mutated(s -> {
            recycledOxideInJapan.accept(s);
            s.putArray("policies").addObject().put("type", "productionQuota").put("region", "JP")
                    .put("commodity", "oxide").putArray("yearlyVolumes").add(1);
        }));
        assertEquals("/policies/0/region", quota.pointer());
        assertEquals("only recyclers make oxide in JP, whose output a quota leaves free, so the quota would hold no"
                + " one back: give the region and commodity of firms it strikes", quota.message());
    }

    @Test
    void anExportSubsidyIsEitherPerUnitOrAdValorem() {
        ScenarioProblem both = single(mutated(s -> s.putArray("policies").addObject().put("type", "exportSubsidy")
                .put("region", "CN").put("perUnit", 2.0).put("rate", 0.13).putArray("commodities").add("oxide")));
        assertEquals("/policies/0", both.pointer());
        assertTrue(both.message().contains("give exactly one, got both"), both.message());
        ScenarioProblem neither = single(mutated(s -> s.putArray("policies").addObject().put("type", "exportSubsidy")
                .put("region", "CN").putArray("commodities").add("oxide")));
        assertTrue(neither.message().contains("got neither"), neither.message());
    }

    @Test
    void aQuotaGivesItsVolumeOnceAndPerOnlyBesideVolume() {
        ScenarioProblem both = single(mutated(s -> s.putArray("policies").addObject().put("type", "exportQuota")
                .put("region", "CN").put("yearlyVolume", 100).put("volume", 50).putArray("commodities").add("oxide")));
        assertEquals("/policies/0", both.pointer());
        assertTrue(both.message().contains("got both"), both.message());
        ScenarioProblem per = single(mutated(s -> s.putArray("policies").addObject().put("type", "exportQuota")
                .put("region", "CN").put("yearlyVolume", 100).put("per", "measure").putArray("commodities")
                .add("oxide")));
        assertEquals("/policies/0/per", per.pointer());
        ScenarioProblem production = single(mutated(s -> s.putArray("policies").addObject()
                .put("type", "productionQuota").put("region", "CN").put("commodity", "oxide")));
        assertTrue(production.message().contains("got neither"), production.message());
    }

    /** With the one route running from CN to JP only, a ban on Japan's exports would hold no cargo back. */
    @Test
    void anExportMeasureNeedsARouteToSomeRegionItCovers() {
        ScenarioProblem none = single(mutated(s -> {
            ((ObjectNode) s.get("routes").get(0)).put("bidirectional", false);
            s.putArray("policies").addObject().put("type", "exportBan").put("region", "JP").putArray("commodities")
                    .add("oxide");
        }));
        assertEquals("/policies/0/region", none.pointer());
        assertTrue(none.message().startsWith("no route runs from 'JP' to any of CN, so the measure would restrict"
                + " nothing; the routes open: "), none.message());
        ScenarioProblem listed = single(mutated(s -> {
            ((ObjectNode) s.get("routes").get(0)).put("bidirectional", false);
            ObjectNode tax = s.putArray("policies").addObject().put("type", "exportTax").put("region", "JP")
                    .put("rate", 0.1);
            tax.putArray("commodities").add("oxide");
            tax.putArray("destinations").add("CN");
        }));
        assertEquals("/policies/0/destinations", listed.pointer());
    }

    @Test
    void aBanWithoutDestinationsCoversEveryOtherRegion() throws Exception {
        ScenarioLoader.fromText(mutated(s -> s.putArray("policies").addObject().put("type", "exportBan")
                .put("region", "CN").putArray("commodities").add("oxide")), "test.json");
    }

    @Test
    void aPolicyReplacesOneThatIsThereAndAlreadyInForce() {
        ScenarioProblem unknown = quotaReplacing("halt", policies ->
                policies.addObject().put("type", "exportBan").put("id", "ban").put("region", "CN")
                        .putArray("commodities").add("oxide"));
        assertEquals("/policies/1/replaces", unknown.pointer());
        assertEquals("no policy has id 'halt'; the policies are: ban, exportQuota", unknown.message());
        ScenarioProblem later = quotaReplacing("ban", policies ->
                policies.addObject().put("type", "exportBan").put("id", "ban").put("region", "CN").put("start", 30)
                        .putArray("commodities").add("oxide"));
        assertEquals("/policies/1/replaces", later.pointer());
        assertTrue(later.message().startsWith("policy 'ban' starts at tick 30, not before this one (20)"),
                later.message());
    }

    /** The problem with a Chinese export quota from week 20 replacing {@code target}, after what {@code first} adds. */
    private static ScenarioProblem quotaReplacing(String target, java.util.function.Consumer<ArrayNode> first) {
        return single(mutated(s -> {
            ArrayNode policies = s.putArray("policies");
            first.accept(policies);
            policies.addObject().put("type", "exportQuota").put("region", "CN").put("yearlyVolume", 100)
                    .put("start", 20).put("replaces", target).putArray("commodities").add("oxide");
        }));
    }

    /** A quota in China can end China's own ban, not Japan's ban nor an importer's floor price. */
    @Test
    void aPolicyReplacesOnlyItsOwnRegionsMeasuresOnExportsOrOutput() {
        ScenarioProblem elsewhere = quotaReplacing("ban", policies ->
                policies.addObject().put("type", "exportBan").put("id", "ban").put("region", "JP")
                        .putArray("commodities").add("oxide"));
        assertEquals("/policies/1/replaces", elsewhere.pointer());
        assertEquals("policy 'ban' is region JP's, not CN's: a measure can replace only one of its own region's",
                elsewhere.message());
        // China's own contract for difference on its oxide mine, an instrument a measure on exports cannot replace.
        ScenarioProblem importer = quotaReplacing("cfd", policies ->
                policies.addObject().put("type", "contractForDifference").put("id", "cfd").put("region", "CN")
                        .put("commodity", "oxide").put("strike", 70));
        assertEquals("/policies/1/replaces", importer.pointer());
        assertTrue(importer.message().startsWith("policy 'cfd' is an importer's instrument"),
                importer.message());
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> {
            ArrayNode policies = s.putArray("policies");
            policies.addObject().put("type", "exportBan").put("id", "ban").put("region", "CN")
                    .putArray("commodities").add("oxide");
            policies.addObject().put("type", "productionQuota").put("region", "CN").put("commodity", "oxide")
                    .put("start", 20).put("replaces", "ban").putArray("yearlyVolumes").add(80);
        }), "t.json"));
    }

    @Test
    void stateCapacityBuildsAPlannedFirmAndAPlannedFirmNobodyBuildsIsValid() {
        // The world without its policies (the world at rest) keeps the state's planned plants and drops what
        // builds them: they stay idle, which is a world, not a mistake.
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> firm(s, 0).put("status", "planned")), "t.json"));
        ScenarioProblem active = single(mutated(s -> s.putArray("policies").addObject().put("type", "stateCapacity")
                .put("region", "CN").put("firm", "mine").put("start", 10)));
        assertEquals("/policies/0/firm", active.pointer());
        assertTrue(active.message().startsWith("firm 'mine' has status \"active\""), active.message());
    }

    /**
     * A planned plant is built by one measure; a second is refused at its firm, naming the first by pointer and id:
     * in a comparison the first may be the scenario's background entry, put back in front of an option's own, whose
     * pointer is not one the options file has.
     */
    @Test
    void aPlannedFirmIsBuiltOnceAndTheSecondBuilderIsToldWhichBuildsIt() {
        ScenarioProblem twice = single(mutated(s -> {
            firm(s, 0).put("status", "planned");
            ArrayNode policies = s.putArray("policies");
            policies.addObject().put("type", "stateCapacity").put("id", "first-build").put("region", "CN")
                    .put("firm", "mine").put("start", 10);
            policies.addObject().put("type", "stateCapacity").put("id", "second-build").put("region", "CN")
                    .put("firm", "mine").put("start", 20);
        }));
        assertEquals("/policies/1/firm", twice.pointer());
        assertEquals("firm 'mine' is already built by /policies/0 ('first-build'); a planned firm is built by one"
                + " stateCapacity", twice.message());
    }
    /**
     * A prospect decides on its levelised cost, so it must give its capital cost; an operating firm may give one for
     * the plant it adds, a planned one may not (its stateCapacity pays). The rate and life capital is recovered over
     * are a yearly rate from 0 to 1 and a whole number of years from 1.
     */
    @Test
    void aProspectGivesItsCapexAndAPlannedPlantLeavesItToItsStateCapacity() {
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> firm(s, 0).put("status", "prospect")
                .put("capexPerAnnualUnit", 1000)), "t.json"));
        ScenarioProblem none = single(mutated(s -> firm(s, 0).put("status", "prospect")));
        assertEquals("/firms/0", none.pointer());
        assertEquals("test.json", none.file());
        assertTrue(none.message().startsWith("firm 'mine' has status \"prospect\" but no capexPerAnnualUnit"),
                none.message());
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> firm(s, 0).put("capexPerAnnualUnit", 1000)),
                "t.json"));
        ScenarioProblem planned = single(mutated(s -> firm(s, 0).put("status", "planned")
                .put("capexPerAnnualUnit", 1000)));
        assertEquals("/firms/0/capexPerAnnualUnit", planned.pointer());
        assertTrue(planned.message().startsWith("capexPerAnnualUnit does not apply to a firm with status"
                + " \"planned\""), planned.message());
        ScenarioProblem negative = single(mutated(s -> s.putObject("behaviour").putObject("investment")
                .put("discountRate", -0.05)));
        assertEquals("/behaviour/investment/discountRate", negative.pointer());
        assertEquals("discountRate must be >= 0, got -0.05", negative.message());
        ScenarioProblem noLife = single(mutated(s -> s.putObject("behaviour").putObject("investment")
                .put("projectLifeYears", 0)));
        assertEquals("/behaviour/investment/projectLifeYears", noLife.pointer());
        assertEquals("projectLifeYears must be >= 1, got 0", noLife.message());
        ScenarioProblem negativeCapex = single(mutated(s -> firm(s, 0).put("status", "prospect")
                .put("capexPerAnnualUnit", -1)));
        assertEquals("/firms/0/capexPerAnnualUnit", negativeCapex.pointer());
    }

    /**
     * A capex subsidy must leave some region eligible: excluding a region it also lists as eligible, or the only
     * region a world has, it validated and then paid and relieved no firm at all.
     */
    @Test
    void aCapexSubsidyLeavesSomeRegionEligible() throws Exception {
        ScenarioProblem listed = single(mutated(s -> capexSubsidy(s, "JP", "oxide").put("excludeRegion", "CN")
                .putArray("eligibleRegions").add("JP").add("CN")));
        assertEquals("/policies/0/eligibleRegions/1", listed.pointer());
        assertTrue(listed.message().startsWith("region 'CN' is the excludeRegion, whose firms are never eligible"),
                listed.message());
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> capexSubsidy(s, "JP", "magnet")
                .put("excludeRegion", "CN")), "t.json"), "every region but China, where Japan makes magnets");
        ObjectNode oneRegion = (ObjectNode) Json.mapper().readTree(
                ScenarioLoaderTest.resource("one-market-linear.json").toFile());
        capexSubsidy(oneRegion, "X", "widget").put("excludeRegion", "X");
        ScenarioProblem alone = single(Json.mapper().writeValueAsString(oneRegion));
        assertEquals("/policies/0/excludeRegion", alone.pointer());
        assertTrue(alone.message().startsWith("'X' is the scenario's only region"), alone.message());
    }

    /**
     * A contract for difference or a purchase guarantee supports some firm: Japan's on oxide, which only China's
     * mine makes, or Japan's on magnets with a prefix no magnet maker's id starts with, validated and then paid
     * and bought nothing. With count 3 the mine's firms are mine-1 to mine-3: "mine-3" names one, "mine-4" none.
     */
    @Test
    void aSupportHasSomeFirmToSupport() {
        ScenarioProblem cfd = single(mutated(s -> s.putArray("policies").addObject()
                .put("type", "contractForDifference").put("region", "JP").put("commodity", "oxide").put("strike", 70)));
        assertEquals("/policies/0/region", cfd.pointer());
        assertTrue(cfd.message().startsWith("no firm makes oxide in JP, where the firms it supports are"),
                cfd.message());
        ScenarioProblem prefix = single(mutated(s -> s.putArray("policies").addObject()
                .put("type", "purchaseGuarantee").put("region", "JP").put("commodity", "magnet").put("floor", 80)
                .put("firmIdPrefix", "makr")));
        assertEquals("/policies/0/firmIdPrefix", prefix.pointer());
        assertTrue(prefix.message().startsWith("no firm making magnet in JP has an id starting with 'makr'"),
                prefix.message());
        assertDoesNotThrow(() -> ScenarioLoader.fromText(mutated(s -> {
            firm(s, 0).put("count", 3);
            s.putArray("policies").addObject().put("type", "purchaseGuarantee").put("region", "JP")
                    .put("commodity", "oxide").put("floor", 70).put("marketRegion", "CN").put("firmIdPrefix", "mine-3");
        }), "t.json"));
        ScenarioProblem fourth = single(mutated(s -> {
            firm(s, 0).put("count", 3);
            s.putArray("policies").addObject().put("type", "contractForDifference").put("region", "JP")
                    .put("commodity", "oxide").put("strike", 70).put("firmIdPrefix", "mine-4")
                    .putArray("eligibleRegions").add("CN");
        }));
        assertEquals("/policies/0/firmIdPrefix", fourth.pointer());
    }

    /** A capex subsidy of the region's on plants making the commodity: half the hurdle and 30% of the capex. */
    private static ObjectNode capexSubsidy(ObjectNode s, String region, String commodity) {
        ObjectNode p = s.putArray("policies").addObject().put("type", "capexSubsidy").put("region", region)
                .put("hurdleRelief", 0.5).put("subsidyRate", 0.3).put("capexPerAnnualUnit", 1000);
        p.putArray("commodities").add(commodity);
        return p;
    }

    /** An opening stock is one of a quantity, days or weeks; someone in its region must be there to hold it. */
    @Test
    void anOpeningStockNeedsOneAmountAndAHolder() {
        ScenarioProblem two = single(mutated(s -> s.putArray("openingStocks").addObject().put("region", "JP")
                .put("commodity", "oxide").put("quantity", 100).put("weeks", 4)));
        assertEquals("/openingStocks/0", two.pointer());
        assertTrue(two.message().startsWith("an opening stock needs exactly one of quantity"), two.message());

        ScenarioProblem noUser = single(mutated(s -> s.putArray("openingStocks").addObject().put("region", "CN")
                .put("commodity", "oxide").put("weeks", 4)));
        assertEquals("/openingStocks/0/heldBy", noUser.pointer());
        assertTrue(noUser.message().startsWith("no manufacturer in CN takes oxide"), noUser.message());

        ScenarioProblem noStockist = single(mutated(s -> s.putArray("openingStocks").addObject().put("region", "JP")
                .put("commodity", "oxide").put("weeks", 4).put("heldBy", "stockists")));
        assertEquals("/openingStocks/0/heldBy", noStockist.pointer());
        assertTrue(noStockist.message().startsWith("no stockist of oxide in JP"), noStockist.message());
    }

    @Test
    void aStockistHoldsTheOpeningStockGivenToItsRegionsStockists() throws Exception {
        ScenarioProblem idle = single(mutated(s -> s.putArray("stockists").addObject().put("id", "dealer")
                .put("region", "JP").put("commodity", "oxide").put("storageCostPerUnitWeek", 2)
                .put("interestPerYear", 0.05)));
        assertEquals("/stockists/0", idle.pointer());
        assertTrue(idle.message().contains("add an openingStocks entry for JP and oxide"), idle.message());

        ScenarioLoader.fromText(mutated(s -> {
            s.putArray("stockists").addObject().put("id", "dealer").put("region", "JP").put("commodity", "oxide")
                    .put("storageCostPerUnitWeek", 2).put("interestPerYear", 0.05);
            s.putArray("openingStocks").addObject().put("region", "JP").put("commodity", "oxide").put("days", 30)
                    .put("heldBy", "stockists");
        }), "test.json");
    }

    /**
     * The minimal world makes magnets in Japan alone and ships only oxide: no one buys or sells a magnet in China, so
     * a stockist of magnets there would hold its hundred magnets to the end, paying to carry them, and never sell one.
     */
    @Test
    void aStockistStocksACommoditySomeoneTradesInItsRegion() throws Exception {
        ScenarioProblem idle = single(mutated(s -> {
            s.putArray("stockists").addObject().put("id", "dealer").put("region", "CN").put("commodity", "magnet")
                    .put("storageCostPerUnitWeek", 2).put("interestPerYear", 0.05);
            s.putArray("openingStocks").addObject().put("region", "CN").put("commodity", "magnet")
                    .put("quantity", 100).put("heldBy", "stockists");
        }));
        assertEquals("/stockists/0/commodity", idle.pointer());
        assertTrue(idle.message().startsWith("no one buys or sells magnet in CN"), idle.message());

        // oxide in China is mined there and loaded by the trader to Japan: a stockist there can sell it
        ScenarioLoader.fromText(mutated(s -> {
            s.putArray("stockists").addObject().put("id", "dealer").put("region", "CN").put("commodity", "oxide")
                    .put("storageCostPerUnitWeek", 2).put("interestPerYear", 0.05);
            s.putArray("openingStocks").addObject().put("region", "CN").put("commodity", "oxide")
                    .put("quantity", 100).put("heldBy", "stockists");
        }), "test.json");
    }

    @Test
    void heldByIsUsersOrStockists() {
        ScenarioProblem p = single(mutated(s -> s.putArray("openingStocks").addObject().put("region", "JP")
                .put("commodity", "oxide").put("weeks", 4).put("heldBy", "government")));
        assertEquals("/openingStocks/0/heldBy", p.pointer());
    }
}
