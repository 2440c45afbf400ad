package org.chokepoint.antitrust;

/**
 * What a case-7 allocation did in one tick: the key it applied, what it had to share, and for every buyer
 * that asked, who it is, whether it is a member, its class under the key, what it asked, its pro-rata weight
 * and what it got. Sized once for every buyer that could ask; reused every tick.
 */
public final class AllocationRecord implements java.io.Serializable {
    /** The key applied this tick, or null when nothing was allocated. */
    AllocationKey key;
    double available;
    int count;
    final int[] buyer;
    final boolean[] member;
    /** The commodity the buyer makes: its class under a priority key. */
    final int[] makes;
    final int[] priority;
    final double[] requested;
    final double[] weight;
    final double[] got;

    public AllocationRecord(int capacity) {
        buyer = new int[capacity];
        member = new boolean[capacity];
        makes = new int[capacity];
        priority = new int[capacity];
        requested = new double[capacity];
        weight = new double[capacity];
        got = new double[capacity];
    }

    /** Nothing allocated yet this tick. */
    void open() {
        key = null;
        available = 0;
        count = 0;
    }

    /** Adds a buyer that asked; returns its row. */
    int ask(int firm, boolean isMember, int output, int classPriority, double request, double pro) {
        int i = count++;
        buyer[i] = firm;
        member[i] = isMember;
        makes[i] = output;
        priority[i] = classPriority;
        requested[i] = request;
        weight[i] = pro;
        got[i] = 0;
        return i;
    }

    public AllocationKey key() {
        return key;
    }

    public int count() {
        return count;
    }
}
