package org.chokepoint.antitrust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The case 7 allocation against shares worked out by hand. */
class AllocationTest {
    private static final int NONE = Integer.MAX_VALUE;

    @Test
    void priorityClassesAreServedInOrderAndEachRequestInFullWhileSupplyLasts() {
        // Two dialysis makers (one a member, one not), a device maker, a plastics maker; ten units to share.
        double[] requested = {3, 2, 4, 10};
        int[] priority = {1, 1, 2, NONE};
        double[] got = Allocation.allocate(10, requested, requested, priority);
        assertArrayEquals(new double[] {3, 2, 4, 1}, got, 1e-12);
    }

    @Test
    void aClassThatExhaustsSupplySharesItProRataToNeedAndLaterClassesGetNothing() {
        double[] requested = {3, 2, 4, 10};
        int[] priority = {1, 1, 2, NONE};
        double[] got = Allocation.allocate(4, requested, requested, priority);
        // 4 units for a class asking 5: 3/5 and 2/5 of them.
        assertArrayEquals(new double[] {2.4, 1.6, 0, 0}, got, 1e-12);
    }

    @Test
    void aNonMemberThatAsksIsTreatedExactlyLikeAMember() {
        // Same class, same need: same allocation, whoever is in the consortium.
        double[] requested = {5, 5};
        double[] got = Allocation.allocate(6, requested, requested, new int[] {1, 1});
        assertArrayEquals(new double[] {3, 3}, got, 1e-12);
    }

    @Test
    void baselineProRataSharesByPreShockUseAndPassesOnWhatACappedBuyerCannotTake() {
        // Baseline use 6 : 3 : 1; the first asks for only 2 of the 10 on offer.
        double[] requested = {2, 10, 10};
        double[] baseline = {6, 3, 1};
        double[] got = Allocation.allocate(10, requested, baseline, new int[] {0, 0, 0});
        // Round 1: 6, 3, 1 -> the first is capped at 2, leaving 4 to share 3 : 1 among the others.
        assertArrayEquals(new double[] {2, 3 + 3, 1 + 1}, got, 1e-12);
    }

    @Test
    void theKeyListsItsClassesInTheOrderTheScenarioGivesThem() {
        // compliance.json writes the key as it stands; an order that changed between runs would change the file.
        java.util.Map<String, Integer> stated = new java.util.LinkedHashMap<>();
        String[] outputs = {"dialysis-circuit", "medical-device", "infusion-set", "syringe", "catheter",
                "blood-bag", "glove", "general-plastics"};
        for (int i = 0; i < outputs.length; i++) {
            stated.put(outputs[i], 1 + i / 2);
        }
        AllocationKey key = new AllocationKey(AllocationKey.PRIORITY_CLASSES, stated);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(outputs),
                java.util.List.copyOf(key.priority().keySet()));
        org.junit.jupiter.api.Assertions.assertEquals(2, key.priorityOf("syringe"));
        org.junit.jupiter.api.Assertions.assertEquals(NONE, key.priorityOf("toy"));
    }
}
