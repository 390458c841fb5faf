package io.strata.tiering.policy;

import io.strata.tiering.volume.Tier;

/**
 * Where a matching file should be: on any volume of a tier, on one volume, or left where it is ({@code PIN}).
 * {@code recallOnAccess}: when such a file is read while its bytes sit in the cloud tier, move it back to the
 * fastest local tier (the next evaluation may send it out again once the rule's ages hold).
 */
public record Target(Kind kind, Tier tier, String volume, boolean recallOnAccess) {
    public enum Kind {
        TIER, VOLUME, PIN
    }

    public static Target tier(Tier tier) {
        return new Target(Kind.TIER, tier, null, false);
    }

    public static Target volume(String id) {
        return new Target(Kind.VOLUME, null, id, false);
    }

    public static Target pin() {
        return new Target(Kind.PIN, null, null, false);
    }

    public Target withRecallOnAccess(boolean recall) {
        return new Target(kind, tier, volume, recall);
    }
}
