package io.kiban.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the story's earlier steps created, for the later ones. */
final class StoryState {

    private StoryState() {}

    /** hardware ids by serial number */
    static final Map<String, Long> HARDWARE = new ConcurrentHashMap<>();

    /** the worker node of step 4 and the SSD swapped there (old and new media ids) */
    static volatile Long workerNodeId;

    static volatile Long swappedOutMediumId;
    static volatile Long swappedInMediumId;
    static volatile Long ticketId;

    /** backup targets / policies of step 3 (their copies are removal blockers in step 6) */
    static final List<Long> BACKUP_POLICIES = new CopyOnWriteArrayList<>();

    static final List<Long> BACKUP_TARGETS = new CopyOnWriteArrayList<>();

    /**
     * a delivery line other than the late one ("ENV/ITEM", step 1): R-LC-3's refused late extension
     * names it
     */
    static volatile String onTimeLine;

    /** the vendor copies (R-RM-4, security 8)) the story leaves open for the removal to settle */
    static final List<Long> OPEN_VENDOR_COPIES = new CopyOnWriteArrayList<>();
}
