package io.strata.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tiering.mover.MovePlan;
import io.strata.tiering.mover.MoveStatus;
import io.strata.tiering.mover.PlannedMove;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Move plans and move statuses as the admin API shows them (see the schemas in openapi.json). */
final class MoveJson {
    private MoveJson() {
    }

    static ObjectNode toJson(MovePlan p) {
        ObjectNode o = Json.object();
        o.put("policyVersion", p.policyVersion());
        o.put("filesScanned", p.filesScanned());
        o.put("files", p.files());
        o.put("bytes", p.bytes());
        ObjectNode byTarget = o.putObject("bytesByTarget");
        // sorted, so that two plans of the same namespace print alike
        Map<String, Long> sorted = new TreeMap<>(p.bytesByTarget() == null ? Map.of() : p.bytesByTarget());
        sorted.forEach(byTarget::put);
        ArrayNode moves = o.putArray("moves");
        if (p.moves() != null) {
            p.moves().forEach(m -> moves.add(toJson(m)));
        }
        o.put("evaluationMillis", p.evaluationMillis());
        return o;
    }

    static ObjectNode toJson(PlannedMove m) {
        ObjectNode o = Json.object();
        o.put("bucket", m.bucket());
        o.put("path", m.path());
        o.put("inodeId", m.inodeId());
        o.put("bytes", m.bytes());
        o.put("fromVolume", m.fromVolume());
        o.put("toVolume", m.toVolume());
        o.put("rule", m.rule());
        o.put("reason", m.reason());
        return o;
    }

    static ObjectNode toJson(MoveStatus s) {
        ObjectNode o = Json.object();
        o.put("id", s.id());
        o.put("state", s.state().name().toLowerCase(Locale.ROOT));
        o.put("finished", s.state().finished());
        o.set("plan", toJson(s.plan()));
        o.put("bytesCopied", s.bytesCopied());
        o.put("attempts", s.attempts());
        Json.putTime(o, "queuedAt", s.queuedAt());
        Json.putTime(o, "updatedAt", s.updatedAt());
        o.put("error", s.error());
        return o;
    }
}
