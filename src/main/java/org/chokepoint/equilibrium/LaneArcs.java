package org.chokepoint.equilibrium;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.chokepoint.equilibrium.Network.Arc;
import org.chokepoint.equilibrium.Network.ArcKind;
import org.chokepoint.equilibrium.Network.Cap;
import org.chokepoint.equilibrium.Network.CapKind;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.TickTime;
import org.chokepoint.scenario.spec.CircumventionSpec;
import org.chokepoint.scenario.spec.DiversificationRequirementSpec;
import org.chokepoint.scenario.spec.ExportBanSpec;
import org.chokepoint.scenario.spec.ExportLicensingSpec;
import org.chokepoint.scenario.spec.ExportMeasureSpec;
import org.chokepoint.scenario.spec.ExportQuotaSpec;
import org.chokepoint.scenario.spec.ExportSubsidySpec;
import org.chokepoint.scenario.spec.ExportTaxSpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.TariffFloorSpec;
import org.chokepoint.scenario.spec.TariffRateQuotaSpec;
import org.chokepoint.world.World;

/**
 * The traders' lanes as arcs of a {@link Network}, with the volume limits the trade measures in force put on them.
 * An open lane is one arc, or two under a tariff-rate quota (the flow inside the quota and the flow beyond it);
 * what a ban stops, a quota refuses or a licence does not grant may leak round it on a detour arc. The limits: each
 * lane's capacity times its approval rate, each licensing office's capacity over the lanes it licenses (a lane's
 * flow over its rate of approval), each export quota's volume over the lanes it covers (one pool per quota, or one
 * per destination of a split quota), each tariff-rate quota's volume over its in-quota arcs, each diversification
 * requirement's share, and what may leak. Limits are added in the order the lanes are met, those over every lane
 * once all lanes are in, so the network, and the solve, is the same for the same scenario.
 */
final class LaneArcs {
    /** How many times the world's capacity of its good a lane's bound may be before it is cut to that many times. */
    static final double CAN_BIND = 1e3;
    /** The share of the world's capacity of its good below which a lane's licensed bound closes it. */
    private static final double CAN_CARRY = 1e-12;

    private final Network net;
    private final World world;
    private final Scenario scenario;
    private final int perYear;
    private final TraderParameters traders;
    private final List<PolicySpec> inForce;
    /** What the world can make of each good: the scale against which a lane's bound binds or closes it. */
    private final double[] worldCapacity;
    private final ExportQuotaPools pools = new ExportQuotaPools();
    /** One bound per licensing office and commodity, over every lane it licenses. */
    private final Map<String, Cap> officeCaps = new HashMap<>();
    /** The in-quota arcs of each tariff-rate quota, in the scenario's order of the quotas. */
    private final Map<Integer, List<Integer>> inQuotaArcs = new TreeMap<>();
    /** What the lanes of each tariff-rate quota could carry between them: the scale its volume binds against. */
    private final Map<Integer, Double> inQuotaReach = new HashMap<>();
    /** The arcs each diversification requirement covers, in the scenario's order of the requirements. */
    private final Map<Integer, List<Integer>> diversificationArcs = new TreeMap<>();

    private LaneArcs(Network net, TraderParameters traders, List<PolicySpec> inForce) {
        this.net = net;
        this.world = net.world;
        this.scenario = net.scenario;
        this.perYear = world.ticksPerYear();
        this.traders = traders;
        this.inForce = inForce;
        worldCapacity = new double[world.commodityCount()];
        for (int f = 0; f < net.firms; f++) {
            // A population at its expected parameters is one row standing for its whole count.
            worldCapacity[world.commodityOfMarket(net.fMarket[f])] += net.fWeight[f] * net.fCapacity[f];
        }
    }

    /** Adds every open lane of the scenario's traders to {@code net}, and the limits on them. */
    static void build(Network net, TraderParameters traders, List<PolicySpec> inForce, boolean[] closed,
                      double[] costFactor) {
        LaneArcs lanes = new LaneArcs(net, traders, inForce);
        List<Scenario.TraderSpec> specs = lanes.scenario.traders();
        for (int t = 0; t < specs.size(); t++) {
            Scenario.TraderSpec ts = specs.get(t);
            int route = lanes.world.routeBetween(lanes.world.regionIndex(ts.from()), lanes.world.regionIndex(ts.to()));
            if (route < 0 || closed[route] || !(traders.capacity()[t] > 0)) {
                continue;
            }
            lanes.lane(t, ts, lanes.world.route(route).costPerUnit() * costFactor[route]);
        }
        lanes.boundOverAllLanes();
    }

