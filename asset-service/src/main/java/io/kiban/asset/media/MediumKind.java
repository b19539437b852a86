package io.kiban.asset.media;

/** Kinds of data-bearing media (DOMAIN.md §4 sheet 1, §5). */
public enum MediumKind {
    HDD,
    SSD,
    NVME,
    NVDIMM,
    NVRAM,
    TAPE,
    CONTROLLER_CACHE,
    BMC_FLASH,
    USB,
    OTHER
}
