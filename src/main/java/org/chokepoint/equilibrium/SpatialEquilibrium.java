package org.chokepoint.equilibrium;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.WorldBuilder;
import org.chokepoint.scenario.spec.ContractForDifferenceSpec;
import org.chokepoint.world.World;

/**
 * The spatial price equilibrium of a scenario at one tick (Samuelson 1952; Takayama and Judge 1971): the
 * prices at which, in every market, producers supply along their marginal-cost curves, manufacturers
 * convert inputs by their recipes as far as their output price net of input costs pays, households buy
 * along their demand curves, and traders ship along their lanes exactly as far as the price gap pays for
 * transport, the trade measures in force and their margin, within the lanes' capacities and the volume
 * limits of quotas and licences. {@code docs/equilibrium.md} states the formulation and every assumption.
 *
 * <p>The scenario must be one that {@code ScenarioLoader} accepted.
 */
public final class SpatialEquilibrium {
    private SpatialEquilibrium() { }

    /** The equilibrium with every population at its expected parameters. */
    public static EquilibriumResult solve(Scenario scenario, int tick) {
        return solve(scenario, tick, EquilibriumOptions.DEFAULTS);
    }

    public static EquilibriumResult solve(Scenario scenario, int tick, EquilibriumOptions options) {
        return solve(scenario, tick, FirmParameters.expected(scenario), TraderParameters.expected(scenario), options);
    }

