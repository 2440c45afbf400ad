package org.chokepoint.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.WorldBuilder;
import org.chokepoint.scenario.spec.CapacityOutageSpec;
import org.chokepoint.scenario.spec.ChokepointClosureSpec;
import org.chokepoint.scenario.spec.ContractForDifferenceSpec;
import org.chokepoint.scenario.spec.DemandShiftSpec;
import org.chokepoint.scenario.spec.EventSpec;
import org.chokepoint.scenario.spec.ImporterInstrumentSpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.ProductionQuotaSpec;
import org.chokepoint.scenario.spec.Replacements;
import org.chokepoint.scenario.spec.PurchaseGuaranteeSpec;
import org.chokepoint.scenario.spec.RouteDisruptionSpec;
import org.chokepoint.scenario.spec.SpecTypes;
import org.chokepoint.scenario.spec.StateCapacitySpec;
import org.chokepoint.world.Recipe;
import org.chokepoint.world.Route;
import org.chokepoint.world.World;

/**
 * A scenario at one tick as the equilibrium sees it: the demand curves and firms of every market, the
 * arcs goods can move along (a trader lane, split where an instrument prices part of its flow differently,
 * a detour round a restriction, a government's offtake) and the volume limits that bind sets of arcs
 * (lane capacity, export quotas, licences, tariff-rate quotas, diversification shares). Prices inside are
 * US dollars per quantity unit, so that a manufacturer's input costs and its output price add up.
 */
final class Network {
    static final int PRODUCER = 0;
    static final int MANUFACTURER = 1;
    static final int RECYCLER = 2;

    enum ArcKind { DIRECT, IN_QUOTA, OUT_OF_QUOTA, DETOUR, OFFTAKE }

    /** The kinds of {@link Arc#exportParts}. */
    static final int TAXED = 0;
    static final int SUBSIDISED = 1;
    static final int LICENSED = 2;

    /** The least rise of a marginal-cost curve across the plant the solver reads, as a share of its base. */
    static final double FLAT_RAMP = 1e-8;

    enum CapKind { LANE_CAPACITY, LICENCE, LICENCE_OFFICE, EXPORT_QUOTA, TARIFF_RATE_QUOTA, DIVERSIFICATION, LEAK, OFFTAKE }

    final Scenario scenario;
    final World world;
    final int tick;
    final int markets;
    /** US dollars in one unit at a price of one price unit, per market. */
    final double[] value;
    /** The commodity's initial price, in dollars, against which a recycler's collection answers. */
    final double[] initial;
    /**
     * The scale of each market's price, in dollars, and where the solver starts: the initial price, or the
     * price built up from the firms' costs when the solver is started again ({@link #restartFrom}).
     */
    final double[] reference;
    /**
     * The highest price the market can reach: far above the reference where no household buys, and where one does,
     * the most any buyer it can reach could pay ({@link PriceCeilings}), at least its own households'
     * highest choke price.
     */
    final double[] ceiling;
    /**
     * The highest choke price of the market's households, above which none of them buys; infinite where none buys
     * there. Where it lies below the market's {@link #ceiling}, the market's price may rise past it only as a price
     * its households no longer answer (the solver's split of the price at the choke).
     */
    final double[] choke;
    final boolean[] used;
    final double[] capacityFactor;
    final double[] demandFactor;

    // Final demand, one entry per curve.
    int demands;
    int[] dMarket;
    double[] dScale;
    double[] dP0;
    double[] dEps;
    boolean[] dLinear;
    double[] dChoke;

    // Firms: rows of the firm parameters, split where only some of a row's firms are supported.
    int firms;
    int[] fRow;
    double[] fWeight;
    int[] fType;
    int[] fMarket;
    double[] fCapacity;
    /** Capacity after outages; a recycler's is its scrap-limited capacity, held for a round. */
    double[] fEffective;
    /**
     * The most a firm may make, whatever the price (a production quota's share); unbounded without one. Unlike
     * {@link #fEffective}, which scales the firm's curve as an outage of some of its plants would, it cuts the
     * curve where the share ends, as the model's output cap does.
     */
    double[] fOutputCap;
    double[] fBase;
    double[] fSlope;
    double[] fExponent;
    /** The least rise of each firm's marginal cost across its plant the solver reads, dollars ({@link #FLAT_RAMP}). */
    double[] fRamp;
    double[] fStrike;
    double[] fUpside;
    int[] fSupport;
    /**
     * The purchase guarantees whose eligible firms include the firm, whichever support it plans on: the model's
     * agency bids for, and shares its cap over, every eligible firm's output, a firm that plans on a contract with
     * a higher strike included. Shared by the firms covered by the same ones; empty where none covers it.
     */
    int[][] fGuarantees;
    /**
     * The market a contract for difference settles the firm against where that is not the firm's own (China's price
     * for producers elsewhere), or the firm's own under a purchase guarantee or a contract on its own market with a
     * volume cap, -1 otherwise: such a
     * firm counts on its own price plus what the instrument pays a unit against that market's price, as the model's
     * {@code PriceSupports.supportedPrice} has it, not on the strike.
     */
    int[] fReference;
    /**
     * Outer-round shift of a supported firm's planned price: for a manufacturer {@code supported(p) - p} at the last
     * prices; for a firm settled against another market ({@link #fReference}), what its contract pays a unit there.
     */
    double[] fShift;
    int[] fInputFrom;
    int[] inputMarket;
    double[] inputPerUnit;
    int[] fFeedMarket;
    double[] fYield;
    double[] fCollect;
    double[] fCollectElasticity;
    double[] fCollectMax;
    /** A recycler's share of its region's end-of-life goods: its capacity over that of every firm collecting them. */
    double[] fCollectPart;
    /**
     * A recycler's feedstock use (its region's final and input use of the good it recovers) held for a round:
     * the collection the recycler's capacity answers to, as its price does within the round.
     */
    double[] fFeedUse;

