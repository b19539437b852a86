package io.kiban.asset.software;

/**
 * Where a piece of software runs: directly on a hardware item, on the Kubernetes cluster, or in a
 * VM.
 */
public enum InstalledOn {
    HARDWARE,
    CLUSTER,
    VM
}