    private void lane(int t, Scenario.TraderSpec ts, double cost) {
        int c = world.commodityIndex(ts.commodity());
        int o = world.regionIndex(ts.from());
        int d = world.regionIndex(ts.to());
        double capacity = traders.capacity()[t];
        ExportMeasures exports = exportMeasures(ts, o, d, c);
        Arc base = new Arc();
        base.from = world.market(o, c);
        base.to = world.market(d, c);
        base.commodity = c;
        base.trader = t;
        base.margin = traders.minMargin()[t];
        base.cost = cost;
        base.exportTax = exports.exportTax;
        base.compliance = exports.compliance;
        base.subsidyRate = exports.subsidyRate;
        base.subsidyPerUnit = exports.subsidyPerUnit;
        base.licenceInstrument = exports.licenceInstrument;
        base.exportParts = exports.parts.toArray(new double[0][]);
        base.laneCapacity = capacity;
        TariffRateQuotaSpec trq = importMeasures(base, o, d, c);
        double approval = exports.approval;
        double allowed = capacity * approval;
        // What the lane's bounds reckon it could carry: its licensed capacity, or at most what the world makes.
        double reach = Math.min(allowed, worldCapacity[c]);
        List<Integer> laneArcs = new ArrayList<>();
        // The most the lane may carry in the long run: its capacity times its approval rate, and each office's
        // capacity times the lane's rate there. A lane that may carry less than a trillionth of what the world
        // makes of its good is closed, which moves the answer by at most that bound: left open, an office's
        // coefficient of one over its rate (up to infinite) swamps every other in the subproblem.
        double licensed = allowed;
        for (double[] office : exports.offices) {
            licensed = Math.min(licensed, office[3] * office[2]);
        }
        boolean allowedAtAll = exports.allowance > 0 && approval > 0;
        if (allowedAtAll && !(licensed < CAN_CARRY * worldCapacity[c])) {
            addArcs(base, trq, laneArcs, reach);
            boundLane(laneArcs, allowed, approval < 1, exports.licenceInstrument, worldCapacity[c]);
            pools.join(exports.pools, laneArcs, reach);
        }
        if (allowedAtAll) {
            licenceOffices(exports.offices, laneArcs, reach);
            for (int rule : diversification(o, d, c)) {
                diversificationArcs.computeIfAbsent(rule, k -> new ArrayList<>()).addAll(laneArcs);
            }
        }
        // What a ban stops, a quota refuses or a licence does not grant may go round it.
        if (exports.detour != null
                && (exports.allowance == 0 || !exports.pools.isEmpty() || exports.licenceInstrument >= 0)) {
            leak(base, exports, trq, laneArcs, capacity);
        }
    }

    /** What the exporter's measures in force do to one lane. */
    private static final class ExportMeasures {
        double allowance = 1.0;
        double approval = 1.0;
        double exportTax;
        double compliance;
        double subsidyRate;
        double subsidyPerUnit;
        int licenceInstrument = -1;
        /** Each tax, subsidy and licence on the lane: {@link Arc#exportParts}. */
        final List<double[]> parts = new ArrayList<>();
        final List<Integer> pools = new ArrayList<>();
        /** Each licensing office with a capacity for the lane's commodity: instrument, commodity, rate, capacity. */
        final List<double[]> offices = new ArrayList<>();
        /** The first measure that leaves a way round it open, and that way. */
        PolicySpec detour;
        CircumventionSpec circumvention;
        /** A measure on the lane holds it to a rule against circumvention: no way round any of them is open. */
        boolean wayRoundForbidden;
    }