    // Arcs.
    final List<Arc> arcs = new ArrayList<>();
    final List<Cap> caps = new ArrayList<>();
    /**
     * Every licensing office's bound, one per office and commodity, in the order they were met: those in
     * {@link #caps}, and those left out of the solve because they cannot bind, whose figures are still reported.
     */
    final List<Cap> officeBounds = new ArrayList<>();
    /**
     * Every export quota's bound, one per quota or per destination of a split quota, in the order they were met:
     * those in {@link #caps}, and those left out of the solve because they cannot bind, whose figures are still
     * reported.
     */
    final List<Cap> quotaBounds = new ArrayList<>();
    /**
     * Every tariff-rate quota's bound over its in-quota arcs, in the scenario's order of the quotas: those in
     * {@link #caps}, and those left out of the solve because they cannot bind, whose figures are still reported.
     */
    final List<Cap> tariffQuotaBounds = new ArrayList<>();
    final List<Instrument> instruments = new ArrayList<>();

    /** An arc: origin market (or -1), destination market (or -1 for a government's offtake). */
    static final class Arc {
        ArcKind kind;
        int from;
        int to;
        int commodity;
        int trader = -1;
        int via = -1;
        int instrument = -1;
        double margin;
        double tariff;
        double exportTax;
        /** An export subsidy: ad valorem on the origin price, and per unit in the price unit. */
        double subsidyRate;
        double subsidyPerUnit;
        double compliance;
        double cost;
        double extra;
        double quotaTariff;
        /** A detour's tariff-rate quota, whose out-of-quota tariff it pays; -1 for none and on every other arc. */
        int quotaInstrument = -1;
        double[] floors = new double[0];
        int[] floorInstruments = new int[0];
        int licenceInstrument = -1;
        /**
         * Each exporter's measure that takes or pays on the arc's flow, for its own fiscal figures:
         * {@code {kind (TAXED, SUBSIDISED or LICENSED), instrument, rate, per unit}}. The arc's wedge adds up their
         * rates; each instrument books its own part, as the model's do.
         */
        double[][] exportParts = new double[0][];
        /** For an offtake: the price the agency pays, in dollars. */
        double offtakePrice;
        /** The wedge between destination and origin price at which the arc's trade just pays, in dollars. */
        double wedge;
        double laneCapacity;
        /** Share of the lane's capacity the arc may carry at most: a detour's leak rate, 1 for every other arc. */
        double capacityShare = 1.0;
    }

    /** {@code Σ coefficient * flow <= volume} over a set of arcs. */
    static final class Cap {
        CapKind kind;
        int instrument = -1;
        int[] arcs;
        double[] coefficient;
        double volume;
        /**
         * For a licensing office, an export quota or a tariff-rate quota: the most its arcs could ask of it, each lane
         * at its bound or the world's capacity of its good. For a diversification requirement's bound on one origin: its lanes'
         * capacity, where the bound starts.
         */
        double reach;
        /**
         * For a diversification requirement's bound on one origin: the arcs from its other origins, whose flows at
         * the last round, times {@link #ratio}, are its volume.
         */
        int[] others;
        /** {@code maxShare / (1 - maxShare)}: what an origin may ship per unit the others ship. */
        double ratio;
    }

    /** An instrument in force at the tick, for its fiscal figures. */
    static final class Instrument {
        PolicySpec spec;
        String id;
        /** The name a scenario gives its type, for outputs. */
        String type;
        int market = -1;
        double strike;
        double upside;
        double volumeCap = Double.POSITIVE_INFINITY;
        int reference = -1;
    }

