package io.strata.s3.xml;

import java.util.ArrayList;
import java.util.List;

/** A parsed XML element: local name, text, children. Enough for S3's request documents. */
public record XmlNode(String name, String text, List<XmlNode> children) {

    public XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    public List<XmlNode> all(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Text of a child element, or null. */
    public String childText(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.text;
    }
}
