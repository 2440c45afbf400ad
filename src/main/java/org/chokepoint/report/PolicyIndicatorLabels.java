package org.chokepoint.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.PriceBase;
import org.chokepoint.scenario.Scenario;
import org.chokepoint.scenario.spec.PolicySpec;

/**
 * A policy's indicators ({@code policy.<id>.<name>} columns of runs.csv) in words and in their own units, as
 * docs/policies.md (Indicators), docs/scenario-format.md and docs/outputs.md define them: "cn-gallium-licensing:
 * volume approved, t Ga + t Ga content (policy.cn-gallium-licensing.approved)", not the column alone, beside which
 * a policymaker could not tell tonnes from dollars or weeks. Volumes are in the units of the commodities the policy
 * acts on, several of them added as the summary adds them; money in US dollars of the scenario's price year, which
 * the indicators are never restated from; ticks as the calendar names them. An indicator it does not know keeps
 * its column's name.
 */
final class PolicyIndicatorLabels {

    /** What an indicator counts, which says its unit. */
    enum Kind { VOLUME, MONEY, PRICE, TICKS, DAYS, SHARE, CAPACITY }

    private record Words(String words, Kind kind) { }

    private static final Map<String, Words> WORDS = new LinkedHashMap<>();

    static {
        words("activeTicks", "time active: in force, any trigger it has on", Kind.TICKS);
        words("levyRevenue", "levy collected", Kind.MONEY);
        words("leviedVolume", "volume that paid the levy", Kind.VOLUME);
        words("payments", "paid to the firms", Kind.MONEY);
        words("clawback", "paid back by the firms above the strike", Kind.MONEY);
        words("supportedVolume", "volume settled", Kind.VOLUME);
        words("purchased", "volume bought", Kind.VOLUME);
        words("spent", "spent on what it bought", Kind.MONEY);
        words("released", "volume sold back", Kind.VOLUME);
        words("receipts", "what its sales fetched", Kind.MONEY);
        words("stockHeld", "stock held after the last tick", Kind.VOLUME);
        words("targetStock", "target stock after the last tick", Kind.VOLUME);
        words("daysOfCoverHeld", "cover held after the last tick", Kind.DAYS);
        words("releaseTicks", "time its release trigger was on", Kind.TICKS);
        words("inQuotaVolume", "volume landed at the in-quota tariff", Kind.VOLUME);
        words("outOfQuotaVolume", "volume landed at the out-of-quota tariff", Kind.VOLUME);
        words("fillRate", "in-quota volume over the licences released", Kind.SHARE);
        words("quotaRent", "licence holders' quota rent", Kind.MONEY);
        words("tariffRevenue", "tariffs collected", Kind.MONEY);
        words("complianceRate", "share of its active ticks in compliance", Kind.SHARE);
        words("highestOriginShare", "highest share of one origin", Kind.SHARE);
        words("mandatedVolume", "volume mandated", Kind.VOLUME);
        words("certifiedVolume", "certified volume", Kind.VOLUME);
        words("coveredShare", "share of the mandate covered", Kind.SHARE);
        words("shortfallVolume", "volume short of the mandate", Kind.VOLUME);
        words("meanPremium", "mean certificate premium", Kind.PRICE);
        words("premiumPaid", "premium paid", Kind.MONEY);
        words("premiumPaidByFinalBuyers", "premium paid by final buyers", Kind.MONEY);
        words("penaltyPaid", "penalty paid", Kind.MONEY);
        words("capacityCommitted", "capacity committed", Kind.CAPACITY);
        words("capacityArrived", "capacity come into service", Kind.CAPACITY);
        words("capacityAdded", "capacity added", Kind.CAPACITY);
        words("subsidyPaid", "subsidy paid", Kind.MONEY);
        words("capitalCost", "capital cost paid", Kind.MONEY);
        words("volumeSubsidised", "volume subsidised", Kind.VOLUME);
        words("applied", "volume applied for", Kind.VOLUME);
        words("approved", "volume approved", Kind.VOLUME);
        words("refused", "volume refused, on filing or on review", Kind.VOLUME);
        words("denied", "volume refused on filing", Kind.VOLUME);
        words("approvedShare", "share approved of the volume reviewed", Kind.SHARE);
        words("meanWaitTicks", "mean wait for a decision, by volume", Kind.TICKS);
        words("longestWaitTicks", "longest wait for a decision", Kind.TICKS);
        words("peakBacklog", "most waiting at once", Kind.VOLUME);
        words("backlogAtEnd", "waiting at the end", Kind.VOLUME);
        words("quotaReleased", "volume the quota released", Kind.VOLUME);
        words("outputUnderQuota", "output of the firms it holds", Kind.VOLUME);
        words("bindingTicks", "time the quota bound", Kind.TICKS);
    }

