package dev.latencyedge.delivery;

/** What the fleet does to every stack of an environment. */
public enum Operation {
    PREVIEW("preview"),
    UP("up"),
    DESTROY("destroy");

    private final String command;

    Operation(String command) {
        this.command = command;
    }

    public String command() {
        return command;
    }
}
