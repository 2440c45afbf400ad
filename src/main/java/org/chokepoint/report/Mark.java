package org.chokepoint.report;

/**
 * A moment worth marking on a time chart: an event or a policy being announced, starting or ending.
 *
 * @param tick  when
 * @param key   the short label drawn on the chart (a number the page's list of events explains)
 * @param kind  what happens then
 * @param what  the event or policy, in words, for the list
 */
public record Mark(int tick, String key, Kind kind, String what) {

    /** Announcements are drawn dashed, starts solid, ends dotted. */
    public enum Kind {
        ANNOUNCED("announced"), STARTS("starts"), ENDS("ends");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