    /** A resilience standard's premium received by a certified region: {@code premiumReceived.<region>}. */
    private static final String PREMIUM_RECEIVED = "premiumReceived.";

    private static void words(String name, String words, Kind kind) {
        WORDS.put(name, new Words(words, kind));
    }

    /** Policy ids, longest first, so that an id that is the start of another does not take its columns. */
    private final List<String> ids = new ArrayList<>();
    private final Map<String, List<String>> commodities = new LinkedHashMap<>();
    private final Map<String, Scenario.CommoditySpec> commodityById = new LinkedHashMap<>();
    private final TickUnit tick;
    private final String dollars;

    PolicyIndicatorLabels(Scenario s) {
        for (Scenario.CommoditySpec c : s.commodities()) {
            commodityById.put(c.id(), c);
        }
        for (PolicySpec p : s.policies()) {
            ids.add(p.id());
            commodities.put(p.id(), commoditiesOf(p, s));
        }
        ids.sort(Comparator.comparingInt(String::length).reversed());
        tick = TickUnit.of(s.time().ticksPerYearOrDefault());
        Integer year = PriceBase.priceYear(s);
        dollars = year == null ? "US$" : "US$ (" + year + " prices)";
    }

    /**
     * The commodities a policy acts on, as its file names them ({@code commodity} or {@code commodities}), or, for
     * state capacity, which names a firm, that firm's.
     */
    private static List<String> commoditiesOf(PolicySpec p, Scenario s) {
        JsonNode json = Json.mapper().valueToTree(p);
        Set<String> ids = new LinkedHashSet<>(PolicySpec.commoditiesNamed(json));
        if (ids.isEmpty() && json.path("firm").isTextual()) {
            String firm = json.get("firm").asText();
            s.firms().stream().filter(f -> f.id().equals(firm)).findFirst().ifPresent(f -> ids.add(f.commodity()));
        }
        return List.copyOf(ids);
    }

    /** The indicator's words and unit, with its column: the column alone for one it does not know. */
    String label(String column) {
        Parsed p = parse(column);
        if (p == null) {
            return column;
        }
        String unit = unit(p);
        return p.policy() + ": " + p.words().words() + (unit == null ? "" : ", " + unit) + " (" + column + ")";
    }

    /** Whether the column is an amount of money, to be written as money is. */
    boolean money(String column) {
        Parsed p = parse(column);
        return p != null && p.words().kind() == Kind.MONEY;
    }

    private record Parsed(String policy, String name, Words words) { }

    private Parsed parse(String column) {
        if (!column.startsWith("policy.")) {
            return null;
        }
        String rest = column.substring("policy.".length());
        for (String id : ids) {
            if (rest.startsWith(id + ".")) {
                String name = rest.substring(id.length() + 1);
                if (name.startsWith(PREMIUM_RECEIVED) && name.length() > PREMIUM_RECEIVED.length()) {
                    String region = name.substring(PREMIUM_RECEIVED.length());
                    return new Parsed(id, name, new Words("premium received by " + region, Kind.MONEY));
                }
                Words w = WORDS.get(name);
                return w == null ? null : new Parsed(id, name, w);
            }
        }
        return null;
    }

    private String unit(Parsed p) {
        return switch (p.words().kind()) {
            case MONEY -> dollars;
            case TICKS -> tick.plural();
            case DAYS -> "days";
            case SHARE -> "share";
            case VOLUME -> quantityUnits(p.policy());
            case CAPACITY -> {
                String q = quantityUnits(p.policy());
                yield q == null ? null : q + " a " + tick.singular();
            }
            case PRICE -> priceUnit(p.policy());
        };
    }

    /** The policy's commodities' quantity unit, or theirs joined by "+" where they differ, as its sums add them. */
    private String quantityUnits(String policy) {
        Set<String> units = new LinkedHashSet<>();
        for (String c : commodities.getOrDefault(policy, List.of())) {
            Scenario.CommoditySpec spec = commodityById.get(c);
            if (spec == null || spec.quantityUnit() == null) {
                return null;
            }
            units.add(spec.quantityUnit());
        }
        return units.isEmpty() ? null : String.join(" + ", units);
    }

    private String priceUnit(String policy) {
        List<String> cs = commodities.getOrDefault(policy, List.of());
        Scenario.CommoditySpec spec = cs.size() == 1 ? commodityById.get(cs.get(0)) : null;
        return spec == null ? null : spec.priceUnit();
    }
}
