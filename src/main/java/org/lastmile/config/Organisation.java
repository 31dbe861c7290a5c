package org.lastmile.config;

/** Who publishes the site: shown in footers, feeds, PDF covers and PDF metadata. */
public record Organisation(String name, String url, String email, String licence) {
    public static Organisation unnamed() {
        return new Organisation("", "", "", "");
    }
}
