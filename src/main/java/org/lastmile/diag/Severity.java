package org.lastmile.diag;

/** How bad a finding is: errors fail a build, warnings are reported and counted. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
