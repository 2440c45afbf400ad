package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What a plant is still worth after some years in service, at the investment rate and life that price its capital:
 * the present value of the capital-recovery payments still to come.
 */
class PlantBookTest {

    /**
     * At 8% over 20 years a dollar of capital is repaid by 20 yearly payments of CRF = 0.101852; after five years in
     * service fifteen are left, worth a(15) = (1 - 1.08^-15) / 0.08 = 8.559479 of them against a(20) = 9.818147 when
     * new: 0.871802 of the capital. A run of six years of weekly ticks (horizon 312) whose plant enters service in
     * week 52 has used five of them.
     */
    @Test
    void afterFiveOfTwentyYearsAt8PercentAPlantKeeps87PercentOfItsCapital() {
        PlantBook book = new PlantBook(1, 312, 0.08, 20, 52);
        assertEquals(0.871802, book.shareLeft(5), 1e-6);
        assertEquals(1.0, book.shareLeft(0), 0.0, "new");
        assertEquals(1.0, book.shareLeft(-0.5), 0.0, "still being built at the horizon: its whole capital");
        assertEquals(0.0, book.shareLeft(20), 0.0, "its capital recovered");
        assertEquals(0.0, book.shareLeft(25), 0.0, "beyond its life");
    }

    /** At a rate of 0 the payments are equal dollars: after five of twenty years three quarters are left. */
    @Test
    void atARateOfZeroAPlantLosesItsCapitalInEqualYears() {
        assertEquals(0.75, new PlantBook(1, 312, 0, 20, 52).shareLeft(5), 1e-12);
    }
}
