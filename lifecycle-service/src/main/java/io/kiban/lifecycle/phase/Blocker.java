package io.kiban.lifecycle.phase;

/** One thing that stands in the way of removal (R-RM-*): what, its id, and where it lives. */
public record Blocker(String kind, String id, String detail, String source) {}
