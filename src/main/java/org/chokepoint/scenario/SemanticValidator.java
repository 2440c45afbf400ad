package org.chokepoint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.chokepoint.scenario.spec.ConsortiumSpec;
import org.chokepoint.scenario.spec.PolicySpec;
import org.chokepoint.scenario.spec.Replacements;
import org.chokepoint.scenario.spec.SpecCheck;
import org.chokepoint.scenario.spec.SpecTypes;

/**
 * The rules of a scenario that a schema cannot state: ids are unique and every reference resolves,
 * recipes form no cycle, every manufacturer has a recipe, every trader lane has a route, ranges are
 * ordered, and events, policies and consortia make sense in this scenario (each entry checks itself, see
 * {@link SpecCheck}). Runs on a document that already passed the schema, so every required field is present
 * and every event, policy and consortium is of a supported type. Each part of the scenario has its own check
 * ({@link TimeCheck}, {@link ChainCheck}, {@link FirmCheck}, {@link StockAndDemandCheck}, {@link RangeCheck},
 * {@link PolicyOverlapCheck}, {@link PolicyReachCheck}, {@link ConsortiumCheck}, {@link EntryIdCheck}), all reading
 * the scenario and its id index from one {@link ValidationContext} and reporting to its one list.
 */
public final class SemanticValidator {

    /** Policy types this version can run; a policy of any other type is an error. */
    public static final List<String> SUPPORTED_POLICY_TYPES = List.copyOf(SpecTypes.of(PolicySpec.class).keySet());

    /** Consortium types this version can run; a consortium of any other type is an error. */
    public static final List<String> SUPPORTED_CONSORTIUM_TYPES =
            List.copyOf(SpecTypes.of(ConsortiumSpec.class).keySet());

    private final ValidationContext v;

    SemanticValidator(String file, JsonNode json, Scenario scenario, SourceLocations where) {
        this.v = new ValidationContext(file, json, scenario, where);
    }

    /** Checks a scenario built in memory, without positions. */
    public static List<ScenarioProblem> validate(String file, JsonNode json, Scenario scenario) {
        return new SemanticValidator(file, json, scenario, SourceLocations.none()).validate();
    }

    /**
     * Runs the checks in an order users and tests read: the problems come out as found, so the order of these
     * calls is the order of the report.
     */
    List<ScenarioProblem> validate() {
        Scenario s = v.s;
        TimeCheck time = new TimeCheck(v);
        ChainCheck chain = new ChainCheck(v);
        StockAndDemandCheck stockAndDemand = new StockAndDemandCheck(v);
        PolicyOverlapCheck overlaps = new PolicyOverlapCheck(v);
        PolicyReachCheck reach = new PolicyReachCheck(v);
        EntryIdCheck entryIds = new EntryIdCheck(v);
        v.indexIds();
        time.checkDecisionTick();
        time.checkStartDate();
        time.checkPriceBase();
        chain.checkRecipes();
        chain.checkRecipeCycles();
        chain.checkRoutes();
        new FirmCheck(v).checkFirms();
        chain.checkTraders();
        stockAndDemand.checkDemand();
        stockAndDemand.checkStocks();
        for (int i = 0; i < s.events().size(); i++) {
            s.events().get(i).check(v.entryCheck("/events/" + i));
        }
        new RangeCheck(v).checkRanges();
        for (int i = 0; i < s.policies().size(); i++) {
            s.policies().get(i).check(v.entryCheck("/policies/" + i));
        }
        for (int i = 0; i < s.consortia().size(); i++) {
            s.consortia().get(i).check(v.entryCheck("/consortia/" + i));
        }
        entryIds.checkTypedIds("policies", "policy");
        Replacements.check(s.policies(), v::problem);
        overlaps.checkStateCapacity();
        overlaps.checkStackedExportSubsidies();
        overlaps.checkCertifiedSources();
        reach.checkSupportedFirms();
        reach.checkStruckMarkets();
        new ConsortiumCheck(v).checkConsortia();
        reach.checkCapexSubsidiesReach();
        reach.checkActedOnMarkets();
        entryIds.checkTypedIds("consortia", "consortium");
        entryIds.checkMembers("firms", "firm");
        entryIds.checkMembers("traders", "trader");
        if (v.problems().isEmpty()) {
            for (String[] p : RunLimits.check(s, s.time().horizonTicks())) {
                v.problem(p[0], p[1]);
            }
        }
        return v.problems();
    }
}
