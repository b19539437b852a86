package io.kiban.asset.hardware;

/** Hardware classes of tables 4.5-2/4.5-3 (DOMAIN.md §3). */
public enum HardwareClass {
    SERVER,
    DISK_ARRAY,
    NETWORK,
    CONSOLE,
    RACK,
    POWER,
    OTHER
}
