package io.strata.tiering.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.strata.meta.ns.SettingsTable;
import io.strata.tiering.control.InvalidFieldException;
import io.strata.tiering.control.NotFoundException;
import io.strata.tiering.control.PolicyControl;
import io.strata.tiering.json.PolicyJson;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.volume.VolumeRegistry;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stored policy versions. Each publish stores a new numbered version and makes it current in one
 * transaction; old versions stay readable so an admin can see what changed and when.
 */
public final class PolicyBook implements PolicyControl {
    private static final String VERSION_PREFIX = "policy/version/";
    private static final String CURRENT = "policy/current";

    private final SettingsTable settings;
    private final VolumeRegistry volumes;
    private volatile CompiledPolicy compiled;

    public PolicyBook(SettingsTable settings, VolumeRegistry volumes) {
        this.settings = settings;
        this.volumes = volumes;
        PolicyVersion current = current();
        this.compiled = new CompiledPolicy(current.version(), current.rules());
    }

    @Override
    public PolicyVersion current() {
        String n = settings.get(CURRENT);
        return n == null ? PolicyVersion.EMPTY : version(Integer.parseInt(n));
    }

    /** The current policy, compiled for evaluation. */
    public CompiledPolicy compiled() {
        return compiled;
    }

    @Override
    public List<PolicyVersion> versions() {
        List<PolicyVersion> out = new ArrayList<>();
        for (Map.Entry<String, String> e : settings.withPrefix(VERSION_PREFIX).entrySet()) {
            out.add(parse(e.getValue()));
        }
        out.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return out;
    }

    @Override
    public PolicyVersion version(int number) {
        if (number == 0) {
            return PolicyVersion.EMPTY;
        }
        String json = settings.get(key(number));
        if (json == null) {
            throw new NotFoundException("no policy version " + number);
        }
        return parse(json);
    }

    @Override
    public PolicyVersion publish(List<Rule> rules, String comment) {
        CompiledPolicy check = validate(rules);
        PolicyVersion stored = settings.inTransaction(() -> {
            String cur = settings.get(CURRENT);
            int next = cur == null ? 1 : Integer.parseInt(cur) + 1;
            PolicyVersion v = new PolicyVersion(next, Instant.now(), comment, rules);
            settings.put(key(next), write(v));
            settings.put(CURRENT, Integer.toString(next));
            return v;
        });
        compiled = new CompiledPolicy(stored.version(), check.rules());
        return stored;
    }

    /** Compiles the rules and checks that each target exists; throws naming the field at fault. */
    public CompiledPolicy validate(List<Rule> rules) {
        CompiledPolicy compiledRules = new CompiledPolicy(-1, rules);
        for (int i = 0; i < rules.size(); i++) {
            Target t = rules.get(i).target();
            String at = "rules[" + i + "].target.";
            if (t.kind() == Target.Kind.VOLUME && volumes.find(t.volume()) == null) {
                throw new InvalidFieldException(at + "volume", "no volume \"" + t.volume() + "\" (see GET /api/v1/volumes)");
            }
            if (t.kind() == Target.Kind.TIER && !hasTier(t.tier())) {
                throw new InvalidFieldException(at + "tier", "no volume of tier " + PolicyJson.tierName(t.tier())
                        + " yet: add one first");
            }
        }
        return compiledRules;
    }

    private boolean hasTier(Tier tier) {
        for (Volume v : volumes.all()) {
            if (v.tier() == tier) {
                return true;
            }
        }
        return false;
    }

    private static String key(int number) {
        return VERSION_PREFIX + String.format("%08d", number);
    }

    private static String write(PolicyVersion v) {
        try {
            return PolicyJson.MAPPER.writeValueAsString(PolicyJson.toJson(v));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PolicyVersion parse(String json) {
        try {
            return PolicyJson.version(PolicyJson.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored policy version does not parse", e);
        }
    }
}
