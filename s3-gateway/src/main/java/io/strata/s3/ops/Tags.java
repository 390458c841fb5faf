package io.strata.s3.ops;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.xml.XmlNode;
import io.strata.s3.xml.XmlWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Object tags: S3's limits, and their two encodings (x-amz-tagging query string and the Tagging document). */
final class Tags {
    private static final int MAX_TAGS = 10;

    private Tags() {
    }

    static Map<String, String> fromQueryString(String s) throws S3Exception {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (tags.put(k, v) != null) {
                throw new S3Exception(S3ErrorCode.INVALID_TAG, "Cannot provide multiple Tags with the same key");
            }
        }
        return check(tags);
    }

    static Map<String, String> fromXml(XmlNode tagging) throws S3Exception {
        XmlNode set = tagging.child("TagSet");
        if (!"Tagging".equals(tagging.name()) || set == null) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (XmlNode tag : set.all("Tag")) {
            String k = tag.childText("Key");
            String v = tag.childText("Value");
            if (k == null || v == null) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            }
            if (tags.put(k, v) != null) {
                throw new S3Exception(S3ErrorCode.INVALID_TAG, "Cannot provide multiple Tags with the same key");
            }
        }
        return check(tags);
    }

    static byte[] toXml(Map<String, String> tags) {
        XmlWriter x = new XmlWriter().root("Tagging").start("TagSet");
        new TreeMap<>(tags).forEach((k, v) -> x.start("Tag").element("Key", k).element("Value", v).end());
        return x.toBytes();
    }

    private static Map<String, String> check(Map<String, String> tags) throws S3Exception {
        if (tags.size() > MAX_TAGS) {
            throw new S3Exception(S3ErrorCode.INVALID_TAG, "Object tags cannot be greater than 10");
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (t.getKey().isEmpty() || t.getKey().length() > 128 || t.getValue().length() > 256) {
                throw new S3Exception(S3ErrorCode.INVALID_TAG, "The TagKey or TagValue you have provided is too long or empty.");
            }
        }
        return tags;
    }
}
