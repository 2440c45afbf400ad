package org.chokepoint.scenario;

/** One part of the semantic checks: it reads the scenario and its id index and reports to the one list. */
abstract class ScenarioCheck {

    final ValidationContext v;
    final Scenario s;

    ScenarioCheck(ValidationContext v) {
        this.v = v;
        this.s = v.s;
    }
}