    /**
     * The equilibrium of the firms and traders a model actually drew.
     *
     * @throws EquilibriumException when the solver does not converge within the options' tolerance
     */
    public static EquilibriumResult solve(Scenario scenario, int tick, FirmParameters firms, TraderParameters traders,
                                          EquilibriumOptions options) {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be at least 0, got " + tick);
        }
        World world = WorldBuilder.build(scenario);
        Network net = Network.build(scenario, world, tick, firms, traders, options);
        boolean collection = net.collectionAnswersPrice();
        EquilibriumException first = null;
        String failures = "";
        double[] costs = null;
        for (Attempt attempt : Attempt.values()) {
            if (attempt == Attempt.COLLECTION_IN_ROUND && !collection) {
                continue;
            }
            if (first != null) {
                // A network rebuilt from the scenario starts with none of the attempt before's wedges; the firms'
                // costs are read once, from the first network, where that attempt failed, for both starts from them.
                if (attempt.start.equals(START_COSTS) && costs == null) {
                    costs = CostBuiltPrices.of(net);
                }
                net = Network.build(scenario, world, tick, firms, traders, options);
                if (attempt.start.equals(START_COSTS)) {
                    net.restartFrom(costs);
                }
            }
            PriceSolver solver = new PriceSolver(net, options.tolerance(), options.maxRounds(), attempt.start,
                    attempt.collectionInRound && collection, attempt.exactSearch, attempt.longSteps,
                    attempt.liftShort, attempt.transitByLanes, attempt.secantSlopes);
            try {
                solver.solve();
                return assemble(net, solver, firms);
            } catch (EquilibriumException failed) {
                if (first == null) {
                    first = failed;
                    failures = failed.getMessage();
                } else {
                    failures += "; " + attempt.told + failed.getMessage().replaceFirst("^the equilibrium ", "it ");
                }
            }
        }
        throw new EquilibriumException(failures, first.convergence());
    }

    /**
     * The solves tried in turn, each only where those before failed, so a scenario that one solves is answered as
     * that one answers it, to the last bit, whatever follows.
     */
    private enum Attempt {
        /** From the commodities' initial prices. */
        INITIAL_PRICES(SpatialEquilibrium.START_INITIAL, "", false, false, false, false, false),
        /**
         * Newton's steps are taken in prices scaled by where they start, within ceilings set from there: a start
         * orders of magnitude off can leave the equilibrium out of reach. The firms' costs give a start of the right
         * order wherever firms sell near their marginal cost, whatever the initial prices.
         */
        FIRM_COSTS(SpatialEquilibrium.START_COSTS, "started again from prices built up from the firms' costs, ", false, false,
                false, false, false),
        /**
         * A recycler's capacity held for a round can leave its market no price at which the round balances (below
         * what the market needs, it is short at every price; above, long), while the capacity its own price gives
         * would balance it: each recycler's collection answers its price within the round, only its feedstock use
         * held. Tried only where some recycler's collection answers its price.
         */
        COLLECTION_IN_ROUND(SpatialEquilibrium.START_INITIAL,
                "with each recycler's collection answering its price within a round, ", true, false, false, false, false),
        /**
         * A firm on a curved cost that sells a sliver of its capacity clears its market a hair above its cost base,
         * where its supply rises as the root of its margin: Newton's steps pass the base, and the next is cut short
         * of where the firm sells what its market takes. Each such step is cut exactly there (with each recycler's
         * collection answering its price, where one does, as in the attempt before).
         */
        EXACT_SEARCH(SpatialEquilibrium.START_INITIAL, "with each step cut where f stops falling, ", true, true, false, false,
                false),
        /**
         * A lane held to a sliver by a volume limit into a market that has no buyer at its price leaves f flat in
         * that price and the limit's rent together: each Newton step lowers both by what the rents' proximal term
         * allows, a fixed amount, however far the price lies above where the market's buyers start to buy. A step
         * along which f still falls at its end is lengthened to where f stops falling (each step also cut as in
         * the attempt before).
         */
        LONG_STEPS(SpatialEquilibrium.START_INITIAL, "with each step also lengthened while f still falls, ", true, true, true,
                false, false),
        /**
         * A limit that holds a market's price above a thousand times its commodity's initial price leaves the
         * equilibrium beyond the ceilings of the starts from the initial prices; the start from the firms' costs
         * lifts those ceilings, but a market whose buyers are short while its price lies below the cost base of every
         * firm there (nothing made, and neither side answering its price) is moved by next to nothing by each step.
         * From the firms' costs, each such market is lifted to the least price at which a firm there makes anything,
         * before each step.
         */
        FIRM_COSTS_LIFTED(SpatialEquilibrium.START_COSTS,
                "started again from the firms' costs with each market short below its firms' cost base lifted to it, ", false,
                false, false, true, false),
        /**
         * Where a limit leaves markets in which nothing is made, bought or used (Japan's NdPr and Dy oxide when China's
         * magnet makers take all the Dy a quota leaves), their prices are free within a range and neither side of them
         * answers a Newton step; the step's damping then leaves lanes into and out of them carrying a sliver, 1e-15 to
         * 1e-7 t against markets of tens of tonnes at their other ends, which is the whole of such a market's volume.
         * As the attempt before, with such a market's excess measured against the volume of the markets its lanes join.
         */
        TRANSIT_BY_LANES(SpatialEquilibrium.START_COSTS,
                "as the attempt before, with a market where nothing is made, bought or used balanced against the "
                        + "markets its lanes join, ", false, false, false, true, true),
        /** As the attempt before, with each step also cut where f stops falling. */
        TRANSIT_BY_LANES_CUT(SpatialEquilibrium.START_COSTS, "as the attempt before, with each step also cut where f "
                + "stops falling, ", false, true, false, true, true),
        /**
         * A firm that sells a sliver of its plant on a curve rising as a root of its margin (a mine of 100 on
         * {@code 20 + 30 u^2} whose one lane carries 0.001 a tick, its price {@code 20 + 3e-9}) defeats Newton's
         * tangent: from twice the output its market takes, a step along the tangent, a k-th of the secant from the
         * cost base, lands on the base or below it, where nothing answers the price; the step from there, flat in
         * that price, is cut where f stops falling along it, at twice the output again, and the steps cycle. From
         * the initial prices, each firm's supply slope is read as no less than its secant from its cost base: a step
         * from above then lands above the base and each takes the output toward what is wanted. Each step is also
         * cut and lengthened as in the fifth attempt, since the buyer across such a lane is often a maker selling a
         * sliver of its own plant, whose input price and the lane's rent f is flat in together. The Hessian only
         * steers the steps; the equilibrium found, and the tests it passes, are the same.
         */
        SECANT_SLOPES(SpatialEquilibrium.START_INITIAL, "with each firm's supply slope read as no less than its "
                + "secant from its cost base, ", true, true, true, false, false, true);

        final String start;
        /** How the failure message introduces this attempt's residuals. */
        final String told;
        /** Each recycler's collection answers its price within a round, where some recycler's does. */
        final boolean collectionInRound;
        /** Each Newton step is cut where f stops falling. */
        final boolean exactSearch;
        /** A step along which f still falls at its end is lengthened. */
        final boolean longSteps;
        /** A market short below the least price at which any firm there makes anything is lifted to it. */
        final boolean liftShort;
        /** A market where nothing is made, bought or used is balanced against the markets its lanes join. */
        final boolean transitByLanes;
        /** A firm's supply slope is read as no less than its secant from its cost base. */
        final boolean secantSlopes;

        Attempt(String start, String told, boolean collectionInRound, boolean exactSearch, boolean longSteps,
                boolean liftShort, boolean transitByLanes) {
            this(start, told, collectionInRound, exactSearch, longSteps, liftShort, transitByLanes, false);
        }

        Attempt(String start, String told, boolean collectionInRound, boolean exactSearch, boolean longSteps,
                boolean liftShort, boolean transitByLanes, boolean secantSlopes) {
            this.secantSlopes = secantSlopes;
            this.start = start;
            this.told = told;
            this.collectionInRound = collectionInRound;
            this.exactSearch = exactSearch;
            this.longSteps = longSteps;
            this.liftShort = liftShort;
            this.transitByLanes = transitByLanes;
        }
    }

    /** {@link EquilibriumResult.Convergence#start()}: the solve started from the commodities' initial prices. */
    public static final String START_INITIAL = "initialPrices";
    /** The solve failed from the initial prices and started again from prices built up from the firms' costs. */
    public static final String START_COSTS = "firmCosts";

    private static EquilibriumResult assemble(Network net, PriceSolver solver, FirmParameters params) {
        World world = net.world;
        double[] price = solver.price;
        solver.evaluateQuantities(price);
        double[] levy = new double[net.markets];
        double[] quotaRent = new double[net.markets];
        double[] fiscal = new double[net.markets];
        double[] imports = new double[net.markets];
        double[] exports = new double[net.markets];
        double[] offtake = new double[net.markets];
        List<Map<String, Double>> figures = new ArrayList<>();
        for (int i = 0; i < net.instruments.size(); i++) {
            figures.add(new LinkedHashMap<>());
        }
        // Per-unit rent of each arc: what its volume limits take out of the price gap.
        double[] arcRent = new double[net.arcs.size()];
        for (int s = 0; s < net.caps.size(); s++) {
            Network.Cap cap = net.caps.get(s);
            for (int i = 0; i < cap.arcs.length; i++) {
                arcRent[cap.arcs[i]] += cap.coefficient[i] * solver.rent[s];
            }
        }
        double[] flow = sharedOverParallelArcs(net, solver.flow);
        List<EquilibriumResult.LaneResult> lanes = new ArrayList<>();
        for (int a = 0; a < net.arcs.size(); a++) {
            Network.Arc arc = net.arcs.get(a);
            double x = flow[a];
            double v = net.value[arc.from];
            double po = price[arc.from];
            if (arc.kind == Network.ArcKind.OFFTAKE) {
                offtake[arc.from] += x;
                Network.Instrument ins = net.instruments.get(arc.instrument);
                double spent = x * Math.max(po, arc.offtakePrice);
                fiscal[ins.market] += spent;
                add(figures.get(arc.instrument), "purchased", x);
                add(figures.get(arc.instrument), "spent", spent);
                lanes.add(new EquilibriumResult.LaneResult("offtake", null, commodityId(net, arc.commodity),
                        regionId(net, arc.from), null, null, x, capVolume(net, a), 0, 0, arcRent[a] / v));
                continue;
            }
            double pd = price[arc.to];
            exports[arc.from] += x;
            imports[arc.to] += x;
            double cif = po * (1 + arc.exportTax + arc.compliance - arc.subsidyRate) + (arc.cost - arc.subsidyPerUnit) * v;
            // Each tax, subsidy and licence books its own part of the flow's (a detour evades them all).
            for (double[] part : arc.kind == Network.ArcKind.DETOUR ? new double[0][] : arc.exportParts) {
                Map<String, Double> fig = figures.get((int) part[1]);
                if (part[0] == Network.TAXED) {
                    double r = part[2] * po * x;
                    levy[arc.from] += r;
                    add(fig, "revenue", r);
                    add(fig, "volume", x);
                } else if (part[0] == Network.SUBSIDISED) {
                    double paid = (part[2] * po + part[3] * v) * x;
                    fiscal[arc.from] += paid;
                    add(fig, "subsidyPaid", paid);
                    add(fig, "volumeSubsidised", x);
                } else {
                    add(fig, "complianceCost", part[2] * po * x);
                    add(fig, "licensedVolume", x);
                }
            }
            for (int k = 0; k < arc.floors.length; k++) {
                double l = Math.max(0, arc.floors[k] * v - cif) * x;
                levy[arc.to] += l;
                add(figures.get(arc.floorInstruments[k]), "levyRevenue", l);
                add(figures.get(arc.floorInstruments[k]), "leviedVolume", Math.max(0, arc.floors[k] * v - cif) > 0 ? x : 0);
            }
            if (arc.kind == Network.ArcKind.IN_QUOTA || arc.kind == Network.ArcKind.OUT_OF_QUOTA) {
                double tariff = arc.quotaTariff * cif * x;
                levy[arc.to] += tariff;
                Map<String, Double> fig = figures.get(arc.instrument);
                add(fig, "tariffRevenue", tariff);
                if (arc.kind == Network.ArcKind.IN_QUOTA) {
                    double r = (pd - cif - arc.quotaTariff * cif) * x;
                    quotaRent[arc.to] += r;
                    add(fig, "quotaRent", r);
                    add(fig, "inQuotaVolume", x);
                } else {
                    add(fig, "outOfQuotaVolume", x);
                }
            }
            if (arc.kind == Network.ArcKind.DETOUR) {
                add(figures.get(arc.instrument), "leakedVolume", x);
                // Its wedge holds the out-of-quota tariff of the importer's quota, which holds no licence for it.
                if (arc.quotaInstrument >= 0) {
                    double tariff = arc.quotaTariff * cif * x;
                    levy[arc.to] += tariff;
                    add(figures.get(arc.quotaInstrument), "tariffRevenue", tariff);
                    add(figures.get(arc.quotaInstrument), "outOfQuotaVolume", x);
                }
            }
            lanes.add(new EquilibriumResult.LaneResult(kindLabel(arc.kind), net.scenario.traders().get(arc.trader).id(),
                    commodityId(net, arc.commodity), regionId(net, arc.from), regionId(net, arc.to),
                    arc.via >= 0 ? world.region(arc.via).id() : null, x,
                    arc.laneCapacity * arc.capacityShare * approvalShare(net, a), (pd - po) / v, arc.wedge / v,
                    arcRent[a] / v));
        }
        // Every export quota, bound or too large to bind (no rent): its volume, what its lanes export and its rent.
        for (Network.Cap cap : net.quotaBounds) {
            int s = net.caps.indexOf(cap);
            double rent = s >= 0 ? solver.rent[s] : 0;
            double used = 0;
            double r = 0;
            for (int i = 0; i < cap.arcs.length; i++) {
                Network.Arc arc = net.arcs.get(cap.arcs[i]);
                double x = flow[cap.arcs[i]];
                used += x;
                r += rent * x;
                quotaRent[arc.from] += rent * x;
            }
            Map<String, Double> fig = figures.get(cap.instrument);
            add(fig, "quotaVolume", cap.volume);
            add(fig, "exported", used);
            add(fig, "quotaRent", r);
            double perUnit = rent / net.value[net.arcs.get(cap.arcs[0]).from];
            if (pools(net, cap.instrument) == 1) {
                fig.put("rentPerUnit", perUnit);
            } else {
                // A quota split by destination: each destination's pool earns its own rent.
                fig.put("rentPerUnit:" + regionId(net, net.arcs.get(cap.arcs[0]).to), perUnit);
                fig.merge("highestRentPerUnit", perUnit, Math::max);
            }
        }
        // Split, its rent per unit is what a unit exported under it earns on average (the highest of its
        // destinations' where nothing is exported).
        for (Network.Cap cap : net.quotaBounds) {
            Map<String, Double> fig = figures.get(cap.instrument);
            if (pools(net, cap.instrument) > 1 && fig.containsKey("highestRentPerUnit")) {
                double highest = fig.remove("highestRentPerUnit");
                double exported = fig.get("exported");
                double value = net.value[net.arcs.get(cap.arcs[0]).from];
                fig.put("rentPerUnit", exported > 0 ? fig.get("quotaRent") / exported / value : highest);
            }
        }
        // Every tariff-rate quota, bound or too large to bind: its volume and the share of it filled.
        for (Network.Cap cap : net.tariffQuotaBounds) {
            Map<String, Double> fig = figures.get(cap.instrument);
            double in = fig.getOrDefault("inQuotaVolume", 0.0);
            fig.put("quotaVolume", cap.volume);
            fig.put("fillRate", cap.volume > 0 ? in / cap.volume : Double.NaN);
        }
        // Every licensing office, bound or too large to bind: its capacity and the applications its lanes need.
        for (Network.Cap cap : net.officeBounds) {
            double decided = 0;
            for (int i = 0; i < cap.arcs.length; i++) {
                decided += cap.coefficient[i] * flow[cap.arcs[i]];
            }
            Map<String, Double> fig = figures.get(cap.instrument);
            add(fig, "officeCapacity", cap.volume);
            add(fig, "applicationsDecided", decided);
        }
        // Contracts for difference: eligible sales up to the cap, paid against the reference price.
        for (int i = 0; i < net.instruments.size(); i++) {
            Network.Instrument ins = net.instruments.get(i);
            if (!(ins.spec instanceof ContractForDifferenceSpec)) {
                continue;
            }
            double q = 0;
            for (int f = 0; f < net.firms; f++) {
                if (net.fSupport[f] == i) {
                    q += net.fWeight[f] * solver.firmOutput[f];
                }
            }
            q = Math.min(q, ins.volumeCap);
            double ref = price[ins.reference];
            // Above the strike the contract claws back its upside share of the excess: none without one (0, not
            // the -0.0 that nothing times a negative gives, which the figures would print).
            double perUnit = ref < ins.strike ? ins.strike - ref
                    : ins.upside > 0 ? -ins.upside * (ref - ins.strike) : 0.0;
            double cost = q * perUnit / net.value[ins.reference] * net.value[ins.market];
            fiscal[ins.market] += cost;
            Map<String, Double> fig = figures.get(i);
            fig.put("supportedVolume", q);
            fig.put("payments", Math.max(cost, 0));
            fig.put("clawback", Math.max(-cost, 0));
            fig.put("fiscalCost", cost);
        }
        List<EquilibriumResult.MarketResult> markets = new ArrayList<>();
        double[] netImports = solver.netImports();
        double[] capacity = new double[net.markets];
        for (int f = 0; f < net.firms; f++) {
            capacity[net.fMarket[f]] += net.fWeight[f] * net.fCapacity[f];
        }
        for (int m = 0; m < net.markets; m++) {
            if (!net.used[m]) {
                continue;
            }
            double v = net.value[m];
            double rationed = solver.rationed(m, netImports[m]);
            markets.add(new EquilibriumResult.MarketResult(m, world.region(world.regionOfMarket(m)).id(),
                    world.commodity(world.commodityOfMarket(m)).id(), price[m] / v, solver.supply[m],
                    solver.demand[m] - rationed, solver.inputs[m], imports[m], exports[m], offtake[m], rationed,
                    capacity[m], levy[m], quotaRent[m], fiscal[m]));
        }
        List<EquilibriumResult.FirmResult> firms = firmResults(net, solver, params);
        List<EquilibriumResult.InstrumentResult> instruments = new ArrayList<>();
        for (int i = 0; i < net.instruments.size(); i++) {
            Network.Instrument ins = net.instruments.get(i);
            instruments.add(new EquilibriumResult.InstrumentResult(ins.id, ins.type,
                    java.util.Collections.unmodifiableMap(figures.get(i))));
        }
        return new EquilibriumResult(net.tick, List.copyOf(markets), List.copyOf(lanes), firms,
                List.copyOf(instruments), solver.convergence);
    }

    private static List<EquilibriumResult.FirmResult> firmResults(Network net, PriceSolver solver, FirmParameters p) {
        int rows = p.count();
        double[] weight = new double[rows];
        double[] output = new double[rows];
        double[] planned = new double[rows];
        for (int f = 0; f < net.firms; f++) {
            int r = net.fRow[f];
            weight[r] += net.fWeight[f];
            output[r] += net.fWeight[f] * solver.firmOutput[f];
            planned[r] += net.fWeight[f] * solver.plannedPrice(f, solver.price) / net.value[net.fMarket[f]];
        }
        List<EquilibriumResult.FirmResult> out = new ArrayList<>(rows);
        List<Scenario.FirmSpec> specs = net.scenario.firms();
        for (int r = 0; r < rows; r++) {
            Scenario.FirmSpec spec = specs.get(p.spec()[r]);
            double perFirm = weight[r] > 0 ? output[r] / weight[r] : 0;
            double cap = p.capacity()[r];
            double netPrice = weight[r] > 0 ? planned[r] / weight[r] : Double.NaN;
            double[] use = new double[0];
            if ("manufacturer".equals(spec.type())) {
                double[] per = net.world.recipe(WorldBuilder.recipeOf(spec, net.world)).perUnit();
                use = new double[per.length];
                for (int j = 0; j < per.length; j++) {
                    use[j] = p.perUnit(r, j, per) * perFirm;
                }
            }
            String id = p.weight()[r] == 1 && spec.countOrDefault() > 1
                    ? FirmParameters.firmId(spec, p.first()[r]) : spec.id();
            out.add(new EquilibriumResult.FirmResult(id, spec.type(), spec.region(), spec.commodity(), p.weight()[r],
                    cap, perFirm, cap > 0 ? perFirm / cap : Double.NaN, netPrice, use));
        }
        return out;
    }

    /** How many pools an export quota's volume is split into: one per destination given a share, else one. */
    private static int pools(Network net, int instrument) {
        int n = 0;
        for (Network.Cap cap : net.quotaBounds) {
            n += cap.instrument == instrument ? 1 : 0;
        }
        return n;
    }

    /**
     * The flows, with what parallel arcs carry shared in proportion to their bounds. Two trader entries on one lane
     * whose traders need the same margin (so that their arcs of a kind have the same wedge and are held by the same
     * measures) are one lane to the equilibrium: any split of their flow that keeps each within its bound is as much
     * an equilibrium as any other, and the solver's was whichever its active sets happened on (56 and nothing for
     * two entries of 100; 45.5 and 10.5 for entries of 100 and 30). Every trader would ship there at the same
     * margin, so each entry takes its share of their capacity, as the model's traders of the two entries would, and
     * a run started at the equilibrium starts each entry's traders with it. A share of what they carry together
     * keeps every bound they are under: each lane's own (its capacity, a licence's share of it, a detour's leak of
     * it) is proportional to its capacity, and any other bound takes them at the same coefficient. Arcs with no
     * parallel arc keep the solver's flow to the last bit.
     */
    private static double[] sharedOverParallelArcs(Network net, double[] solved) {
        double[] flow = solved.clone();
        // Arcs of a kind between the same markets at the same wedge first; only among those, the measures on them.
        Map<String, List<Integer>> alike = new LinkedHashMap<>();
        for (int a = 0; a < net.arcs.size(); a++) {
            Network.Arc arc = net.arcs.get(a);
            if (arc.kind == Network.ArcKind.OFFTAKE || arc.trader < 0) {
                continue;
            }
            alike.computeIfAbsent(arc.kind + "/" + arc.from + "/" + arc.to + "/" + arc.via + "/"
                    + Double.doubleToLongBits(arc.wedge), k -> new ArrayList<>()).add(a);
        }
        Map<String, List<Integer>> parallel = new LinkedHashMap<>();
        for (List<Integer> arcs : alike.values()) {
            for (int a : arcs.size() < 2 ? List.<Integer>of() : arcs) {
                Network.Arc arc = net.arcs.get(a);
                String key = arc.kind + "/" + arc.from + "/" + arc.to + "/" + arc.via + "/" + arc.instrument + "/"
                        + arc.quotaInstrument + "/" + arc.licenceInstrument + "/" + Double.doubleToLongBits(arc.wedge)
                        + "/" + Double.doubleToLongBits(approvalShare(net, a)) + "/"
                        + Double.doubleToLongBits(arc.capacityShare) + "/" + sharedCaps(net, a);
                parallel.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            }
        }
        for (List<Integer> arcs : parallel.values()) {
            if (arcs.size() < 2) {
                continue;
            }
            double carried = 0;
            double bound = 0;
            for (int a : arcs) {
                carried += solved[a];
                bound += net.arcs.get(a).laneCapacity;
            }
            if (!(bound > 0)) {
                continue;
            }
            for (int a : arcs) {
                flow[a] = carried * (net.arcs.get(a).laneCapacity / bound);
            }
        }
        return flow;
    }

    /** The limits other than its own lane's that hold an arc, with its coefficient in each. */
    private static String sharedCaps(Network net, int a) {
        StringBuilder caps = new StringBuilder();
        int trader = net.arcs.get(a).trader;
        for (int s = 0; s < net.caps.size(); s++) {
            Network.Cap cap = net.caps.get(s);
            boolean own = true;
            for (int i : cap.arcs) {
                own &= net.arcs.get(i).trader == trader;
            }
            for (int i = 0; i < cap.arcs.length; i++) {
                if (cap.arcs[i] == a && !own) {
                    caps.append(s).append(':').append(Double.doubleToLongBits(cap.coefficient[i])).append(',');
                }
            }
        }
        return caps.toString();
    }

    private static double approvalShare(Network net, int a) {
        for (Network.Cap cap : net.caps) {
            if (cap.kind == Network.CapKind.LICENCE) {
                for (int i : cap.arcs) {
                    if (i == a) {
                        return cap.volume / net.arcs.get(a).laneCapacity;
                    }
                }
            }
        }
        return 1.0;
    }

    private static double capVolume(Network net, int a) {
        for (Network.Cap cap : net.caps) {
            if (cap.kind == Network.CapKind.OFFTAKE && cap.arcs[0] == a) {
                return cap.volume;
            }
        }
        return Double.NaN;
    }

    private static void add(Map<String, Double> m, String key, double v) {
        m.merge(key, v, Double::sum);
    }

    private static String kindLabel(Network.ArcKind k) {
        return switch (k) {
            case DIRECT -> "direct";
            case IN_QUOTA -> "inQuota";
            case OUT_OF_QUOTA -> "outOfQuota";
            case DETOUR -> "detour";
            case OFFTAKE -> "offtake";
        };
    }

    private static String regionId(Network net, int market) {
        return net.world.region(net.world.regionOfMarket(market)).id();
    }

    private static String commodityId(Network net, int commodity) {
        return net.world.commodity(commodity).id();
    }
}
