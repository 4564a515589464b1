package dev.latencyedge.cli;

import dev.latencyedge.BuildInfo;
import picocli.CommandLine;

/** The version option: the program's version and the commit it was built from ({@link BuildInfo}). */
public final class BuildVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"latency-edge " + BuildInfo.version() + " (commit " + BuildInfo.commit() + ")"};
    }
}
