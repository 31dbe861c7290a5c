package org.lastmile.site;

/** The kinds of HTML page a site has; each is rendered by the template of the same name. */
public enum PageKind {
    HOME("home"), PAPER("paper"), GUIDE("guide"), PAGE("page"), NEWS("news"), LIST("list"), TAGS("tags"), NOT_FOUND("404"),
    STATUS("status");

    private final String template;

    PageKind(String template) {
        this.template = template;
    }

    public String template() {
        return template + ".ftlh";
    }

    public String id() {
        return template;
    }
}
