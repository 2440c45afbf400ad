package org.chokepoint.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Two instruments name one firm: a contract for difference at a strike of 14 (giver 1) and a purchase guarantee
 * with a floor of 11 (giver 2). Whatever order the tick reaches them in, the firm plans on the contract's 14, and
 * only the contract pays on what it sells.
 */
class PriceSupportsTest {
    static final int FIRM = 0;
    static final int CONTRACT = 1;
    static final int GUARANTEE = 2;

    @Test
    void aFirmNamedByTwoSupportsPlansOnTheHigherWhicheverComesFirst() {
        PriceSupports inOrder = new PriceSupports(1);
        inOrder.offer(FIRM, 5, 14, 0, Double.NaN, CONTRACT);
        inOrder.offer(FIRM, 5, 11, 0, Double.NaN, GUARANTEE);
        PriceSupports reversed = new PriceSupports(1);
        reversed.offer(FIRM, 5, 11, 0, Double.NaN, GUARANTEE);
        reversed.offer(FIRM, 5, 14, 0, Double.NaN, CONTRACT);
        for (PriceSupports s : new PriceSupports[] {inOrder, reversed}) {
            assertEquals(14.0, s.strike(FIRM));
            assertTrue(s.givenBy(FIRM, 5, CONTRACT));
            assertFalse(s.givenBy(FIRM, 5, GUARANTEE));
            assertEquals(14.0, s.supportedPrice(FIRM, 9), "made up to the strike below it");
        }
    }

    @Test
    void anEndedSupportLeavesTheOneGivenThisTick() {
        PriceSupports s = new PriceSupports(1);
        s.offer(FIRM, 5, 14, 0, Double.NaN, CONTRACT);
        s.withdraw(FIRM, 5);
        assertEquals(14.0, s.strike(FIRM), "the contract gave it this tick: it holds");
        s.withdraw(FIRM, 6);
        assertTrue(Double.isNaN(s.strike(FIRM)), "not renewed at tick 6: withdrawn");
        assertEquals(9.0, s.supportedPrice(FIRM, 9));
    }

    /**
     * Above a strike of 14 with an upside share of 0.5, a price of 20 keeps 20 - 0.5 x 6 = 17; a certificate premium
     * of 2 comes on top: 19. Before any support or premium is given, the firm plans on its price as it is.
     */
    @Test
    void aboveTheStrikeTheFirmKeepsItsShareOfTheExcessAndAnyPremium() {
        PriceSupports s = new PriceSupports(1);
        assertFalse(s.given());
        assertEquals(20.0, s.supportedPrice(FIRM, 20));
        s.give(FIRM, 14, 0.5, Double.NaN);
        assertEquals(17.0, s.supportedPrice(FIRM, 20));
        s.premium(FIRM, 2);
        assertEquals(19.0, s.supportedPrice(FIRM, 20));
        assertEquals(2.0, s.premium(FIRM));
    }
}
