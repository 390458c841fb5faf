package io.strata.tiering.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tiering.control.InvalidFieldException;
import io.strata.tiering.volume.CloudSpec;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeInfo;
import io.strata.tiering.volume.VolumeSpec;
import io.strata.tiering.volume.VolumeState;
import org.junit.jupiter.api.Test;

class VolumeJsonTest {
    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

    private static JsonNode json(String singleQuoted) {
        try {
            return PolicyJson.MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError("bad test JSON: " + singleQuoted, e);
        }
    }

    private static VolumeSpec spec(String singleQuoted) {
        return VolumeJson.spec(json(singleQuoted));
    }

    private static String refusedField(String singleQuoted) {
        return assertThrows(InvalidFieldException.class, () -> spec(singleQuoted)).field();
    }

    /** A cloud volume body with {@code cloudFields} inside "cloud". */
    private static String cloud(String cloudFields) {
        return "{'id': 'cold', 'tier': 'cloud', 'cloud': {" + cloudFields + "}}";
    }

    private static final String FULL_CLOUD = "'endpoint': 'https://s3.eu-west-1.amazonaws.com', 'region': 'eu-west-1',"
            + " 'bucket': 'archive', 'prefix': '/strata/', 'accessKey': 'AKIDEXAMPLE', 'secretKey': '" + SECRET + "',"
            + " 'pathStyle': false";

    @Test
    void localVolumesTakeAnAbsolutePath() {
        assertEquals(new VolumeSpec("nas-1", Tier.NAS, "/mnt/nas/strata", null),
                spec("{'id': 'nas-1', 'tier': 'nas', 'path': '/mnt/nas/strata'}"));
        assertEquals(new VolumeSpec("fast", Tier.NVME, "/data", null),
                spec("{'id': 'fast', 'tier': 'NVME', 'path': '/data'}"));
    }

    @Test
    void aLocalVolumeWithoutPathIsRefused() {
        assertEquals("path", refusedField("{'id': 'nas-1', 'tier': 'nas'}"));
        assertEquals("path", refusedField("{'id': 'nas-1', 'tier': 'nvme', 'path': '   '}"));
        assertEquals("path", refusedField("{'id': 'nas-1', 'tier': 'nvme', 'path': null}"));
    }

    @Test
    void aRelativePathIsRefused() {
        assertEquals("path", refusedField("{'id': 'nas-1', 'tier': 'nas', 'path': 'mnt/nas'}"));
        assertEquals("path", refusedField("{'id': 'nas-1', 'tier': 'nas', 'path': './data'}"));
    }

    @Test
    void aLocalVolumeRefusesCloudSettings() {
        assertEquals("cloud", refusedField("{'id': 'nas-1', 'tier': 'nas', 'path': '/mnt', 'cloud': {"
                + FULL_CLOUD + "}}"));
    }

    @Test
    void aCloudVolumeTakesEveryCloudField() {
        VolumeSpec s = spec(cloud(FULL_CLOUD));
        assertEquals("cold", s.id());
        assertEquals(Tier.CLOUD, s.tier());
        assertNull(s.path());
        assertTrue(s.isCloud());
        assertEquals(new CloudSpec("https://s3.eu-west-1.amazonaws.com", "eu-west-1", "archive", "strata",
                "AKIDEXAMPLE", SECRET, false), s.cloud());
    }

    @Test
    void cloudDefaultsArePathStyleTheDefaultRegionAndNoPrefix() {
        CloudSpec c = spec(cloud("'endpoint': 'http://minio:9000', 'bucket': 'b', 'accessKey': 'a',"
                + " 'secretKey': 's'")).cloud();
        assertTrue(c.pathStyle(), "most self-hosted S3 endpoints need path-style requests");
        assertEquals("us-east-1", c.region());
        assertEquals("", c.prefix());
    }

    @Test
    void aCloudVolumeNeedsItsCloudSettings() {
        assertEquals("cloud", refusedField("{'id': 'cold', 'tier': 'cloud'}"));
        assertEquals("cloud", refusedField("{'id': 'cold', 'tier': 'cloud', 'cloud': 'https://s3'}"));
    }

    @Test
    void aCloudVolumeRefusesAPath() {
        assertEquals("path", refusedField("{'id': 'cold', 'tier': 'cloud', 'path': '/mnt', 'cloud': {"
                + FULL_CLOUD + "}}"));
    }

    @Test
    void eachMissingCloudFieldIsNamed() {
        assertEquals("cloud.endpoint", refusedField(cloud("'bucket': 'b', 'accessKey': 'a', 'secretKey': 's'")));
        assertEquals("cloud.bucket",
                refusedField(cloud("'endpoint': 'https://e', 'accessKey': 'a', 'secretKey': 's'")));
        assertEquals("cloud.accessKey",
                refusedField(cloud("'endpoint': 'https://e', 'bucket': 'b', 'secretKey': 's'")));
        assertEquals("cloud.secretKey",
                refusedField(cloud("'endpoint': 'https://e', 'bucket': 'b', 'accessKey': 'a'")));
    }

