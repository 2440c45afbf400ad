package org.chokepoint.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.chokepoint.scenario.spec.ConsortiumSpec;
import org.chokepoint.scenario.spec.EventSpec;
import org.chokepoint.scenario.spec.ExportMeasureSpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.Role;

/**
 * A scenario file as written: the world, its agents, the shocks and the policies. Every list may be
 * absent in the file and is then empty here. Field meanings are documented in {@code docs/scenario-format.md}.
 * A {@code "$schema"} member, which points an editor at the scenario schema, is not part of the scenario.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"$schema"})
public record Scenario(
        Meta meta,
        TimeSpec time,
        List<RegionSpec> regions,
        List<CommoditySpec> commodities,
        List<RecipeSpec> recipes,
        List<RouteSpec> routes,
        BehaviourSpec behaviour,
        List<FirmSpec> firms,
        List<TraderSpec> traders,
        List<DemandSpec> demand,
        List<EventSpec> events,
        List<PolicySpec> policies,
        List<ConsortiumSpec> consortia,
        List<OpeningStockSpec> openingStocks,
        List<StockistSpec> stockists,
        OutputsSpec outputs) {

    public Scenario {
        recipes = orEmpty(recipes);
        routes = orEmpty(routes);
        firms = orEmpty(firms);
        traders = orEmpty(traders);
        demand = orEmpty(demand);
        events = orEmpty(events);
        policies = orEmpty(policies);
        consortia = orEmpty(consortia);
        openingStocks = orEmpty(openingStocks);
        stockists = orEmpty(stockists);
        regions = orEmpty(regions);
        commodities = orEmpty(commodities);
        behaviour = behaviour == null ? BehaviourSpec.DEFAULTS : behaviour;
        outputs = outputs == null ? OutputsSpec.DEFAULTS : outputs;
    }

    /**
     * The tick present values are discounted to: {@code time.decisionTick}, or when absent the first shock's
     * ({@link #firstShockTick()}), or tick 0 without a shock.
     */
    public int decisionTick() {
        if (time.decisionTick() != null) {
            return time.decisionTick();
        }
        return Math.max(0, firstShockTick());
    }

    /**
     * The first tick a shock acts on the world: the earliest start of a shock event and the earliest
     * announcement of a shock export measure (traders front-run it and buyers read it as a supply risk), or -1
     * when there is no shock. Background entries belong to the world the shocks hit, and importers' instruments
     * are answers to shocks, so neither moves it: every option of a comparison is measured from the same
     * pre-shock window.
     */
    public int firstShockTick() {
        int first = -1;
        for (EventSpec e : events) {
            if (!Role.isBackground(e.role()) && (first < 0 || e.start() < first)) {
                first = e.start();
            }
        }
        for (PolicySpec p : policies) {
            if (p instanceof ExportMeasureSpec && !Role.isBackground(p.role()) && (first < 0 || p.announce() < first)) {
                first = p.announce();
            }
        }
        return first;
    }

    /**
     * The first tick at which a run can differ from its counterfactual: the earliest start of a shock event and
     * the earliest announcement (or start) of any policy that is not background, importers' instruments
     * included; -1 when nothing differs.
     */
    public int firstDifferenceFromCounterfactual() {
        int first = -1;
        for (EventSpec e : events) {
            if (!Role.isBackground(e.role())) {
                int t = e.start() == null ? 0 : e.start();
                first = first < 0 ? t : Math.min(first, t);
            }
        }
        for (PolicySpec p : policies) {
            if (!Role.isBackground(p.role())) {
                int t = p.announce() != null ? p.announce() : p.start() != null ? p.start() : 0;
                first = first < 0 ? t : Math.min(first, t);
            }
        }
        return first;
    }

    /** Whether any event or policy is a shock, so that the run has a no-shock counterfactual to differ from. */
    public boolean hasShocks() {
        return events.stream().anyMatch(e -> !Role.isBackground(e.role()))
                || policies.stream().anyMatch(p -> !Role.isBackground(p.role()));
    }

    /**
     * The no-shock counterfactual of this scenario: the same world with its background events and policies
     * and nothing else.
     */
    public Scenario counterfactual() {
        return new Scenario(meta, time, regions, commodities, recipes, routes, behaviour, firms, traders, demand,
                events.stream().filter(e -> Role.isBackground(e.role())).toList(),
                policies.stream().filter(p -> Role.isBackground(p.role())).toList(), consortia, openingStocks, stockists,
                outputs);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public record Meta(String name, String description, List<String> sources) {
        public Meta {
            sources = orEmpty(sources);
        }
    }

    /**
     * @param ticksPerYear ticks in a year; 52 makes a tick a week
     * @param horizonTicks ticks to simulate
     * @param baselineWindowTicks ticks before the first shock whose average is the pre-shock level
     * @param warmupTicks ticks the model needs to settle; the baseline window ends here when there is no shock
     * @param startDate calendar date of tick 0, for labels only
     * @param discountRate yearly rate for present values
     * @param startAt {@code equilibrium} (the default): every market at the scenario's spatial price equilibrium,
     *                stocks at target and pipelines full, so a world without shocks stays at rest; or
     *                {@code initialPrices}: every market at its commodity's initial price, firms at their initial
     *                utilization, traders with nothing at sea
     * @param decisionTick the tick present values are discounted to; null for the first shock's (tick 0
     *                     without a shock)
     * @param priceYear the year whose US dollars the scenario's prices and money are in; null for the year of
     *                  {@code startDate}
     */
    public record TimeSpec(Integer ticksPerYear, Integer horizonTicks, Integer baselineWindowTicks,
                           Integer warmupTicks, String startDate, Double discountRate, String startAt,
                           Integer decisionTick, Integer priceYear) {
        /** Start at the scenario's spatial price equilibrium (the default), or at its commodities' initial prices. */
        public boolean startsAtEquilibrium() { return startAt == null || "equilibrium".equals(startAt); }
        public int ticksPerYearOrDefault() { return ticksPerYear == null ? 52 : ticksPerYear; }
        public int baselineWindowOrDefault() { return baselineWindowTicks == null ? 13 : baselineWindowTicks; }
        public int warmupOrDefault() { return warmupTicks == null ? 104 : warmupTicks; }
        public double discountRateOrDefault() { return discountRate == null ? 0.03 : discountRate; }
    }

    public record RegionSpec(String id, String name) { }

    /**
     * @param stage raw, refined, component or final
     * @param initialPrice the price every market of this commodity starts from, in {@code priceUnit}
     * @param valuePerUnit US dollars in one quantity unit bought at a price of one price unit
     *                     (1000 for tonnes priced in USD/kg)
     * @param pricing {@code auction} (the default: a uniform-price call auction each tick) or {@code contract}
     *                (a formula price revised a little each tick, the short side rationed pro rata)
     */
    public record CommoditySpec(String id, String name, String stage, String quantityUnit, String priceUnit,
                                Double valuePerUnit, Double initialPrice, String pricing) {
        public double valuePerUnitOrDefault() { return valuePerUnit == null ? 1.0 : valuePerUnit; }

        /** Whether its markets trade at a formula contract price with pro-rata rationing, not by auction. */
        public boolean contractPriced() { return "contract".equals(pricing); }
    }

    /** One output from inputs in fixed proportions; each input may be thrifted down to {@code minPerUnit}. */
    public record RecipeSpec(String id, String output, List<Input> inputs) {
        public RecipeSpec {
            inputs = orEmpty(inputs);
        }

        public record Input(String commodity, Double perUnit, Double minPerUnit) { }
    }

    public record RouteSpec(String from, String to, Integer transitTicks, Double costPerUnit, List<String> chokepoints,
                            Boolean bidirectional) {
        public RouteSpec {
            chokepoints = orEmpty(chokepoints);
        }

        public boolean bothWays() { return bidirectional == null || bidirectional; }
    }

    /**
     * A firm, or a population of {@code count} firms whose numeric parameters may be drawn from distributions.
     *
     * @param type producer (a mine: output from capacity), manufacturer (output from inputs by recipe) or
     *             recycler (output from scrap of a final good)
     * @param capexPerAnnualUnit the capital cost of the firm's plant, in US dollars per unit of yearly capacity: a
     *                           prospect's, required; an operating or idle firm's, for the plant it adds; never a
     *                           planned firm's. Left out of the JSON written back when absent, so a scenario that
     *                           gives none reads back as it did before capital costs existed.
     */
    public record FirmSpec(String id, String type, String region, String commodity, String recipe, Integer count,
                           ParamSpec capacity, CostSpec cost, ParamSpec initialUtilization, String status,
                           ParamSpec leadTicks, RecyclingSpec recycling,
                           @com.fasterxml.jackson.annotation.JsonInclude(
                                   com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           Double capexPerAnnualUnit) {
        /** A project awaiting its investment decision, which it takes on the economics ({@code CapacityDecisions}). */
        public static final String PROSPECT = "prospect";

        public int countOrDefault() { return count == null ? 1 : count; }
        public String statusOrDefault() { return status == null ? "active" : status; }
        public boolean prospect() { return PROSPECT.equals(status); }
    }

    /** Marginal cost {@code c(q) = base + slope * (q / capacity)^exponent}, in the commodity's price unit. */
    public record CostSpec(ParamSpec base, ParamSpec slope, ParamSpec exponent) { }

    /**
     * @param feedstock the final good whose past consumption in the recycler's region becomes scrap
     * @param yieldPerUnit output recovered from one unit of feedstock scrap
     * @param collectionShare share of scrap collected at the reference price
     * @param priceElasticity how collection rises with the output price relative to its initial price
     * @param lagTicks how long a good lives before it is scrap
     */
    public record RecyclingSpec(String feedstock, Double yieldPerUnit, Double collectionShare,
                                Double priceElasticity, Integer lagTicks, Double maxCollectionShare) { }

    /**
     * @param count traders on this lane; their capacity and margin may be drawn
     * @param capacityPerTick the most one trader buys for shipment in a tick
     * @param minMargin the price gap, as a share of the destination price, a trader needs after all costs
     */
    public record TraderSpec(String id, String commodity, String from, String to, Integer count,
                             ParamSpec capacityPerTick, ParamSpec minMargin) {
        public int countOrDefault() { return count == null ? 1 : count; }
    }

    /**
     * Stock of a commodity held in a region when the run begins, given as exactly one of {@code quantity} (in the
     * commodity's quantity unit), {@code days} or {@code weeks} of use. Held by {@code users} (the default): the
     * region's manufacturers whose recipe takes the commodity, shared in proportion to their use, each holding the
     * same cover, which becomes the target cover of that input; or by {@code stockists}: the region's stockists of
     * the commodity, in equal shares, each holding its share as its target stock. Days and weeks count the
     * holders' use: the users' own, or for stockists the region's whole use of the commodity at the start.
     */
    public record OpeningStockSpec(String region, String commodity, Double quantity, Double days, Double weeks,
                                   String heldBy) {
        public static final String USERS = "users";
        public static final String STOCKISTS = "stockists";

        public String heldByOrDefault() { return heldBy == null ? USERS : heldBy; }

        public boolean byStockists() { return STOCKISTS.equals(heldByOrDefault()); }
    }

    /**
     * A firm that buys a commodity in its region, stores it and sells it again: see {@code Stockists}.
     *
     * @param storageCostPerUnitWeek US dollars per unit of the commodity held for a week (warehouse, insurance)
     * @param interestPerYear        the interest on the value of the stock it holds, per year
     */
    public record StockistSpec(String id, String region, String commodity, Double storageCostPerUnitWeek,
                               Double interestPerYear) { }

    /**
     * Final demand through {@code (referencePrice, baseQuantity)} with point elasticity {@code elasticity}
     * there, growing at {@code trendPerYear}: {@code isoelastic} (the default) is
     * {@code D(p) = D0 (p / p0)^ε}; {@code linear} is {@code D(p) = max(0, D0 (1 + ε (p / p0 - 1)))}. Nobody
     * buys above {@code chokePrice}: without it an isoelastic curve with |ε| below one would let the price of
     * a good nobody supplies rise without end.
     */
    public record DemandSpec(String region, String commodity, Double baseQuantity, Double referencePrice,
                             Double elasticity, Double trendPerYear, String form, Double chokePrice) {
        /** Above this price nobody buys: by default twenty times the reference price. */
        public static final double DEFAULT_CHOKE_MULTIPLE = 20.0;

        public double trendOrDefault() { return trendPerYear == null ? 0.0 : trendPerYear; }

        public double chokePriceOrDefault() {
            return chokePrice == null ? DEFAULT_CHOKE_MULTIPLE * referencePrice : chokePrice;
        }

        public boolean linear() { return "linear".equals(form); }
    }

    /**
     * @param timeseries whether a run writes its time series as well as its summary
     * @param daysOfCoverWeeks the span over which the use that days of cover are counted in follows
     *                         consumption and exports
     * @param exhaustionShare  the share of its pre-shock level below which a region's stock counts as
     *                         exhausted, for the summary's {@code ticksToExhaustion}
     * @param priceBaseYear    the year whose US dollars outputs state money in (restated from the scenario's
     *                         price year with the US CPI); null for the scenario's price year
     */
    public record OutputsSpec(Boolean timeseries, Double daysOfCoverWeeks, Double exhaustionShare,
                              Integer priceBaseYear) {
        public static final OutputsSpec DEFAULTS = new OutputsSpec(null, null, null, null);

        /** A stock a quarter of its pre-shock level no longer covers more than a week or two of normal use. */
        public static final double DEFAULT_EXHAUSTION_SHARE = 0.25;

        public OutputsSpec {
            timeseries = timeseries == null || timeseries;
            daysOfCoverWeeks = daysOfCoverWeeks == null ? 4.0 : daysOfCoverWeeks;
            exhaustionShare = exhaustionShare == null ? DEFAULT_EXHAUSTION_SHARE : exhaustionShare;
        }

        public boolean timeseriesOrDefault() { return timeseries; }

        public double exhaustionShareOrDefault() { return exhaustionShare; }
    }
}
