package org.chokepoint.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.chokepoint.scenario.spec.JsonPointers;

/** Every {min, max} parameter of firms and traders must have min <= max. */
final class RangeCheck extends ScenarioCheck {

    RangeCheck(ValidationContext v) {
        super(v);
    }

    void checkRanges() {
        ranges(v.json.path("firms"), "/firms");
        ranges(v.json.path("traders"), "/traders");
    }

    private void ranges(JsonNode node, String pointer) {
        if (node.isObject()) {
            if (node.size() == 2 && node.path("min").isNumber() && node.path("max").isNumber()) {
                double min = node.get("min").doubleValue();
                double max = node.get("max").doubleValue();
                if (min > max) {
                    v.problem(pointer + "/min", "a range needs min <= max, got min " + Json.text(node.get("min"))
                            + " > max " + Json.text(node.get("max")));
                }
                return;
            }
            node.properties().forEach(e -> ranges(e.getValue(), JsonPointers.child(pointer, e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ranges(node.get(i), pointer + "/" + i);
            }
        }
    }
}
