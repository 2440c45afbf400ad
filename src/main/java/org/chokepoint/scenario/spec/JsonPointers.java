package org.chokepoint.scenario.spec;

/** JSON pointers (RFC 6901) into a scenario file, as every problem names the place it was found. */
public final class JsonPointers {
    private JsonPointers() {
    }

    /** One reference token escaped: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The pointer to the member {@code token} of the object at {@code pointer}. */
    public static String child(String pointer, String token) {
        return pointer + "/" + escape(token);
    }
}
