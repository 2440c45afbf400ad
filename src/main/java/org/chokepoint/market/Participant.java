package org.chokepoint.market;

/**
 * Everything that acts in a tick: the firms, households and traders as groups, each government instrument and
 * each consortium. The model holds them in one list and calls each hook, in list order, in the phase of the
 * tick MASON's schedule orders it in; a participant does only what the phase is for and books every
 * movement of goods and money in the {@link Ledger}.
 *
 * <p>A participant learns its seat in the list before the first tick ({@link #seat}); its orders carry
 * {@code Owner.of(seat, tag)}, so their fills come back to it ({@link #settleAsks}, {@link #settleBids}) with
 * the tag it chose. It declares the orders it may post in a tick ({@link #countOrders}), and the books are
 * sized from the declarations, so no tick grows them.
 */
public interface Participant extends java.io.Serializable {

    /** Its seat in the model's list; tags its orders. */
    void seat(int seat);

    /** Adds, per market, the most orders (asks and bids together) it may post in one tick. */
    void countOrders(int[] ordersPerMarket);

    /** Marks the markets it trades in (a market nobody trades in is not reported). */
    default void markMarkets(boolean[] used) { }

    /** Events: shocks and policies take effect, expectations of the news move. */
    default void beginTick(int tick) { }

    /** Before any order: goods handed out by a key fixed in advance (casebook case 7). */
    default void allocate(int tick) { }

    /** Plan: output planned, asks and bids posted. */
    default void postOrders(int tick) { }

    /** Ship: cargo lands, traders offer it and bid for more. */
    default void ship(int tick) { }

    /**
     * Clear: its asks {@code [from, to)} of a cleared book in {@code market}, in the order posted. Called only
     * when the book crossed.
     */
    default void settleAsks(OrderBook book, int market, int from, int to) { }

    /** Clear: its bids {@code [from, to)} of a book in {@code market}, filled or not, in the order posted. */
    default void settleBids(OrderBook book, int market, int from, int to) { }

    /** Produce: recipes turn inputs into output. */
    default void produce(int tick) { }

    /** Decide: investment and exit, slow averages, the accounts of the tick. */
    default void endTick(int tick) { }

    /** Adds, per market, the goods it holds there (stock, cargo landed, a stockpile), for the mass balance. */
    default void addHoldings(double[] stockByMarket) { }

    /**
     * Adds, per market, what the goods it holds there cost it and have not yet been charged to its surplus, in
     * US dollars: a holder that books a purchase only when it sells or hands the goods on (a stockist, a
     * consortium's pool) carries its stock at that cost, which the welfare sum already counts; one that books a
     * purchase when it pays (a firm, a trader) adds nothing.
     */
    default void addBookValue(double[] usdByMarket) { }

    /** Whether it holds or does what the query asks about; a way to ask without knowing its class. */
    default boolean answers(Query query, int region, int commodity, int tick) {
        return false;
    }

    /** The run ended at {@code lastTick}. */
    default void finish(int lastTick) { }

    /** What one participant may ask of all the others (through the model) about a region's commodity. */
    enum Query {
        /** A government has told firms a disruption of the commodity is likely (casebook case 6). */
        NOTICE_IN_FORCE
    }
}
