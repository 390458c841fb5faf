package io.strata.nfs.v4.state;

import java.util.HexFormat;

/** A session of one client (RFC 8881 2.10): its id, the sizes agreed, and its fore-channel slots. */
public final class Session {
    public static final int ID_BYTES = 16;

    private final byte[] id;
    private final Client client;
    private final ChannelAttrs fore;
    private final ChannelAttrs back;
    private final Slot[] slots;

    Session(byte[] id, Client client, ChannelAttrs fore, ChannelAttrs back) {
        this.id = id;
        this.client = client;
        this.fore = fore;
        this.back = back;
        this.slots = new Slot[fore.maxRequests()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
        }
    }

    public byte[] id() {
        return id.clone();
    }

    public String key() {
        return HexFormat.of().formatHex(id);
    }

    public Client client() {
        return client;
    }

    public ChannelAttrs fore() {
        return fore;
    }

    public ChannelAttrs back() {
        return back;
    }

    /** The slot, or null when the id is beyond the table. */
    public Slot slot(int slotId) {
        return slotId < 0 || slotId >= slots.length ? null : slots[slotId];
    }

    public int highestSlot() {
        return slots.length - 1;
    }
}
