package org.chokepoint.scenario.spec;

/** The checks every policy shares on its {@code announce}, {@code start}, {@code end} and {@code role}. */
final class Schedule {
    private Schedule() { }

    /** End after start, announcement not after start; an absent end is the horizon. */
    static void check(PolicySpec p, SpecCheck at) {
        Role.check(p.role(), at);
        int start = p.start();
        int end = p.end() == null ? at.horizonTicks() : p.end();
        if (end <= start) {
            at.problem("end", "'end' must be after 'start' (" + start + "), got " + end);
        }
        if (p.announce() > start) {
            at.problem("announce", "'announce' must not be after 'start' (" + start + "), got " + p.announce());
        }
    }

    static int startOrZero(Integer start) {
        return start == null ? 0 : start;
    }
}
