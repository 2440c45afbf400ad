package org.chokepoint.scenario.spec;

/**
 * The way round an export restriction: a share of what it stops goes through a third region, at an extra
 * cost and more transit time, when the trade still pays.
 *
 * @param via the third region the cargo is declared to
 * @param extraCostPerUnit extra cost per quantity unit, in the commodity's price unit
 * @param leakRate share of what the measure stops that can go round it
 */
public record CircumventionSpec(String via, Double extraCostPerUnit, Double leakRate) {

    void check(SpecCheck at) {
        at.region("via", via);
    }
}
