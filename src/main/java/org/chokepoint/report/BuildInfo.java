package org.chokepoint.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and the git commit this build was made from, embedded at build time
 * ({@code org/chokepoint/build.properties} by resource filtering, {@code org/chokepoint/git.properties} by
 * git-commit-id-maven-plugin). Either reads {@code "unknown"} when the build could not tell, for instance a
 * build outside a git checkout.
 */
public record BuildInfo(String version, String gitCommit, boolean gitDirty) {

    public static final String UNKNOWN = "unknown";

    private static final BuildInfo CURRENT = read();

    public static BuildInfo current() {
        return CURRENT;
    }

    private static BuildInfo read() {
        Properties build = load("/org/chokepoint/build.properties");
        Properties git = load("/org/chokepoint/git.properties");
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        if (version == null) {
            version = known(build.getProperty("version"));
        }
        return new BuildInfo(version, known(git.getProperty("git.commit.id.full")),
                Boolean.parseBoolean(git.getProperty("git.dirty")));
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource is as good as a missing one: the field reads "unknown"
        }
        return p;
    }
}
