package dev.latencyedge.cli;

import dev.latencyedge.JavaProcess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmLauncherTest {

    @Test
    void smallMachinesGiveTheCompilerLessToDo() {
        var flags = JvmLauncher.flags(2);
        assertTrue(flags.containsAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1", "-XX:C1MaxInlineSize=15")), flags::toString);
        assertTrue(flags.contains("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"), flags::toString);
    }

    @Test
    void largerMachinesKeepTheCompilerDefaultsAndAWorkerPerCoreButOne() {
        var flags = JvmLauncher.flags(8);
        assertTrue(flags.contains("-Djava.util.concurrent.ForkJoinPool.common.parallelism=7"), flags::toString);
        assertFalse(flags.stream().anyMatch(f -> f.startsWith("-XX:CICompilerCount")
                || f.startsWith("-XX:C1MaxInlineSize")), flags::toString);
    }

    @Test
    void thePoolNeverHasASingleWorker() {
        assertTrue(JvmLauncher.flags(1).contains("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"));
    }

    /** A misspelt option would stop the plan JVM from starting, and only the jar path relaunches. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 8})
    void thisJvmAcceptsTheOptions(int cores) throws Exception {
        var args = new ArrayList<>(JvmLauncher.flags(cores));
        args.add("-version");
        JavaProcess.run(args, 30);
    }
}