    private ExportMeasures exportMeasures(Scenario.TraderSpec ts, int o, int d, int c) {
        ExportMeasures lane = new ExportMeasures();
        for (PolicySpec p : inForce) {
            if (!(p instanceof ExportMeasureSpec measure) || !exportCovers(measure, o, d, c)) {
                continue;
            }
            int instrument = net.instrumentOf(p);
            if (measure instanceof ExportBanSpec) {
                lane.allowance = 0;
            } else if (measure instanceof ExportTaxSpec tax) {
                lane.exportTax += tax.rate();
                lane.parts.add(new double[] {Network.TAXED, instrument, tax.rate(), 0});
            } else if (measure instanceof ExportSubsidySpec subsidy) {
                lane.subsidyRate += subsidy.rateOrZero();
                lane.subsidyPerUnit += subsidy.perUnitOrZero();
                lane.parts.add(new double[] {Network.SUBSIDISED, instrument, subsidy.rateOrZero(),
                        subsidy.perUnitOrZero()});
            } else if (measure instanceof ExportLicensingSpec licensing) {
                // A destination denied at the tick is refused every licence.
                double rate = licensing.deniedAt(ts.commodity(), ts.to(), net.tick) ? 0.0
                        : licensing.approvalAt(ts.commodity(), ts.to(), net.tick);
                lane.approval *= rate;
                lane.compliance += licensing.carryingCostPerTick() * licensing.leadTicks();
                lane.licenceInstrument = instrument;
                lane.parts.add(new double[] {Network.LICENSED, instrument,
                        licensing.carryingCostPerTick() * licensing.leadTicks(), 0});
                Double weekly = licensing.capacityAt(ts.commodity(), net.tick);
                if (weekly != null && rate > 0) {
                    lane.offices.add(new double[] {instrument, c, rate, weekly / TickTime.ticks(1, perYear)});
                }
            } else if (measure instanceof ExportQuotaSpec quota) {
                lane.pools.add(pools.poolFor(quota, instrument, d, ts.to()));
            }
            CircumventionSpec open = wayRound(measure);
            // Declared to the lane's own destination the cargo is the lane's: a way round through it is none (the
            // model's ExportMeasure.detourCost; validation refuses the exporter itself as the way round).
            if (open != null && world.regionIndex(open.via()) == d) {
                open = null;
            }
            if (lane.detour == null && open != null) {
                lane.detour = p;
                lane.circumvention = open;
            }
            lane.wayRoundForbidden |= forbidsWayRound(measure);
        }
        if (lane.wayRoundForbidden) {
            lane.detour = null;
            lane.circumvention = null;
        }
        return lane;
    }

    /** Sets the tariff floors on the lane's arc; returns the tariff-rate quota on it (the last listed), or null. */
    private TariffRateQuotaSpec importMeasures(Arc base, int o, int d, int c) {
        TariffRateQuotaSpec trq = null;
        List<Double> floors = new ArrayList<>();
        List<Integer> floorIds = new ArrayList<>();
        for (PolicySpec p : inForce) {
            if (p instanceof TariffFloorSpec floor
                    && importCovers(floor.region(), floor.commodity(), floor.exemptOrigins(), o, d, c)) {
                floors.add(floor.floor());
                floorIds.add(net.instrumentOf(p));
            } else if (p instanceof TariffRateQuotaSpec quota
                    && importCovers(quota.region(), quota.commodity(), quota.exemptOrigins(), o, d, c)) {
                trq = quota;
            }
        }
        base.floors = floors.stream().mapToDouble(Double::doubleValue).toArray();
        base.floorInstruments = floorIds.stream().mapToInt(Integer::intValue).toArray();
        return trq;
    }

    /** The diversification requirements that cover imports of c from o into d. */
    private List<Integer> diversification(int o, int d, int c) {
        List<Integer> rules = new ArrayList<>();
        for (PolicySpec p : inForce) {
            if (p instanceof DiversificationRequirementSpec rule
                    && d == world.regionIndex(rule.region()) && c == world.commodityIndex(rule.commodity()) && o != d) {
                rules.add(net.instrumentOf(p));
            }
        }
        return rules;
    }

