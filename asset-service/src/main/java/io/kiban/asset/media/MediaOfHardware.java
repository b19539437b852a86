package io.kiban.asset.media;

import io.kiban.asset.hardware.InstalledMedia;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The media feature's answer to hardware's "which media were installed in it?". */
@ApplicationScoped
class MediaOfHardware implements InstalledMedia {

    private final MediaRepository media;

    MediaOfHardware(MediaRepository media) {
        this.media = media;
    }

    @Override
    public List<String> serialsIn(long hardwareId) {
        return media.list("hardwareId", hardwareId).stream().map(m -> m.serialNumber).toList();
    }
}
