package io.kiban.asset.hardware;

import java.util.List;

/**
 * The serial numbers of the data-bearing media ever installed in a hardware item (their history
 * must be kept, so the item cannot be deleted). Answered by the media feature, which depends on
 * hardware, never the other way (#19).
 */
public interface InstalledMedia {

    List<String> serialsIn(long hardwareId);
}