    private Network(Scenario scenario, World world, int tick) {
        this.scenario = scenario;
        this.world = world;
        this.tick = tick;
        this.markets = world.marketCount();
        value = new double[markets];
        initial = new double[markets];
        reference = new double[markets];
        ceiling = new double[markets];
        choke = new double[markets];
        used = new boolean[markets];
        capacityFactor = new double[markets];
        demandFactor = new double[markets];
        Arrays.fill(capacityFactor, 1.0);
        Arrays.fill(demandFactor, 1.0);
        for (int m = 0; m < markets; m++) {
            var c = world.commodity(world.commodityOfMarket(m));
            value[m] = c.valuePerUnit();
            initial[m] = c.initialPrice() * c.valuePerUnit();
            reference[m] = initial[m];
        }
    }

    static Network build(Scenario scenario, World world, int tick, FirmParameters firmParams,
                         TraderParameters traderParams, EquilibriumOptions options) {
        Network n = new Network(scenario, world, tick);
        Route[] routes = world.routes().toArray(new Route[0]);
        boolean[] closed = new boolean[routes.length];
        double[] costFactor = new double[routes.length];
        Arrays.fill(costFactor, 1.0);
        n.applyEvents(closed, costFactor);
        n.buildDemand();
        List<PolicySpec> inForce = n.policiesInForce(options);
        for (PolicySpec p : inForce) {
            n.instrumentOf.put(p, n.instrument(p));
        }
        n.buildFirms(firmParams, inForce, options);
        LaneArcs.build(n, traderParams, inForce, closed, costFactor);
        n.buildOfftakes();
        n.markUsed();
        PriceCeilings.set(n, false);
        return n;
    }

    /**
     * Moves the solver's scale and start to other prices (dollars; a price that is not positive and finite
     * leaves its market where it was), and the ceilings of the markets without final demand with them. Those
     * ceilings are raised, where it is higher, to the most any buyer could pay, for the commodity or as reached
     * along the market's lanes ({@link PriceCeilings}): a start from costs can lie far below a price that a capacity
     * limit holds up, and a ceiling a thousand times it below the equilibrium.
     */
    void restartFrom(double[] prices) {
        for (int m = 0; m < markets; m++) {
            if (prices[m] > 0 && Double.isFinite(prices[m])) {
                reference[m] = prices[m];
            }
        }
        PriceCeilings.set(this, true);
    }

    // ---- events -----------------------------------------------------------------------------------

    private boolean activeAt(Integer start, Integer end) {
        int s = start == null ? 0 : start;
        int e = end == null ? Integer.MAX_VALUE : end;
        return tick >= s && tick < e;
    }

    private void applyEvents(boolean[] closed, double[] costFactor) {
        for (EventSpec e : scenario.events()) {
            if (!activeAt(e.start(), e.end())) {
                continue;
            }
            if (e instanceof CapacityOutageSpec o) {
                capacityFactor[market(o.region(), o.commodity())] *= 1 - o.share();
            } else if (e instanceof DemandShiftSpec d) {
                demandFactor[market(d.region(), d.commodity())] *= d.multiplier();
            } else if (e instanceof RouteDisruptionSpec r) {
                int from = world.regionIndex(r.from());
                int to = world.regionIndex(r.to());
                for (Route route : world.routes()) {
                    if ((route.from() == from && route.to() == to) || (route.from() == to && route.to() == from)) {
                        closed[route.index()] |= Boolean.TRUE.equals(r.closed());
                        costFactor[route.index()] *= r.costMultiplier() == null ? 1.0 : r.costMultiplier();
                    }
                }
            } else if (e instanceof ChokepointClosureSpec c) {
                for (Route route : world.routes()) {
                    if (route.chokepoints().contains(c.chokepoint())) {
                        closed[route.index()] = true;
                    }
                }
            }
        }
    }

    private int market(String region, String commodity) {
        return world.market(world.regionIndex(region), world.commodityIndex(commodity));
    }

    // ---- demand -----------------------------------------------------------------------------------

    private void buildDemand() {
        List<Scenario.DemandSpec> specs = scenario.demand();
        demands = specs.size();
        dMarket = new int[demands];
        dScale = new double[demands];
        dP0 = new double[demands];
        dEps = new double[demands];
        dLinear = new boolean[demands];
        dChoke = new double[demands];
        int perYear = world.ticksPerYear();
        for (int h = 0; h < demands; h++) {
            Scenario.DemandSpec d = specs.get(h);
            int m = market(d.region(), d.commodity());
            double growthPerTick = Math.pow(1 + d.trendOrDefault(), 1.0 / perYear) - 1;
            dMarket[h] = m;
            dScale[h] = d.baseQuantity() * Math.pow(1 + growthPerTick, tick) * demandFactor[m];
            dP0[h] = d.referencePrice() * value[m];
            dEps[h] = d.elasticity();
            dLinear[h] = d.linear();
            dChoke[h] = d.chokePriceOrDefault() * value[m];
        }
    }

    // ---- policies ---------------------------------------------------------------------------------

