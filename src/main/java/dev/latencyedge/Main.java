package dev.latencyedge;

import dev.latencyedge.cli.LatencyEdgeCommand;
import dev.latencyedge.cli.Terminal;

/** The one jar's entry point: hands over to the command line ({@link LatencyEdgeCommand}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(LatencyEdgeCommand.execute(args, Terminal.system()));
    }
}
