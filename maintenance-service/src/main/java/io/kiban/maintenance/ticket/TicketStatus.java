package io.kiban.maintenance.ticket;

public enum TicketStatus {
    REPORTED,
    ACKNOWLEDGED,
    IN_PROGRESS,
    PARTS_REPLACED,
    RESOLVED,
    CLOSED,
    CANCELLED;

    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED;
    }
}