    private List<PolicySpec> policiesInForce(EquilibriumOptions options) {
        List<PolicySpec> out = new ArrayList<>();
        int horizon = scenario.time().horizonTicks();
        int[] ends = Replacements.ends(scenario.policies(), horizon);
        for (int i = 0; i < ends.length; i++) {
            PolicySpec p = scenario.policies().get(i);
            int start = p.start() == null ? 0 : p.start();
            int end = ends[i];
            if (tick < start || tick >= end) {
                continue;
            }
            if (waitsForTrigger(p) && !options.triggeredInForce()) {
                continue;
            }
            out.add(p);
        }
        return out;
    }

    /** Whether the instrument is switched on by a trigger, not by its schedule alone. */
    private static boolean waitsForTrigger(PolicySpec p) {
        return p instanceof ImporterInstrumentSpec i && i.trigger() != null;
    }

    private static final Map<String, Class<?>> POLICY_TYPES = SpecTypes.of(PolicySpec.class);

    /** Each instrument in force, by its scenario entry (two identical entries are two instruments). */
    private final Map<PolicySpec, Integer> instrumentOf = new IdentityHashMap<>();

    /** The index of a policy in force among the network's instruments. */
    int instrumentOf(PolicySpec p) {
        return instrumentOf.get(p);
    }

    private int instrument(PolicySpec p) {
        Instrument i = new Instrument();
        i.spec = p;
        i.type = typeName(p);
        i.id = p.id() == null ? i.type : p.id();
        instruments.add(i);
        return instruments.size() - 1;
    }

    /** The name a scenario gives the policy's type; a study's own spec without one goes by its class. */
    private static String typeName(PolicySpec p) {
        return POLICY_TYPES.containsValue(p.getClass()) ? SpecTypes.nameOf(p.getClass())
                : p.getClass().getSimpleName();
    }

    // ---- firms ------------------------------------------------------------------------------------

    /**
     * A support in force (contract for difference, purchase guarantee) and the firms it covers: the model's
     * {@code EligibleFirms}, those making its commodity in an eligible region whose id starts with its prefix.
     */
    private record Support(int instrument, int commodity, boolean[] regions, String prefix) {
        boolean covers(int firmRegion, int firmCommodity, String firmId) {
            return firmCommodity == commodity && regions[firmRegion] && firmId.startsWith(prefix);
        }
    }

    /** A support's eligible regions: those listed, or its own region alone when none are. */
    private Support support(int instrument, String commodity, List<String> eligibleRegions, String ownRegion,
                            String prefix) {
        boolean[] regions = new boolean[world.regionCount()];
        if (eligibleRegions == null) {
            regions[world.regionIndex(ownRegion)] = true;
        } else {
            for (String id : eligibleRegions) {
                regions[world.regionIndex(id)] = true;
            }
        }
        return new Support(instrument, world.commodityIndex(commodity), regions, prefix == null ? "" : prefix);
    }

    private void buildFirms(FirmParameters params, List<PolicySpec> inForce, EquilibriumOptions options) {
        List<double[]> rows = firmRows(params, supportsInForce(inForce), inForce, options);
        fillFirms(params, rows);
        shareCollection();
        for (PolicySpec p : inForce) {
            if (p instanceof ProductionQuotaSpec quota) {
                capOutput(quota);
            }
        }
    }

    /**
     * A support's strike (a guarantee's floor) in its reference market's price units: where two cover a firm it plans
     * on the higher, the first listed on a tie, as the model's {@code Firms.offerSupport} has it.
     */
    private double strikeOf(int instrument) {
        Instrument ins = instruments.get(instrument);
        return ins.strike / value[ins.reference];
    }

    /** Supports in force, in file order. */
    private List<Support> supportsInForce(List<PolicySpec> inForce) {
        List<Support> supports = new ArrayList<>();
        for (PolicySpec p : inForce) {
            int i = instrumentOf.get(p);
            Instrument ins = instruments.get(i);
            if (p instanceof ContractForDifferenceSpec cfd) {
                String refRegion = cfd.referenceRegion() != null ? cfd.referenceRegion() : cfd.region();
                String refCommodity = cfd.referenceCommodity() != null ? cfd.referenceCommodity() : cfd.commodity();
                ins.reference = market(refRegion, refCommodity);
                ins.strike = cfd.strike() * value[ins.reference];
                ins.upside = cfd.upsideShare();
                ins.market = market(cfd.region(), cfd.commodity());
                ins.volumeCap = capOrNone(cfd.volumeCapPerTick());
                supports.add(support(i, cfd.commodity(), cfd.eligibleRegions(), cfd.region(), cfd.firmIdPrefix()));
            } else if (p instanceof PurchaseGuaranteeSpec pg) {
                String buyRegion = pg.marketRegion() != null ? pg.marketRegion() : pg.region();
                ins.market = market(buyRegion, pg.commodity());
                ins.reference = ins.market;
                ins.strike = pg.floor() * value[ins.market];
                ins.upside = 0;
                ins.volumeCap = capOrNone(pg.volumeCapPerTick());
                supports.add(support(i, pg.commodity(), pg.eligibleRegions(), buyRegion, pg.firmIdPrefix()));
            }
        }
        return supports;
    }

