package dev.latencyedge.settings;

/** A stack's validated settings: a regional ingress stack or an environment's global edge stack. */
public sealed interface StackSettings permits RegionalSettings, GlobalSettings {

    CommonSettings common();
}
