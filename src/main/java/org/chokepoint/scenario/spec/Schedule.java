package org.chokepoint.scenario.spec;

/** The checks every policy shares on its {@code announce}, {@code start}, {@code end} and {@code role}. */
final class Schedule {
    private Schedule() { }

    /** End after start, announcement not after start; an absent end is the horizon. */
    static void check(PolicySpec p, SpecCheck at) {
        Role.check(p.role(), at);
        int start = p.start();
        if (p.end() == null) {
            // The file holds no end to point at, so the message says where the value it is judged by came from.
            if (at.horizonTicks() <= start) {
                at.problem("end", "'end' must be after 'start' (" + start + "); absent, it is horizonTicks ("
                        + at.horizonTicks() + "): give an 'end' after 'start', or a 'start' before the horizon");
            }
        } else if (p.end() <= start) {
            at.problem("end", "'end' must be after 'start' (" + start + "), got " + p.end());
        }
        if (p.announce() > start) {
            at.problem("announce", "'announce' must not be after 'start' (" + start + "), got " + p.announce());
        }
    }

    static int startOrZero(Integer start) {
        return start == null ? 0 : start;
    }
}
