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

    /** @param region the exporting region whose measure this goes round */
    void check(SpecCheck at, String region) {
        if (at.region("via", via) && via != null && via.equals(region)) {
            at.problem("via", "'via' is the third region cargo is declared to on its way round the measure, not the"
                    + " exporting region '" + region + "' itself");
        }
    }
}
