package io.strata.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tiering.json.PolicyJson;
import io.strata.tiering.placement.PlacedRange;
import io.strata.tiering.placement.Placement;

/** A file's placement as the admin API shows it (schema {@code Placement} in openapi.json). */
final class PlacementJson {
    private PlacementJson() {
    }

    static ObjectNode toJson(Placement p) {
        ObjectNode o = Json.object();
        o.put("bucket", p.bucket());
        o.put("path", p.path());
        o.put("inodeId", p.inodeId());
        o.put("size", p.size());
        o.put("etag", p.etag());
        o.put("storageClass", p.storageClass());
        ArrayNode ranges = o.putArray("ranges");
        if (p.ranges() != null) {
            p.ranges().forEach(r -> ranges.add(toJson(r)));
        }
        o.put("policyVersion", p.policyVersion());
        o.put("rule", p.rule());
        o.put("reason", p.reason());
        o.put("wantedVolume", p.wantedVolume());
        return o;
    }

    static ObjectNode toJson(PlacedRange r) {
        ObjectNode o = Json.object();
        o.put("offset", r.offset());
        o.put("length", r.length());
        o.put("volume", r.volume());
        o.put("tier", r.tier() == null ? null : PolicyJson.tierName(r.tier()));
        o.put("blob", r.blob());
        return o;
    }
}
