package org.chokepoint.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonpatch.JsonPatchException;
import com.github.fge.jsonpatch.mergepatch.JsonMergePatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chokepoint.experiment.Comparison.Grid;
import org.chokepoint.experiment.Comparison.Option;
import org.chokepoint.scenario.Json;
import org.chokepoint.scenario.LoadedScenario;
import org.chokepoint.scenario.ScenarioException;
import org.chokepoint.scenario.ScenarioLoader;
import org.chokepoint.scenario.ScenarioProblem;
import org.chokepoint.scenario.spec.Role;

/**
 * An options file read into the options a comparison runs, "no policy" first, each option's scenario checked as
 * {@code validate} checks a scenario and against the base's money and clock, every problem found reported at once
 * where the user wrote it.
 */
final class OptionsFile {

    private OptionsFile() {
    }

    /** The members an options file and each of its options may have. */
    private static final List<String> FILE_MEMBERS = List.of("$schema", "description", "options");
    private static final List<String> OPTION_MEMBERS = List.of("name", "description", "patch");

    private static void onlyMembers(JsonNode node, String at, List<String> allowed) throws ComparisonException {
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new ComparisonException(at + "/" + field.replace("~", "~0").replace("/", "~1")
                        + ": unknown field '" + field + "'; allowed fields: " + String.join(", ", allowed));
            }
        }
    }

    /**
     * Reads the options file: {@code {"options": [{"name": ..., "description": ..., "patch": {...}}, ...]}}, each
     * option whose patch a grid points into once per level of the grid; a grid that points into no option's patch,
     * or two grids into one option, are errors.
     */
    static List<Option> read(LoadedScenario base, JsonNode optionsFile, String optionsSource, int ticks,
                             List<Grid> grids) throws ScenarioException, ComparisonException {
        JsonNode list = optionsFile.path("options");
        if (!list.isArray() && (optionsFile.has("regions") || optionsFile.has("commodities"))) {
            // The scenario given twice, or the two files swapped: say so rather than list its members as unknown.
            throw new ComparisonException(optionsSource + ": a scenario, not an options file: give the scenario"
                    + " first and the options with --options, a file {\"options\": [{\"name\": ..., \"patch\": {...}}]}");
        }
        // Every problem of the file, each where it was found, so that it is mended in one pass, not one problem a run.
        Refusals refusals = new Refusals();
        try {
            // A misspelt member would otherwise be dropped without a word, as the scenario's own fields never are.
            onlyMembers(optionsFile, optionsSource + ": ", FILE_MEMBERS);
        } catch (ComparisonException e) {
            refusals.add(e);
        }
        if (!list.isArray()) {
            refusals.add(new ComparisonException(optionsSource + ": /options: expected an array of options,"
                    + " {\"options\": [{\"name\": ..., \"patch\": {...}}]}, got " + (list.isMissingNode() ? "nothing"
                    : list.getNodeType().toString().toLowerCase(Locale.ROOT))));
        } else if (list.isEmpty()) {
            refusals.add(new ComparisonException(optionsSource + ": /options: no options to compare with"
                    + " \"no policy\": give at least one {\"name\": ..., \"patch\": {...}}"));
        }
        if (!list.isArray() || list.isEmpty()) {
            // No option to read: what is wrong with the file itself is all there is to say.
            refusals.throwIfAny();
        }
        List<Option> options = new ArrayList<>();
        options.add(new Option(Comparison.NO_POLICY, "the scenario as it is, without any of the options' changes",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), base));
        Set<String> names = new HashSet<>();
        names.add(Comparison.NO_POLICY);
        for (int i = 0; i < list.size(); i++) {
            try {
                readOption(base, list.get(i), i, optionsSource, ticks, grids, names, options, refusals);
            } catch (ComparisonException e) {
                refusals.add(e);
            }
        }
        // Read from every patch, mended or not: an option refused for a misspelt member still has the grid's value.
        for (Grid g : grids) {
            if (!pointsIntoAnOption(list, g)) {
                refusals.add(new ComparisonException("--grid " + g.pointer() + ": no option's patch has a value there"
                        + " (a pointer into a patch, e.g. /policies/1/floor for the second policy an option lists)"));
            }
        }
        refusals.throwIfAny();
        return options;
    }

    /**
     * Reads option {@code i} of the file into {@code options}, one option per level of the grid that points into its
     * patch. A problem with the option itself (a member, its name, its patch, a level's name) is thrown; a level whose
     * scenario is bad is added to {@code refusals} and the other levels are read all the same.
     */
    private static void readOption(LoadedScenario base, JsonNode o, int i, String optionsSource, int ticks,
                                   List<Grid> grids, Set<String> names, List<Option> options, Refusals refusals)
            throws ComparisonException {
        String at = optionsSource + ": /options/" + i;
        if (!o.isObject()) {
            throw new ComparisonException(at + ": expected an option, {\"name\": ..., \"patch\": {...}}, got "
                    + o.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        onlyMembers(o, at, OPTION_MEMBERS);
        for (String text : List.of("name", "description")) {
            if (o.has(text) && !o.get(text).isTextual()) {
                throw new ComparisonException(at + "/" + text + ": must be a string, got " + Json.text(o.get(text)));
            }
        }
        String name = o.path("name").asText("");
        if (name.isBlank()) {
            throw new ComparisonException(at + "/name: every option needs a name");
        }
        if (!names.add(name)) {
            throw new ComparisonException(at + "/name: '" + name + "' is used twice"
                    + (Comparison.NO_POLICY.equals(name) ? " (\"no policy\" is always included)" : ""));
        }
        JsonNode patch = o.get("patch");
        if (patch == null || !patch.isObject()) {
            throw new ComparisonException(at + "/patch: expected a JSON Merge Patch object");
        }
        Grid grid = null;
        for (Grid g : grids) {
            if (!patch.at(g.pointer()).isMissingNode()) {
                if (grid != null) {
                    throw new ComparisonException(at + "/patch: both --grid " + grid.pointer() + " and --grid "
                            + g.pointer() + " point into it; sweep one level of an option at a time");
                }
                grid = g;
            }
        }
        String description = o.path("description").asText("");
        String patchAt = "/options/" + i + "/patch";
        if (grid == null) {
            try {
                options.add(new Option(name, description, patch,
                        option(base, patch, name, at, optionsSource, patchAt, ticks)));
            } catch (ScenarioException e) {
                refusals.add(e);
            }
            return;
        }
        for (JsonNode level : grid.levels()) {
            ObjectNode leveled = patch.deepCopy();
            set(leveled, grid.pointer(), level);
            String levelName = grid.levelName(name, level);
            if (!names.add(levelName)) {
                throw new ComparisonException(at + "/name: '" + levelName + "' is used twice");
            }
            // A level's problems name the file as its scenario problems do, the grid's setting beside the file and
            // the pointer whole: set between the option's pointer and the rest of it, the level read as part of the
            // pointer ("o.json: /options/0 at /policies/0/rate = 0.1/patch/time/discountRate").
            String levelSource = optionsSource + " " + grid.setting(level);
            try {
                options.add(new Option(levelName, description, leveled,
                        option(base, leveled, levelName, levelSource + ": /options/" + i, levelSource, patchAt,
                                ticks),
                        name, grid.pointer(), level));
            } catch (ScenarioException e) {
                refusals.add(e);
            } catch (ComparisonException e) {
                refusals.add(e);
            }
        }
    }

    /** Whether some option's patch has a value at the grid's pointer, whatever else is wrong with the option. */
    private static boolean pointsIntoAnOption(JsonNode list, Grid grid) {
        for (JsonNode o : list) {
            JsonNode patch = o.path("patch");
            if (patch.isObject() && !patch.at(grid.pointer()).isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Everything found wrong with an options file, in the order found, so that the user mends it in one pass: each
     * option's scenario problems, at their pointers in the file, and the comparison's own (a member, a name, a
     * patch that changes the money or the clock, a grid), each a line as it would be printed alone.
     */
    private static final class Refusals {
        private final Set<ScenarioProblem> problems = new LinkedHashSet<>();
        private final Set<String> lines = new LinkedHashSet<>();
        /** Whether a problem is the comparison's own, which no scenario problem can carry. */
        private boolean ownProblem;

        void add(ScenarioException e) {
            for (ScenarioProblem p : e.problems()) {
                problems.add(p);
                lines.add(p.toString());
            }
        }

        void add(ComparisonException e) {
            ownProblem = true;
            lines.add(e.getMessage());
        }

        /**
         * Throws what was found: only scenario problems as a {@link ScenarioException}, printed as {@code validate}
         * prints them; any of the comparison's own with them as one {@link ComparisonException}, a line each.
         */
        void throwIfAny() throws ScenarioException, ComparisonException {
            if (ownProblem) {
                throw new ComparisonException(String.join("\n", lines));
            }
            if (!problems.isEmpty()) {
                throw new ScenarioException(List.copyOf(problems));
            }
        }
    }

    /**
     * The option's scenario, checked. A problem with a value the option's patch wrote is reported in the options
     * file ({@code optionsFile}) at its pointer there ({@code patchAt} and the pointer inside the patch), where
     * the user wrote it; any other, at the merged scenario's pointer, naming the option.
     */
    private static LoadedScenario option(LoadedScenario base, JsonNode patch, String name, String at,
                                         String optionsFile, String patchAt, int ticks)
            throws ScenarioException, ComparisonException {
        JsonNode patched;
        try {
            patched = OptionRoles.keepBackground(base.json(), JsonMergePatch.fromJson(patch).apply(base.json()));
        } catch (JsonPatchException e) {
            throw new ComparisonException(at + "/patch: " + e.getMessage());
        }
        LoadedScenario s;
        try {
            s = ScenarioLoader.fromJson(patched, base.source() + " [option '" + name + "']");
        } catch (ScenarioException e) {
            List<ScenarioProblem> problems = new ArrayList<>();
            for (ScenarioProblem p : e.problems()) {
                String inPatch = p.pointer() == null ? null : patchPointer(base.json(), patch, patched, p.pointer());
                problems.add(inPatch == null ? p
                        : new ScenarioProblem(optionsFile, null, null, patchAt + inPatch,
                                entriesWhereWritten(p.message(), base, patch, patched, patchAt)));
            }
            throw new ScenarioException(problems);
        }
        sameRoles(base.json(), patch, at);
        s = sameAccounts(base, s, patched, patch, at);
        if (ticks >= 1) {
            ScenarioLoader.checkRunLength(s, ticks);
        }
        return s;
    }

    /**
     * Refuses a patch that gives one of the scenario's events or policies (the same type and id, which stands in for
     * the scenario's: {@link OptionRoles#sameEntry}) another role than the scenario does. Every option is differenced
     * run by run against no policy, each against its world without shocks: a background entry given without its role
     * is a shock in the option's world only, so its world without shocks lacks it and the option is credited with what
     * the entry does, though both worlds run the same; a shock marked background is in the option's world without
     * shocks too, so the loss it causes drops out of the option's figures and reads as loss avoided.
     */
    private static void sameRoles(JsonNode base, JsonNode patch, String at) throws ComparisonException {
        for (String list : OptionRoles.BACKGROUND_LISTS) {
            JsonNode own = patch.path(list);
            for (int k = 0; k < own.size(); k++) {
                JsonNode e = own.get(k);
                JsonNode entries = base.path(list);
                for (int i = 0; i < entries.size(); i++) {
                    JsonNode b = entries.get(i);
                    if (!OptionRoles.sameEntry(list, e, b)) {
                        continue;
                    }
                    boolean background = Role.isBackground(b.path("role").asText(null));
                    if (background == Role.isBackground(e.path("role").asText(null))) {
                        break;
                    }
                    String kind = list.equals("events") ? "event" : "policy";
                    String what = e.hasNonNull("id")
                            ? kind + " '" + e.get("id").asText() + "' (" + e.path("type").asText() + ")"
                            : "the scenario's " + kind + " /" + list + "/" + i + " (" + e.path("type").asText()
                            + ", without an id)";
                    throw new ComparisonException(at + "/patch/" + list + "/" + k + ": " + what + (background
                            ? " is background in the scenario, in every world the comparison runs, those without"
                            + " shocks included; without \"role\": \"background\" it is a shock here, so this"
                            + " option's world without shocks would lack it and the option be credited with what it"
                            + " does: give it \"role\": \"background\" as the scenario does, or another id to add"
                            + " an instrument of the option's own"
                            : " is a shock in the scenario; marked \"role\": \"background\" here it would be in this"
                            + " option's world without shocks too, so the loss it causes would drop out of the"
                            + " option's figures and read as loss avoided: leave its role out as the scenario does, or"
                            + " leave it out of the patch to compare a world without it"));
                }
            }
        }
    }

    /** The dollars a price base states money in, in words: "2015 dollars restated in 2024 dollars". */
    private static String dollars(org.chokepoint.scenario.PriceBase p) {
        if (p.priceYear() == null && p.baseYear() == null) {
            return "in dollars of no stated year";
        }
        return p.baseYear().equals(p.priceYear()) ? "in " + p.baseYear() + " dollars"
                : "in " + p.priceYear() + " dollars restated in " + p.baseYear() + " dollars";
    }

    /**
     * The option's scenario stating its money as the base scenario does: a comparison reports every option in
     * the base's dollars and present values at the base's decision tick and rate, and takes differences run by
     * run, so an option counted in other dollars, or discounted at another rate, would show the change of units
     * as its effect. A patch that sets those is refused; an option whose decision tick moves only because its
     * patch leaves out the scenario's first shock (which runs, with a warning) is discounted to the base's.
     */
    private static LoadedScenario sameAccounts(LoadedScenario base, LoadedScenario s, JsonNode patched,
                                               JsonNode patch, String at)
            throws ScenarioException, ComparisonException {
        org.chokepoint.scenario.PriceBase money = org.chokepoint.scenario.PriceBase.of(base.scenario());
        org.chokepoint.scenario.PriceBase own = org.chokepoint.scenario.PriceBase.of(s.scenario());
        if (!money.equals(own)) {
            throw new ComparisonException(at + "/patch: the option's money would be " + dollars(own)
                    + ", the scenario's is " + dollars(money) + ": every option is reported in the scenario's"
                    + " dollars, so a patch may not change time.priceYear, the year of time.startDate or"
                    + " outputs.priceBaseYear (set outputs.priceBaseYear in the scenario to restate them all)");
        }
        sameClock(base.scenario().time(), s.scenario().time(), at);
        double rate = base.scenario().time().discountRateOrDefault();
        if (s.scenario().time().discountRateOrDefault() != rate) {
            throw new ComparisonException(at + "/patch/time/discountRate: every option's present values are"
                    + " discounted at the scenario's rate, " + rate + ", got " + s.scenario().time()
                    .discountRateOrDefault() + ": change it in the scenario, or sweep it (sweep --set"
                    + " /time/discountRate=...)");
        }
        int decision = base.scenario().decisionTick();
        if (s.scenario().decisionTick() == decision) {
            return s;
        }
        if (!patch.at("/time/decisionTick").isMissingNode()) {
            throw new ComparisonException(at + "/patch/time/decisionTick: every option's present values are"
                    + " discounted to the scenario's decision tick, " + decision + ", got "
                    + s.scenario().decisionTick() + ": change it in the scenario");
        }
        ObjectNode pinned = patched.deepCopy();
        JsonNode time = pinned.get("time");
        ObjectNode t = time instanceof ObjectNode o ? o : pinned.putObject("time");
        t.put("decisionTick", decision);
        return ScenarioLoader.fromJson(pinned, s.source());
    }

    /**
     * Refuses an option whose run would keep another clock than the scenario's: its figures are differenced tick by
     * tick and run by run against no policy's. A shorter horizon left the comparison reading ticks the option never
     * ran (the run failed); a longer one added weeks no policy has to its totals; other ticks a year made each of its
     * ticks another span of time, so its present values and every yearly rate differed from no policy's by the
     * change of unit.
     */
    private static void sameClock(org.chokepoint.scenario.Scenario.TimeSpec base,
                                  org.chokepoint.scenario.Scenario.TimeSpec own, String at)
            throws ComparisonException {
        if (own.ticksPerYearOrDefault() != base.ticksPerYearOrDefault()) {
            throw new ComparisonException(at + "/patch/time/ticksPerYear: every option's ticks are the scenario's, "
                    + base.ticksPerYearOrDefault() + " a year, got " + own.ticksPerYearOrDefault()
                    + ": change it in the scenario");
        }
        if (!own.horizonTicks().equals(base.horizonTicks())) {
            throw new ComparisonException(at + "/patch/time/horizonTicks: every option runs the scenario's "
                    + base.horizonTicks() + " ticks, got " + own.horizonTicks() + ": change it in the scenario, or"
                    + " run every option fewer ticks with --ticks");
        }
    }

    /**
     * A pointer to an entry, or into one, of a list the options' worlds merge with the scenario's background:
     * "/policies/3", "/events/0/start".
     */
    private static final java.util.regex.Pattern MERGED_ENTRY =
            java.util.regex.Pattern.compile("(?<![\\w/~])/(" + String.join("|", OptionRoles.BACKGROUND_LISTS)
                    + ")/(\\d{1,9})((?:/[\\w~-]+)*)(?![\\w~])");

    /**
     * A problem's message, reported at its pointer in the options file, with the other entries it names written
     * where they were written too: the merged scenario puts the base scenario's background entries first, so its
     * "/policies/3" is the patch's "/policies/1", or one of the scenario's own background entries, which no pointer
     * into the options file reaches ("a duplicate id at /options/0/patch/policies/2/id: /policies/3 has it too" read
     * as if the patch had a fourth policy).
     */
    private static String entriesWhereWritten(String message, LoadedScenario base, JsonNode patch, JsonNode merged,
                                              String patchAt) {
        java.util.regex.Matcher m = MERGED_ENTRY.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String list = m.group(1);
            int i = Integer.parseInt(m.group(2));
            String inPatch = patchPointer(base.json(), patch, merged, m.group());
            int inBase = OptionRoles.putBackFrom(base.json(), patch.path(list), list, i);
            String words = inPatch != null ? patchAt + inPatch
                    : inBase >= 0 ? base.source() + "'s /" + list + "/" + inBase + m.group(3)
                            + " (background, kept in every option's world)"
                    : patch.path(list).isMissingNode() ? base.source() + "'s " + m.group()
                    : m.group();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(words));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Where in {@code patch} the value at {@code pointer} of the merged scenario was written, as a pointer into
     * the patch; null when it was not written there: it is the base scenario's, a background entry put back, or
     * an object the patch only merged members into (a problem with the object itself, such as a member that
     * neither gives, belongs to both).
     */
    private static String patchPointer(JsonNode base, JsonNode patch, JsonNode merged, String pointer) {
        if (pointer.isEmpty() || !pointer.startsWith("/")) {
            return null;
        }
        String[] steps = pointer.substring(1).split("/", -1);
        JsonNode p = patch;
        JsonNode b = base;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < steps.length; k++) {
            if (!p.isObject()) {
                // an array or a value the patch wrote whole: everything below it is the patch's
                for (int j = k; j < steps.length; j++) {
                    out.append('/').append(steps[j]);
                }
                return out.toString();
            }
            String name = steps[k].replace("~1", "/").replace("~0", "~");
            JsonNode child = p.get(name);
            if (child == null || child.isNull()) {
                return null;
            }
            out.append('/').append(steps[k]);
            if (k == 0 && OptionRoles.BACKGROUND_LISTS.contains(name) && child.isArray() && k + 1 < steps.length) {
                // the base's background entries the patch left out come first in the merged list
                int offset = merged.path(name).size() - child.size();
                int i;
                try {
                    i = Integer.parseInt(steps[k + 1]);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (i < offset || i - offset >= child.size()) {
                    return null;
                }
                out.append('/').append(i - offset);
                for (int j = k + 2; j < steps.length; j++) {
                    out.append('/').append(steps[j]);
                }
                return out.toString();
            }
            p = child;
            b = b == null ? null : b.get(name);
        }
        // an object the patch named: its own only if the base had none there to merge it into
        return p.isObject() && b != null && b.isObject() ? null : out.toString();
    }

    /** Puts {@code value} at {@code pointer} of a patch, whose parent the pointer must reach. */
    private static void set(ObjectNode patch, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? patch : patch.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode obj) {
            obj.set(last, value);
        } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode arr) {
            arr.set(Integer.parseInt(last), value);
        }
    }
}
