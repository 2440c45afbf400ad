package org.chokepoint.antitrust;

/**
 * Every message of one tick between a consortium and its members: who sent it, who received it, which field
 * it carries, whose figure it is (one member's, or an aggregate of all members'), and the figure. The auditor
 * judges the firewall and the scope of the exchange from these messages, and members act only on what
 * reached them. The arrays are sized once for the most messages a tick can hold and reused every tick; counts
 * by field and route are kept over the whole run.
 */
public final class MessageLog implements java.io.Serializable {
    /** The party that is the consortium itself (members are firm indices, never negative). */
    public static final int CONSORTIUM = -1;
    /** The subject of a figure that adds up or averages every member's own. */
    public static final int AGGREGATE = -1;

    /** Routes a message can take, for the run's counts. */
    public static final int TO_CONSORTIUM = 0;
    public static final int AGGREGATE_TO_MEMBER = 1;
    public static final int INDIVIDUAL_TO_MEMBER = 2;

    private final int[] sender;
    private final int[] receiver;
    private final int[] subject;
    private final InformationField[] field;
    private final double[] value;
    private final long[][] counts = new long[InformationField.values().length][3];
    private int count;
    private int tick = -1;

    /** A log that can hold {@code capacity} messages in a tick. */
    public MessageLog(int capacity) {
        sender = new int[capacity];
        receiver = new int[capacity];
        subject = new int[capacity];
        field = new InformationField[capacity];
        value = new double[capacity];
    }

    /** Starts the tick's log empty. */
    public void open(int tick) {
        this.tick = tick;
        count = 0;
    }

    /** Records one message delivered this tick; a figure that is not a number (a specification) is NaN. */
    public void deliver(int from, int to, InformationField f, int about, double figure) {
        if (count == sender.length) {
            throw new IllegalStateException("a consortium's message log holds " + sender.length
                    + " messages a tick; the tick's exchange needs more");
        }
        sender[count] = from;
        receiver[count] = to;
        subject[count] = about;
        field[count] = f;
        value[count] = figure;
        count++;
        int route = to == CONSORTIUM ? TO_CONSORTIUM : about == AGGREGATE ? AGGREGATE_TO_MEMBER : INDIVIDUAL_TO_MEMBER;
        counts[f.ordinal()][route]++;
    }

    public int tick() {
        return tick;
    }

    public int count() {
        return count;
    }

    public int sender(int i) {
        return sender[i];
    }

    public int receiver(int i) {
        return receiver[i];
    }

    public int subject(int i) {
        return subject[i];
    }

    public InformationField field(int i) {
        return field[i];
    }

    public double value(int i) {
        return value[i];
    }

    /** Whether message i reached a member. */
    public boolean toMember(int i) {
        return receiver[i] != CONSORTIUM;
    }

    /** Messages of a field along a route over the run so far. */
    public long delivered(InformationField f, int route) {
        return counts[f.ordinal()][route];
    }
}