    @Test
    void theEndpointMustBeAnHttpUrl() {
        for (String bad : new String[] {"s3.amazonaws.com", "ftp://e", "HTTPS//e", ""}) {
            assertEquals("cloud.endpoint", refusedField(cloud("'endpoint': '" + bad + "', 'bucket': 'b',"
                    + " 'accessKey': 'a', 'secretKey': 's'")), bad);
        }
    }

    @Test
    void badlyTypedOrUnknownCloudFieldsAreNamed() {
        String base = "'endpoint': 'https://e', 'bucket': 'b', 'accessKey': 'a', 'secretKey': 's'";
        assertEquals("cloud.pathStyle", refusedField(cloud(base + ", 'pathStyle': 'yes'")));
        assertEquals("cloud.secret", refusedField(cloud(base + ", 'secret': 'x'")));
        assertEquals("cloud.bucket",
                refusedField(cloud("'endpoint': 'https://e', 'bucket': 3, 'accessKey': 'a', 'secretKey': 's'")));
    }

    @Test
    void idsAreShortLowerCaseNames() {
        assertEquals("a", spec("{'id': 'a', 'tier': 'nas', 'path': '/m'}").id());
        assertEquals("0.nas_1-x", spec("{'id': '0.nas_1-x', 'tier': 'nas', 'path': '/m'}").id());
        String longest = "v" + "x".repeat(62);
        assertEquals(longest, spec("{'id': '" + longest + "', 'tier': 'nas', 'path': '/m'}").id());

        for (String bad : new String[] {"", "Nas", "-nas", ".nas", "_nas", "nas 1", "nas/1", "näs", longest + "x"}) {
            assertEquals("id", refusedField("{'id': '" + bad + "', 'tier': 'nas', 'path': '/m'}"), bad);
        }
    }

    @Test
    void idAndTierAreRequired() {
        assertEquals("id", refusedField("{'tier': 'nas', 'path': '/m'}"));
        assertEquals("id", refusedField("{'id': 1, 'tier': 'nas', 'path': '/m'}"));
        assertEquals("tier", refusedField("{'id': 'a', 'path': '/m'}"));
        assertEquals("tier", refusedField("{'id': 'a', 'tier': 'tape', 'path': '/m'}"));
        assertEquals("tier", refusedField("{'id': 'a', 'tier': 'metadata', 'path': '/m'}"));
    }

    @Test
    void unknownTopLevelFieldsAreRefused() {
        assertEquals("capacity", refusedField("{'id': 'a', 'tier': 'nas', 'path': '/m', 'capacity': 1}"));
        assertEquals("(body)", refusedField("'nas'"));
    }

    @Test
    void theStoredFormKeepsTheSecretAndParsesBack() {
        VolumeSpec s = spec(cloud(FULL_CLOUD));
        ObjectNode stored = VolumeJson.toJson(s);
        assertEquals(SECRET, stored.path("cloud").path("secretKey").asText());
        assertEquals(s, VolumeJson.spec(stored));
        VolumeSpec local = spec("{'id': 'nas-1', 'tier': 'nas', 'path': '/mnt/nas'}");
        assertEquals(local, VolumeJson.spec(VolumeJson.toJson(local)));
    }

    @Test
    void theShownFormNeverContainsTheSecret() {
        VolumeSpec s = spec(cloud(FULL_CLOUD));
        VolumeInfo info = new VolumeInfo(s, VolumeState.UNREACHABLE, -1, 1234, -1, "connection refused");
        ObjectNode shown = VolumeJson.toJson(info);
        assertFalse(shown.toString().contains(SECRET), shown.toString());
        assertEquals("AKIDEXAMPLE", shown.path("cloud").path("accessKey").asText(), "the key id helps tell accounts apart");
        assertEquals("unreachable", shown.path("state").asText());
        assertEquals(-1, shown.path("capacityBytes").asLong());
        assertEquals(1234, shown.path("usedBytes").asLong());
        assertEquals("connection refused", shown.path("lastError").asText());
    }

    @Test
    void aLocalVolumeIsShownWithItsPathAndSpace() {
        VolumeSpec s = spec("{'id': 'nas-1', 'tier': 'nas', 'path': '/mnt/nas'}");
        ObjectNode shown = VolumeJson.toJson(new VolumeInfo(s, VolumeState.ACTIVE, 100, 40, 60, null));
        assertEquals("nas-1", shown.path("id").asText());
        assertEquals("nas", shown.path("tier").asText());
        assertEquals("/mnt/nas", shown.path("path").asText());
        assertEquals("active", shown.path("state").asText());
        assertEquals(60, shown.path("freeBytes").asLong());
        assertFalse(shown.has("cloud"));
        assertFalse(shown.has("lastError"));
    }
}