    /** The lane's arc, or its in-quota and out-of-quota arcs under a tariff-rate quota, into {@code laneArcs}. */
    private void addArcs(Arc base, TariffRateQuotaSpec trq, List<Integer> laneArcs, double reach) {
        if (trq == null) {
            base.kind = ArcKind.DIRECT;
            laneArcs.add(net.add(base));
            return;
        }
        Arc in = Network.copy(base, ArcKind.IN_QUOTA);
        in.quotaTariff = trq.inQuotaTariff();
        in.instrument = net.instrumentOf(trq);
        Arc out = Network.copy(base, ArcKind.OUT_OF_QUOTA);
        out.quotaTariff = trq.outOfQuotaTariff();
        out.instrument = in.instrument;
        int ia = net.add(in);
        laneArcs.add(ia);
        laneArcs.add(net.add(out));
        inQuotaArcs.computeIfAbsent(in.instrument, k -> new ArrayList<>()).add(ia);
        inQuotaReach.merge(in.instrument, reach, Double::sum);
    }

    /** The lane's own bound: its capacity times its approval rate, a licence's bound where that rate is below one. */
    private void boundLane(List<Integer> laneArcs, double allowed, boolean licensed, int licenceInstrument,
                           double worldCapacity) {
        // A lane that could carry a thousand times what the whole world makes of its good never binds; at its
        // own bound it would set the scale of the subproblem beside flows many orders smaller, so it is bounded
        // at that thousand times instead. Left with no bound at all, its arc would have no rent to take up the
        // move of its margin's wedge between rounds, and a round would open with its condition broken, which
        // no step along which f falls mends (the two-region world with traders of 1e5 a tick did not converge).
        if (allowed <= CAN_BIND * worldCapacity) {
            net.capOver(CapKind.LANE_CAPACITY, -1, laneArcs, 1.0, allowed);
            if (licensed) {
                Cap cap = net.caps.get(net.caps.size() - 1);
                cap.kind = CapKind.LICENCE;
                cap.instrument = licenceInstrument;
            }
        } else {
            if (worldCapacity > 0) {
                net.capOver(CapKind.LANE_CAPACITY, -1, laneArcs, 1.0, CAN_BIND * worldCapacity);
            }
            // What such a lane could carry is at most what the world makes: the measure of an arbitrage it
            // leaves unexploited.
            for (int a : laneArcs) {
                net.arcs.get(a).laneCapacity = worldCapacity;
            }
        }
    }

    private void licenceOffices(List<double[]> offices, List<Integer> laneArcs, double reach) {
        for (double[] office : offices) {
            // In the long run the office decides at most its capacity, and a lane's flow is its rate times
            // what it applies for: sum over lanes of flow / rate <= capacity. An office whose only lanes are
            // closed for their tiny bound is still reported, with nothing to decide.
            String key = (int) office[0] + "/" + (int) office[1];
            Cap cap = officeCaps.get(key);
            if (cap == null) {
                cap = new Cap();
                cap.kind = CapKind.LICENCE_OFFICE;
                cap.instrument = (int) office[0];
                cap.arcs = new int[0];
                cap.coefficient = new double[0];
                cap.volume = office[3];
                officeCaps.put(key, cap);
                net.caps.add(cap);
                net.officeBounds.add(cap);
            }
            int n = cap.arcs.length;
            cap.arcs = Arrays.copyOf(cap.arcs, n + laneArcs.size());
            cap.coefficient = Arrays.copyOf(cap.coefficient, n + laneArcs.size());
            for (int i = 0; i < laneArcs.size(); i++) {
                cap.arcs[n + i] = laneArcs.get(i);
                cap.coefficient[n + i] = 1.0 / office[2];
            }
            if (!laneArcs.isEmpty()) {
                cap.reach += reach / office[2];
            }
        }
    }

