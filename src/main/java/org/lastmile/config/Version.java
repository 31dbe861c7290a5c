package org.lastmile.config;

/** The version lastmile reports in --version, the generator meta tag and PDF metadata. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {
    }
}
