package io.kiban.asset.software;

/** Software classes of sheet 2 (ソフトウェア区分). */
public enum SoftwareClass {
    OS,
    MIDDLEWARE,
    DATABASE,
    APPLICATION,
    LIBRARY,
    FIRMWARE,
    CONTAINER,
    OTHER
}