    /** The detour arc round the lane's restriction, and its bound: the leak rate of what the restriction stops. */
    private void leak(Arc base, ExportMeasures exports, TariffRateQuotaSpec trq, List<Integer> laneArcs,
                      double capacity) {
        double leak = exports.circumvention.leakRate();
        if (!(leak > 0)) {
            return;
        }
        Arc leakArc = Network.copy(base, ArcKind.DETOUR);
        leakArc.exportTax = 0;
        leakArc.compliance = 0;
        leakArc.subsidyRate = 0;
        leakArc.subsidyPerUnit = 0;
        leakArc.licenceInstrument = -1;
        leakArc.exportParts = new double[0][];
        leakArc.via = world.regionIndex(exports.circumvention.via());
        leakArc.capacityShare = leak;
        leakArc.extra = exports.circumvention.extraCostPerUnit();
        leakArc.instrument = net.instrumentOf(exports.detour);
        if (trq != null) {
            leakArc.quotaTariff = trq.outOfQuotaTariff();
            leakArc.quotaInstrument = net.instrumentOf(trq);
        }
        int la = net.add(leakArc);
        // What leaks is the leak rate of what the restriction stops of the traders' capacity.
        Cap cap = new Cap();
        cap.kind = CapKind.LEAK;
        cap.instrument = leakArc.instrument;
        int[] members = new int[laneArcs.size() + 1];
        double[] coefficient = new double[members.length];
        for (int i = 0; i < laneArcs.size(); i++) {
            members[i] = laneArcs.get(i);
            coefficient[i] = leak;
        }
        members[laneArcs.size()] = la;
        coefficient[laneArcs.size()] = 1.0;
        cap.arcs = members;
        cap.coefficient = coefficient;
        cap.volume = leak * capacity;
        net.caps.add(cap);
    }

    /** The limits over several lanes: export quotas, tariff-rate quotas and diversification shares. */
    private void boundOverAllLanes() {
        pools.bound();
        for (var e : inQuotaArcs.entrySet()) {
            int quota = e.getKey();
            double yearly = ((TariffRateQuotaSpec) net.instruments.get(quota).spec).yearlyQuota();
            net.capOver(CapKind.TARIFF_RATE_QUOTA, quota, e.getValue(), 1.0, yearly / perYear);
            Cap cap = net.caps.get(net.caps.size() - 1);
            cap.reach = inQuotaReach.get(quota);
            net.tariffQuotaBounds.add(cap);
        }
        leaveOutWhatCannotBind(net.officeBounds);
        leaveOutWhatCannotBind(net.quotaBounds);
        leaveOutWhatCannotBind(net.tariffQuotaBounds);
        for (var e : diversificationArcs.entrySet()) {
            int rule = e.getKey();
            diversify((DiversificationRequirementSpec) net.instruments.get(rule).spec, e.getValue(), rule);
        }
    }

    /** Export quota pools: per quota one pool, or one per destination when the quota is split by destination. */
    private final class ExportQuotaPools {
        private final Map<String, Integer> byKey = new HashMap<>();
        private final List<List<Integer>> members = new ArrayList<>();
        private final List<Double> volume = new ArrayList<>();
        /** The most a pool's lanes could carry: each lane's bound, or the world's capacity of its good. */
        private final List<Double> reach = new ArrayList<>();
        private final List<Integer> instrument = new ArrayList<>();

        int poolFor(ExportQuotaSpec quota, int quotaInstrument, int d, String destination) {
            Map<String, Double> shares = quota.destinationShares();
            boolean split = !shares.isEmpty();
            String key = quotaInstrument + (split ? "/" + d : "");
            Integer pool = byKey.get(key);
            if (pool == null) {
                double share = split ? shares.getOrDefault(destination, 0.0) : 1;
                pool = members.size();
                byKey.put(key, pool);
                members.add(new ArrayList<>());
                int period = quota.periodTicks(perYear, scenario.time().horizonTicks());
                volume.add(quota.periodVolume() / period * share);
                reach.add(0.0);
                instrument.add(quotaInstrument);
            }
            return pool;
        }

        void join(List<Integer> pools, List<Integer> laneArcs, double laneReach) {
            for (int pool : pools) {
                members.get(pool).addAll(laneArcs);
                reach.set(pool, reach.get(pool) + laneReach);
            }
        }

        void bound() {
            for (int pool = 0; pool < members.size(); pool++) {
                if (!members.get(pool).isEmpty()) {
                    net.capOver(CapKind.EXPORT_QUOTA, instrument.get(pool), members.get(pool), 1.0, volume.get(pool));
                    Cap quota = net.caps.get(net.caps.size() - 1);
                    quota.reach = reach.get(pool);
                    net.quotaBounds.add(quota);
                }
            }
        }
    }