    /**
     * The rows of the firms in service (with the mothballed where the options count them): one per drawn row and
     * support among its firms, and the guarantees covering them, each {@code {row, weight, support instrument or -1,
     * guarantees}}, the last an index into {@link #guaranteeSets}.
     */
    private List<double[]> firmRows(FirmParameters params, List<Support> supports, List<PolicySpec> inForce,
                                    EquilibriumOptions options) {
        List<Scenario.FirmSpec> specs = scenario.firms();
        // State capacity comes into use while the measure that builds it is in force, and not otherwise.
        java.util.Set<String> commissioned = new java.util.HashSet<>();
        for (PolicySpec p : inForce) {
            if (p instanceof StateCapacitySpec state) {
                commissioned.add(state.firm());
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < params.count(); r++) {
            int s = params.spec()[r];
            Scenario.FirmSpec spec = specs.get(s);
            // A prospect is a project not yet built, as a planned plant is: out of service, even where mothballed
            // plants are counted, until it operates (a model's firms drawn after it committed and was built). A
            // planned plant is built by its measure's date; from then on it operates or is mothballed as its row
            // says, as any plant: a run that mothballed it after it came into use holds it idle.
            boolean planned = "planned".equals(spec.statusOrDefault());
            boolean notBuilt = planned ? !commissioned.contains(spec.id()) : spec.prospect();
            boolean operating = !(planned && notBuilt) && params.active()[r];
            if (!operating && (!options.includeMothballed() || notBuilt)) {
                continue;
            }
            int k = (int) Math.round(params.weight()[r]);
            // Which support, if any, covers each of the firms the row stands for.
            int firmRegion = world.regionIndex(spec.region());
            int firmCommodity = world.commodityIndex(spec.commodity());
            int[] supportOf = new int[Math.max(k, 1)];
            int[] guaranteesOf = new int[supportOf.length];
            for (int j = 0; j < supportOf.length; j++) {
                supportOf[j] = -1;
                String id = FirmParameters.firmId(spec, params.first()[r] + j);
                List<Integer> guarantees = new ArrayList<>();
                for (Support support : supports) {
                    if (!support.covers(firmRegion, firmCommodity, id)) {
                        continue;
                    }
                    if (supportOf[j] < 0 || strikeOf(support.instrument()) > strikeOf(supportOf[j])) {
                        supportOf[j] = support.instrument();
                    }
                    if (instruments.get(support.instrument()).spec instanceof PurchaseGuaranteeSpec) {
                        guarantees.add(support.instrument());
                    }
                }
                guaranteesOf[j] = guaranteeSet(guarantees);
            }
            // One firm of the network per distinct support, and guarantees covering it, among the row's firms.
            Map<Integer, Map<Integer, Integer>> counts = new TreeMap<>();
            for (int j = 0; j < supportOf.length; j++) {
                counts.computeIfAbsent(supportOf[j], x -> new TreeMap<>()).merge(guaranteesOf[j], 1, Integer::sum);
            }
            for (var e : counts.entrySet()) {
                for (var g : e.getValue().entrySet()) {
                    double w = params.weight()[r] * g.getValue() / supportOf.length;
                    rows.add(new double[] {r, w, e.getKey(), g.getKey()});
                }
            }
        }
        return rows;
    }

    /** The distinct sets of guarantees covering a firm, each in file order; the first, none. */
    private final List<List<Integer>> guaranteeSets = new ArrayList<>(List.of(List.of()));

    /** The index of {@code guarantees} among {@link #guaranteeSets}, added where new. */
    private int guaranteeSet(List<Integer> guarantees) {
        int i = guaranteeSets.indexOf(guarantees);
        if (i < 0) {
            guaranteeSets.add(List.copyOf(guarantees));
            i = guaranteeSets.size() - 1;
        }
        return i;
    }

    /** Each firm's market, capacity, cost curve, support, inputs and, for a recycler, what it collects from. */
    private void fillFirms(FirmParameters params, List<double[]> rows) {
        List<Scenario.FirmSpec> specs = scenario.firms();
        firms = rows.size();
        fRow = new int[firms];
        fWeight = new double[firms];
        fType = new int[firms];
        fMarket = new int[firms];
        fCapacity = new double[firms];
        fEffective = new double[firms];
        fOutputCap = new double[firms];
        Arrays.fill(fOutputCap, Double.POSITIVE_INFINITY);
        fBase = new double[firms];
        fSlope = new double[firms];
        fExponent = new double[firms];
        fRamp = new double[firms];
        fStrike = new double[firms];
        fUpside = new double[firms];
        fSupport = new int[firms];
        fGuarantees = new int[firms][];
        int[][] sets = new int[guaranteeSets.size()][];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = guaranteeSets.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        fReference = new int[firms];
        fShift = new double[firms];
        fInputFrom = new int[firms + 1];
        fFeedMarket = new int[firms];
        fYield = new double[firms];
        fCollect = new double[firms];
        fCollectElasticity = new double[firms];
        fCollectMax = new double[firms];
        fCollectPart = new double[firms];
        fFeedUse = new double[firms];
        Arrays.fill(fFeedUse, Double.POSITIVE_INFINITY);
        List<Integer> inMarkets = new ArrayList<>();
        List<Double> inPer = new ArrayList<>();
        for (int f = 0; f < firms; f++) {
            double[] row = rows.get(f);
            int r = (int) row[0];
            Scenario.FirmSpec spec = specs.get(params.spec()[r]);
            int region = world.regionIndex(spec.region());
            int c = world.commodityIndex(spec.commodity());
            int m = world.market(region, c);
            fRow[f] = r;
            fWeight[f] = row[1];
            fSupport[f] = (int) row[2];
            fGuarantees[f] = sets[(int) row[3]];
            fType[f] = switch (spec.type()) {
                case "manufacturer" -> MANUFACTURER;
                case "recycler" -> RECYCLER;
                default -> PRODUCER;
            };
            fMarket[f] = m;
            fCapacity[f] = params.capacity()[r];
            fEffective[f] = params.capacity()[r] * capacityFactor[m];
            fBase[f] = params.costBase()[r] * value[m];
            fSlope[f] = params.costSlope()[r] * value[m];
            fExponent[f] = params.costExponent()[r];
            readCostAsRising(f, m);
            fStrike[f] = Double.NaN;
            fReference[f] = -1;
            if (fSupport[f] >= 0) {
                Instrument ins = instruments.get(fSupport[f]);
                // The strike is set in the reference market's units; the firm plans on it for its own output.
                fStrike[f] = ins.strike / value[ins.reference] * value[m];
                fUpside[f] = ins.upside;
                // A guarantee's agency buys at its floor, which any firm it covers plans on; a contract pays a firm
                // in another market its gap to the reference's price instead. Under a volume cap a guarantee pays
                // the floor only on the share of the firms' output the cap covers, and a contract settled against
                // the firm's own market the strike: the firm adds that share of the gap over its own price to its
                // price, as the model's PurchaseGuarantee and ContractForDifference have it, wherever the agency
                // buys.
                if (ins.spec instanceof ContractForDifferenceSpec && ins.reference != m) {
                    fReference[f] = ins.reference;
                } else if (Double.isFinite(ins.volumeCap)) {
                    fReference[f] = m;
                }
            }
            fInputFrom[f] = inMarkets.size();
            if (fType[f] == MANUFACTURER) {
                Recipe recipe = world.recipe(WorldBuilder.recipeOf(spec, world));
                for (int j = 0; j < recipe.inputCount(); j++) {
                    inMarkets.add(world.market(region, recipe.inputs()[j]));
                    inPer.add(params.perUnit(r, j, recipe.perUnit()));
                }
            }
            if (fType[f] == RECYCLER) {
                Scenario.RecyclingSpec rs = spec.recycling();
                fFeedMarket[f] = world.market(region, world.commodityIndex(rs.feedstock()));
                fYield[f] = rs.yieldPerUnit();
                fCollect[f] = rs.collectionShare();
                fCollectElasticity[f] = rs.priceElasticity() == null ? 0.0 : rs.priceElasticity();
                fCollectMax[f] = rs.maxCollectionShare() == null ? 1.0 : rs.maxCollectionShare();
            }
        }
        fInputFrom[firms] = inMarkets.size();
        inputMarket = inMarkets.stream().mapToInt(Integer::intValue).toArray();
        inputPerUnit = inPer.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Each recycler's share of what is collected from its feedstock's market: its part of the capacity there. */
    private void shareCollection() {
        double[] collecting = new double[markets];
        for (int f = 0; f < firms; f++) {
            if (fType[f] == RECYCLER) {
                collecting[fFeedMarket[f]] += fWeight[f] * fCapacity[f];
            }
        }
        for (int f = 0; f < firms; f++) {
            if (fType[f] == RECYCLER) {
                double total = collecting[fFeedMarket[f]];
                fCollectPart[f] = total > 0 ? fCapacity[f] / total : 1.0;
            }
        }
    }

    /**
     * A production quota in force: each producer and manufacturer of its market that the network counts as
     * producing may make at most its share of the tick's volume, in proportion to its capacity (the model's
     * {@code ProductionQuota}, which shares it among the firms producing). A mothballed plant counted as producing
     * ({@code includeMothballed}) is such a firm: were it restarted, the quota would hold it as it holds the others,
     * so left out of the share it made as much as its curve gave, beyond the quota.
     */
    private void capOutput(ProductionQuotaSpec quota) {
        int m = market(quota.region(), quota.commodity());
        double perTick = quota.volumePerTick(tick - quota.start(), world.ticksPerYear(), scenario.time().horizonTicks());
        double capacity = 0;
        for (int f = 0; f < firms; f++) {
            if (fMarket[f] == m && fType[f] != RECYCLER) {
                capacity += fWeight[f] * fCapacity[f];
            }
        }
        if (capacity <= 0) {
            return;
        }
        for (int f = 0; f < firms; f++) {
            if (fMarket[f] == m && fType[f] != RECYCLER) {
                fOutputCap[f] = Math.min(fOutputCap[f], perTick * fCapacity[f] / capacity);
            }
        }
    }

    private static double capOrNone(Double volumeCapPerTick) {
        return volumeCapPerTick == null ? Double.POSITIVE_INFINITY : volumeCapPerTick;
    }

    void capOver(CapKind kind, int instrument, List<Integer> members, double coefficient, double volume) {
        Cap cap = new Cap();
        cap.kind = kind;
        cap.instrument = instrument;
        cap.arcs = members.stream().mapToInt(Integer::intValue).toArray();
        cap.coefficient = new double[cap.arcs.length];
        Arrays.fill(cap.coefficient, coefficient);
        cap.volume = volume;
        caps.add(cap);
    }

    int add(Arc a) {
        arcs.add(a);
        return arcs.size() - 1;
    }

    static Arc copy(Arc b, ArcKind kind) {
        Arc a = new Arc();
        a.kind = kind;
        a.from = b.from;
        a.to = b.to;
        a.commodity = b.commodity;
        a.trader = b.trader;
        a.margin = b.margin;
        a.tariff = b.tariff;
        a.exportTax = b.exportTax;
        a.compliance = b.compliance;
        a.cost = b.cost;
        a.floors = b.floors;
        a.floorInstruments = b.floorInstruments;
        a.subsidyRate = b.subsidyRate;
        a.subsidyPerUnit = b.subsidyPerUnit;
        a.licenceInstrument = b.licenceInstrument;
        a.exportParts = b.exportParts;
        a.laneCapacity = b.laneCapacity;
        return a;
    }

    /** Whether the purchase guarantee {@code instrument} covers firm {@code f}, whichever support it plans on. */
    boolean guaranteeCovers(int instrument, int f) {
        for (int g : fGuarantees[f]) {
            if (g == instrument) {
                return true;
            }
        }
        return false;
    }

    /** A purchase guarantee's agency buys at the floor: an arc out of the market into the government's stock. */
    private void buildOfftakes() {
        for (int i = 0; i < instruments.size(); i++) {
            Instrument ins = instruments.get(i);
            if (!(ins.spec instanceof PurchaseGuaranteeSpec)) {
                continue;
            }
            Arc a = new Arc();
            a.kind = ArcKind.OFFTAKE;
            a.from = ins.market;
            a.to = -1;
            a.commodity = world.commodityOfMarket(ins.market);
            a.instrument = i;
            a.offtakePrice = ins.strike;
            int index = add(a);
            Cap cap = new Cap();
            cap.kind = CapKind.OFFTAKE;
            cap.instrument = i;
            cap.arcs = new int[] {index};
            cap.coefficient = new double[] {1.0};
            cap.volume = 0; // set each round from the eligible firms' output
            caps.add(cap);
        }
    }

    private void markUsed() {
        for (int h = 0; h < demands; h++) {
            used[dMarket[h]] = true;
        }
        for (int f = 0; f < firms; f++) {
            used[fMarket[f]] = true;
            for (int s = fInputFrom[f]; s < fInputFrom[f + 1]; s++) {
                used[inputMarket[s]] = true;
            }
        }
        for (Arc a : arcs) {
            if (a.from >= 0) {
                used[a.from] = true;
            }
            if (a.to >= 0) {
                used[a.to] = true;
            }
        }
    }

    // ---- the rounds' outer quantities -----------------------------------------------------------------

    /**
     * The wedge {@code w} such that the arc's trade pays exactly when {@code p_d - p_o = w}:
     * {@code p_d / (1 + tariff) - levy - cif >= margin * p_d}, the margin a share of the destination price where the
     * model's traders mark their landed cost up by it (docs/equilibrium.md), with
     * {@code cif = p_o (1 + tax + compliance - subsidy rate) + cost - subsidy per unit}. Prices in the commodity's
     * price unit; the result in dollars.
     */
    double wedge(Arc a, double[] price) {
        double v = value[a.from];
        if (a.kind == ArcKind.OFFTAKE) {
            return 0;
        }
        double po = price[a.from] / v;
        double pd = price[a.to] / v;
        double alpha = 1 / (1 + a.tariff) - a.margin;
        double direct = direct(a, po);
        double levy = levy(a, direct);
        double paid = a.kind == ArcKind.DETOUR ? po + a.cost + a.extra : direct;
        return ((1 - alpha) * pd + paid - po + levy) * v;
    }

    /**
     * The highest destination price, in dollars, at which the arc's trade does not pay at the origin's price:
     * {@code p_d - p_o <= w} is {@code (1 / (1 + tariff) - margin) p_d <= paid + levy} (see {@link #wedge}), so
     * {@code (paid + levy) / (1 / (1 + tariff) - margin)}; infinite where the margin takes all that a unit fetches
     * (or for an offtake, which has no destination market).
     */
    double highestIdleDestinationPrice(Arc a, double[] price) {
        double v = value[a.from];
        double alpha = 1 / (1 + a.tariff) - a.margin;
        if (a.kind == ArcKind.OFFTAKE || !(alpha > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double po = price[a.from] / v;
        double direct = direct(a, po);
        double paid = a.kind == ArcKind.DETOUR ? po + a.cost + a.extra : direct;
        return (paid + levy(a, direct)) / alpha * v;
    }

    /** {@code cif = p_o (1 + tax + compliance - subsidy rate) + cost - subsidy per unit}, in the price unit. */
    private static double direct(Arc a, double po) {
        return po * (1 + a.exportTax + a.compliance - a.subsidyRate) + a.cost - a.subsidyPerUnit;
    }

    /** The in-quota tariff on the landed cost and every tariff floor's levy above it, in the price unit. */
    private static double levy(Arc a, double direct) {
        double levy = a.quotaTariff * direct;
        for (double floor : a.floors) {
            levy += Math.max(0, floor - direct);
        }
        return levy;
    }

    /**
     * A recycler's capacity at a market price in dollars, with the feedstock use held for the round
     * ({@link #fFeedUse}; its whole capacity before any use is known).
     */
    double recyclerCapacityAt(int f, double price) {
        int m = fMarket[f];
        if (Double.isInfinite(fFeedUse[f])) {
            return fCapacity[f] * capacityFactor[m];
        }
        return recyclerCapacity(f, price / value[m], fFeedUse[f]);
    }

    /**
     * Every marginal-cost curve is read as rising at least {@link #FLAT_RAMP} of its base across the plant (of the
     * commodity's initial price, where the base is nil; {@link #fRamp}). A flat one (a slope of 0, or an exponent of
     * 0, flat at {@code base + slope}, which is read as a slope of 0 from there) supplies any output up to capacity
     * at one price: a step, on which the market's quantity is whatever the buyers take, and which Newton's method,
     * following the slope of supply, cannot find; one as good as flat near its base (an exponent of 100) is a step a
     * price's last binary digit cannot resolve. Read so, the price found lies at most that far above the curve's and
     * the firm's output is what its market takes. An exponent so small that the curve stands at {@code base + slope}
     * at the least utilisation the solver reads ({@link Curves#LEAST_UTILISATION}) is flat to a double as well, and
     * read as an exponent of 0 is: taken as it stands, one of 5e-324 made {@code 1 / k} infinite and the slope of
     * supply {@code Infinity * 0}, NaN, and no attempt converged.
     */
    private void readCostAsRising(int f, int m) {
        if (Math.pow(Curves.LEAST_UTILISATION, fExponent[f]) == 1) {
            fBase[f] += Math.max(fSlope[f], 0);
            fSlope[f] = 0;
            fExponent[f] = 1;
        }
        fRamp[f] = FLAT_RAMP * (fBase[f] > 0 ? fBase[f] : initial[m]);
    }

    /**
     * The slope of {@link #recyclerCapacityAt} in the dollar price: {@code k ε / p} while collection answers the
     * price, nothing once the collection share or the plants' capacity is the bound.
     */
    double recyclerCapacitySlope(int f, double price) {
        int m = fMarket[f];
        double e = fCollectElasticity[f];
        if (Double.isInfinite(fFeedUse[f]) || e == 0 || !(price > 0)) {
            return 0;
        }
        double share = fCollect[f] * Math.pow(price / initial[m], e);
        double k = fFeedUse[f] * share * fYield[f] * fCollectPart[f];
        if (share >= fCollectMax[f] || k >= fCapacity[f] * capacityFactor[m]) {
            return 0;
        }
        return k * e / price;
    }

    /** Whether some recycler collects more as its price rises. */
    boolean collectionAnswersPrice() {
        for (int f = 0; f < firms; f++) {
            if (fType[f] == RECYCLER && fCollectElasticity[f] > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Scrap-limited capacity of a recycler (the model's {@code Recyclers.available}) at a price, in the
     * commodity's own price unit, and feedstock use.
     */
    double recyclerCapacity(int f, double price, double feedstockUse) {
        int m = fMarket[f];
        // The collection share answers the price against the commodity's initial price, both in its own unit;
        // the initial price is kept in dollars (times valuePerUnit).
        double p0 = initial[m] / value[m];
        double share = fCollect[f] * Math.pow(Math.max(price, 0) / p0, fCollectElasticity[f]);
        share = Math.min(share, fCollectMax[f]);
        return Math.min(fCapacity[f] * capacityFactor[m], feedstockUse * share * fYield[f] * fCollectPart[f]);
    }
}
