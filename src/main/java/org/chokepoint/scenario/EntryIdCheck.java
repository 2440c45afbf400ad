package org.chokepoint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The ids outputs report entries by, beyond those other entries name: policies and consortia, each by its id or
 * its type, and the members of firm and trader populations, {@code id-1}, {@code id-2}, ...
 */
final class EntryIdCheck extends ScenarioCheck {

    EntryIdCheck(ValidationContext v) {
        super(v);
    }

    /**
     * Policies and consortia are reported under their ids (a policy's indicators in summary.json), so two
     * entries must not share one; an entry without an id goes by its type.
     */
    void checkTypedIds(String field, String kind) {
        JsonNode entries = v.json.path(field);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            boolean named = e.path("id").isTextual();
            String id = named ? e.get("id").textValue() : e.path("type").asText();
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                v.problem("/" + field + "/" + i + (named ? "/id" : ""), "duplicate " + kind + " id '" + id + "'"
                        + (named ? "" : " (an entry without an id goes by its type)") + ": /" + field + "/" + first
                        + " has it too; give each of the " + ValidationContext.plural(kind) + " its own id, as"
                        + " outputs report them by it");
            }
        }
    }

    /**
     * The members of a population are named {@code id-1}, {@code id-2}, ...: no member may take the id of
     * another entry or of another population's member, since outputs name firms and traders by these ids.
     */
    void checkMembers(String field, String kind) {
        JsonNode entries = v.json.path(field);
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String id = entries.get(i).path("id").asText();
            int count = entries.get(i).path("count").asInt(1);
            for (int k = 1; k <= count; k++) {
                String member = member(id, count, k);
                Integer first = owner.putIfAbsent(member, i);
                boolean reportedAsDuplicateId = count == 1 && first != null
                        && entries.get(first).path("count").asInt(1) == 1;
                if (first != null && first != i && !reportedAsDuplicateId) {
                    v.problem("/" + field + "/" + i + "/id", kind + " id '" + member + "'" + (count == 1 ? ""
                            : " (member " + k + " of population '" + id + "')") + " is also used by /" + field + "/"
                            + first + (entries.get(first).path("count").asInt(1) == 1 ? ""
                            : " (members of a population are named id-1, id-2, ...)")
                            + "; ids must be unique among " + ValidationContext.plural(kind) + " and their members");
                    break;
                }
            }
        }
    }

    /**
     * Whether one of the firms of an entry, {@code id} alone or {@code id-1} to {@code id-count}, starts so: each
     * member named as {@link #checkMembers} names it, which has already walked them all.
     */
    static boolean someInstanceStartsWith(String id, int count, String prefix) {
        for (int k = 1; k <= count; k++) {
            if (member(id, count, k).startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The id of member {@code k} (from 1) of a population of {@code count}: the entry's own id when it is alone. */
    private static String member(String id, int count, int k) {
        return count == 1 ? id : id + "-" + k;
    }
}