    /**
     * Takes out of the solve each bound more than a thousand times what its lanes could ever ask of it (an
     * office's capacity, an export quota's or a tariff-rate quota's volume): it never binds, and left in, its volume would set the scale of the
     * subproblem beside flows many orders smaller, as a lane's would. Its figures are still reported.
     */
    private void leaveOutWhatCannotBind(List<Cap> bounds) {
        for (Cap bound : bounds) {
            if (bound.volume > CAN_BIND * bound.reach) {
                net.caps.remove(bound);
            }
        }
    }

    /**
     * No origin above {@code maxShare} of the region's imports: {@code x_o <= s / (1 - s) Σ x_others} for each origin,
     * the others' flows held for a round, as the model grants an origin's importers what keeps its share of all the
     * origins' purchases at most {@code s}. Its rent falls on that origin's lanes alone: a bound over all of them,
     * {@code x_o - s Σ x <= 0}, would pay the other origins' traders its rent to ship at a loss, which no trader of
     * the model does. Each bound starts as wide as its lanes, so the first round is solved as without it.
     */
    private void diversify(DiversificationRequirementSpec rule, List<Integer> members, int instrument) {
        double share = rule.maxShare();
        if (share >= 1) {
            return;
        }
        TreeSet<Integer> origins = new TreeSet<>();
        for (int a : members) {
            origins.add(world.regionOfMarket(net.arcs.get(a).from));
        }
        for (int origin : origins) {
            List<Integer> own = new ArrayList<>();
            List<Integer> others = new ArrayList<>();
            double wide = 0;
            for (int a : members) {
                if (world.regionOfMarket(net.arcs.get(a).from) == origin) {
                    own.add(a);
                    wide += net.arcs.get(a).laneCapacity;
                } else {
                    others.add(a);
                }
            }
            net.capOver(CapKind.DIVERSIFICATION, instrument, own, 1.0, wide);
            Cap cap = net.caps.get(net.caps.size() - 1);
            cap.others = others.stream().mapToInt(Integer::intValue).toArray();
            cap.ratio = share / (1 - share);
            cap.reach = wide;
        }
    }

    /** Whether an exporter's measure covers a shipment of c from o to d (the model's {@code ExportMeasure.covers}). */
    private boolean exportCovers(ExportMeasureSpec m, int o, int d, int c) {
        int region = world.regionIndex(m.region());
        boolean toD = m.destinations() == null ? d != region : names(m.destinations(), d, world::regionIndex);
        return o == region && names(m.commodities(), c, world::commodityIndex) && toD;
    }

    /** Whether an importer's measure covers imports of c from o into d (tariff floor, tariff-rate quota). */
    private boolean importCovers(String regionId, String commodity, List<String> exemptOrigins, int o, int d, int c) {
        int region = world.regionIndex(regionId);
        return d == region && c == world.commodityIndex(commodity) && o != region
                && !names(exemptOrigins, o, world::regionIndex);
    }

    /** Whether one of {@code ids} names {@code index}. */
    private static boolean names(List<String> ids, int index, ToIntFunction<String> indexOf) {
        if (ids != null) {
            for (String id : ids) {
                if (indexOf.applyAsInt(id) == index) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether it holds its lanes to a rule against circumvention (the model's ExportMeasure.forbidsWayRound). */
    private static boolean forbidsWayRound(ExportMeasureSpec m) {
        return m instanceof ExportBanSpec ban && ban.antiCircumvention()
                || m instanceof ExportQuotaSpec quota && quota.antiCircumvention()
                || m instanceof ExportLicensingSpec licensing && licensing.antiCircumvention();
    }

    /** The way round an export restriction it leaves open: its circumvention, unless a rule closes it. */
    private static CircumventionSpec wayRound(ExportMeasureSpec m) {
        if (m instanceof ExportBanSpec ban && !ban.antiCircumvention()) {
            return ban.circumvention();
        }
        if (m instanceof ExportQuotaSpec quota && !quota.antiCircumvention()) {
            return quota.circumvention();
        }
        if (m instanceof ExportLicensingSpec licensing && !licensing.antiCircumvention()) {
            return licensing.circumvention();
        }
        return null;
    }
}
