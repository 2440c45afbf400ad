package org.chokepoint.scenario;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.chokepoint.scenario.Scenario.DemandSpec;

/**
 * The opening stocks, the stockists who hold them and final demand: one of each per market, and each stock held by
 * someone there, a stockist or a user of the commodity.
 */
final class StockAndDemandCheck extends ScenarioCheck {

    StockAndDemandCheck(ValidationContext v) {
        super(v);
    }

    // ---- opening stocks and stockists ------------------------------------------------------------

    void checkStocks() {
        Map<String, Integer> stockistIds = new HashMap<>();
        Set<String> stockistMarkets = new LinkedHashSet<>();
        for (int i = 0; i < s.stockists().size(); i++) {
            Scenario.StockistSpec k = s.stockists().get(i);
            String base = "/stockists/" + i;
            v.unique("stockist", k.id(), base, stockistIds);
            if (v.region(base + "/region", k.region()) & v.commodity(base + "/commodity", k.commodity())) {
                stockistMarkets.add(k.region() + "\u0000" + k.commodity());
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        Set<String> stocked = new LinkedHashSet<>();
        for (int i = 0; i < s.openingStocks().size(); i++) {
            Scenario.OpeningStockSpec o = s.openingStocks().get(i);
            String base = "/openingStocks/" + i;
            int given = (o.quantity() != null ? 1 : 0) + (o.days() != null ? 1 : 0) + (o.weeks() != null ? 1 : 0);
            if (given != 1) {
                v.problem(base, "an opening stock needs exactly one of quantity (in the commodity's unit), days or"
                        + " weeks (of its holders' use); got " + given);
            }
            if (!(v.region(base + "/region", o.region()) & v.commodity(base + "/commodity", o.commodity()))) {
                continue;
            }
            String market = o.region() + "\u0000" + o.commodity();
            Integer first = seen.putIfAbsent(market + "\u0000" + o.heldByOrDefault(), i);
            if (first != null) {
                v.problem(base, "duplicate opening stock of " + o.commodity() + " in " + o.region() + " held by "
                        + o.heldByOrDefault() + ": /openingStocks/" + first + " already gives it");
            }
            if (o.byStockists()) {
                stocked.add(market);
                if (!stockistMarkets.contains(market)) {
                    v.problem(base + "/heldBy", "no stockist of " + o.commodity() + " in " + o.region()
                            + " to hold this stock; add one under stockists or hold it by \"users\"");
                }
            } else if (!RecipeUse.usedIn(s, o.region(), o.commodity(), "")) {
                v.problem(base + "/heldBy", "no manufacturer in " + o.region() + " takes " + o.commodity()
                        + " as an input, so no user can hold this stock; hold it by \"stockists\" (and add one)");
            }
        }
        for (int i = 0; i < s.stockists().size(); i++) {
            Scenario.StockistSpec k = s.stockists().get(i);
            if (v.isRegion(k.region()) && v.isCommodity(k.commodity())
                    && !stocked.contains(k.region() + "\u0000" + k.commodity())) {
                v.problem("/stockists/" + i, "stockist '" + k.id() + "' holds the opening stock its region gives its"
                        + " stockists of " + k.commodity() + ", and none is given: add an openingStocks entry for "
                        + k.region() + " and " + k.commodity() + " with \"heldBy\": \"stockists\"");
            } else if (v.isRegion(k.region()) && v.isCommodity(k.commodity()) && !traded(k.region(), k.commodity())) {
                v.problem("/stockists/" + i + "/commodity", "no one buys or sells " + k.commodity() + " in "
                        + k.region() + " (no final demand, no firm making or using it, no trader shipping it there or"
                        + " from there, no measure of the region's on it), so stockist '" + k.id() + "' could never"
                        + " sell the stock it holds: give a region and commodity that some firm, trader or final"
                        + " demand trades in");
            }
        }
    }

    /**
     * Whether anyone but a stockist buys or sells the commodity in the region: its final demand, a firm making it
     * or a manufacturer taking it there, a trader loading or landing it there, or a measure of the region's on it.
     */
    private boolean traded(String region, String commodity) {
        if (s.demand().stream().anyMatch(d -> region.equals(d.region()) && commodity.equals(d.commodity()))
                || s.firms().stream().anyMatch(f -> region.equals(f.region()) && commodity.equals(f.commodity()))
                || RecipeUse.usedIn(s, region, commodity, "")
                || s.traders().stream().anyMatch(t -> commodity.equals(t.commodity())
                        && (region.equals(t.from()) || region.equals(t.to())))) {
            return true;
        }
        for (com.fasterxml.jackson.databind.JsonNode p : v.json.path("policies")) {
            if (region.equals(p.path("region").asText(null))
                    && org.chokepoint.scenario.spec.PolicySpec.commoditiesNamed(p).contains(commodity)) {
                return true;
            }
        }
        return false;
    }

    // ---- demand ----------------------------------------------------------------------------------

    void checkDemand() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < s.demand().size(); i++) {
            DemandSpec d = s.demand().get(i);
            String base = "/demand/" + i;
            boolean ok = v.region(base + "/region", d.region()) & v.commodity(base + "/commodity", d.commodity());
            Integer first = seen.putIfAbsent(d.region() + "\u0000" + d.commodity(), i);
            if (ok && first != null) {
                v.problem(base, "duplicate demand for " + d.commodity() + " in " + d.region() + ": /demand/" + first
                        + " already defines it; one demand curve per region and commodity");
            }
        }
    }
}
