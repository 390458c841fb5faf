package io.strata.tiering.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tiering.control.InvalidFieldException;
import io.strata.tiering.volume.CloudSpec;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeInfo;
import io.strata.tiering.volume.VolumeSpec;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Volume specs as JSON:
 * {@code {"id": "nas-1", "tier": "nas", "path": "/mnt/nas/strata"}} or
 * {@code {"id": "cold", "tier": "cloud", "cloud": {"endpoint": "https://s3.eu-west-1.amazonaws.com",
 * "region": "eu-west-1", "bucket": "archive", "prefix": "strata", "accessKey": "...", "secretKey": "...",
 * "pathStyle": false}}}.
 */
public final class VolumeJson {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

    private VolumeJson() {
    }

    public static VolumeSpec spec(JsonNode body) {
        JsonFields f = new JsonFields(body, "");
        f.onlyKnown(Set.of("id", "tier", "path", "cloud"));
        String id = f.text("id", true);
        if (!ID.matcher(id).matches()) {
            throw new InvalidFieldException("id", "must be 1-63 characters of a-z, 0-9, '.', '_', '-', starting "
                    + "with a letter or digit");
        }
        Tier tier = PolicyJson.tier(f.text("tier", true), "tier");
        String path = f.text("path", false);
        CloudSpec cloud = f.has("cloud") ? cloud(new JsonFields(f.raw("cloud"), "cloud")) : null;
        if (tier == Tier.CLOUD) {
            if (cloud == null) {
                throw new InvalidFieldException("cloud", "is required for tier cloud");
            }
            if (path != null) {
                throw new InvalidFieldException("path", "is for nvme and nas volumes; a cloud volume takes \"cloud\"");
            }
        } else {
            if (path == null || path.isBlank()) {
                throw new InvalidFieldException("path", "is required for tier " + PolicyJson.tierName(tier));
            }
            if (cloud != null) {
                throw new InvalidFieldException("cloud", "is only for tier cloud");
            }
            if (!path.startsWith("/")) {
                throw new InvalidFieldException("path", "must be an absolute directory path");
            }
        }
        return new VolumeSpec(id, tier, path, cloud);
    }

    private static CloudSpec cloud(JsonFields f) {
        f.onlyKnown(Set.of("endpoint", "region", "bucket", "prefix", "accessKey", "secretKey", "pathStyle"));
        String endpoint = f.text("endpoint", true);
        if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new InvalidFieldException(f.at("endpoint"), "must be an http:// or https:// URL");
        }
        return new CloudSpec(endpoint, f.text("region", false), f.text("bucket", true), f.text("prefix", false),
                f.text("accessKey", true), f.text("secretKey", true), f.bool("pathStyle", true));
    }

    /** The spec as stored (with its secret) or shown (pass a redacted spec). */
    public static ObjectNode toJson(VolumeSpec spec) {
        ObjectNode o = PolicyJson.MAPPER.createObjectNode();
        o.put("id", spec.id());
        o.put("tier", PolicyJson.tierName(spec.tier()));
        if (spec.path() != null) {
            o.put("path", spec.path());
        }
        if (spec.cloud() != null) {
            CloudSpec c = spec.cloud();
            ObjectNode n = o.putObject("cloud");
            n.put("endpoint", c.endpoint());
            n.put("region", c.region());
            n.put("bucket", c.bucket());
            n.put("prefix", c.prefix());
            n.put("accessKey", c.accessKey());
            n.put("secretKey", c.secretKey());
            n.put("pathStyle", c.pathStyle());
        }
        return o;
    }

    public static ObjectNode toJson(VolumeInfo info) {
        ObjectNode o = toJson(info.spec().redacted());
        o.put("state", info.state().name().toLowerCase(java.util.Locale.ROOT));
        o.put("capacityBytes", info.capacityBytes());
        o.put("usedBytes", info.usedBytes());
        o.put("freeBytes", info.freeBytes());
        if (info.lastError() != null) {
            o.put("lastError", info.lastError());
        }
        return o;
    }
}
