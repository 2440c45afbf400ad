package org.chokepoint.policy;

/**
 * Cargo a measure charges at the border, per trader: what it owes per unit is fixed when the trader decides
 * to buy (on the c.i.f. price it saw then) and collected when the cargo lands. Cargo of one trader at sea
 * is pooled, so cargo landing pays the pool's average charge per unit.
 */
final class ImportLedger implements java.io.Serializable {
    private double[] quantity = new double[0];
    private double[] owed = new double[0];
    private double[] cif = new double[0];
    /** Charge per unit and c.i.f. price of each trader's current request. */
    private double[] pendingCharge = new double[0];
    private double[] pendingCif = new double[0];
    /** The c.i.f. price per unit of the cargo that last landed. */
    private double landedCif;

    private void ensure(int trader) {
        if (trader >= quantity.length) {
            int n = Math.max(trader + 1, quantity.length * 2);
            quantity = java.util.Arrays.copyOf(quantity, n);
            owed = java.util.Arrays.copyOf(owed, n);
            cif = java.util.Arrays.copyOf(cif, n);
            pendingCharge = java.util.Arrays.copyOf(pendingCharge, n);
            pendingCif = java.util.Arrays.copyOf(pendingCif, n);
        }
    }

    /** The charge per unit and c.i.f. price the trader's request of this tick was decided on. */
    void requested(int trader, double chargePerUnit, double cifPrice) {
        ensure(trader);
        pendingCharge[trader] = chargePerUnit;
        pendingCif[trader] = cifPrice;
    }

    /** The charge per unit of the trader's current request (negative: the request is not this ledger's). */
    double pendingCharge(int trader) {
        ensure(trader);
        return pendingCharge[trader];
    }

    /** The trader's cargo at sea under this ledger. */
    double atSea(int trader) {
        ensure(trader);
        return quantity[trader];
    }

    void shipped(int trader, double q) {
        ensure(trader);
        quantity[trader] += q;
        owed[trader] += q * pendingCharge[trader];
        cif[trader] += q * pendingCif[trader];
    }

    /**
     * Moves {@code q} of the trader's cargo shipped this tick, still at sea, to another ledger, where it owes
     * {@code rate} times the c.i.f. price it was bought on: the other measure's treatment settled at the border.
     */
    void transfer(int trader, double q, ImportLedger to, double rate) {
        ensure(trader);
        to.ensure(trader);
        quantity[trader] -= q;
        owed[trader] -= q * pendingCharge[trader];
        cif[trader] -= q * pendingCif[trader];
        to.quantity[trader] += q;
        to.owed[trader] += q * rate * pendingCif[trader];
        to.cif[trader] += q * pendingCif[trader];
    }

    /**
     * Cargo landed: takes it off the pool and returns its charge per unit; its c.i.f. price per unit is then
     * {@link #landedCif()}. Called for every landing of a covered lane, so it returns a number, not an array.
     */
    double landed(int trader, double q) {
        ensure(trader);
        if (quantity[trader] <= 0) {
            landedCif = 0;
            return 0;
        }
        double share = Math.min(1.0, q / quantity[trader]);
        double perUnit = owed[trader] / quantity[trader];
        landedCif = cif[trader] / quantity[trader];
        owed[trader] -= owed[trader] * share;
        cif[trader] -= cif[trader] * share;
        quantity[trader] -= quantity[trader] * share;
        return perUnit;
    }

    /** The c.i.f. price per unit of the cargo the last call of {@link #landed} took off the pool. */
    double landedCif() {
        return landedCif;
    }
}
