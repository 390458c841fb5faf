package io.strata.s3.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Builds the small XML documents S3 answers with; escapes text, tracks open elements. */
public final class XmlWriter {
    public static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

    private final StringBuilder out = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens the root element in the S3 namespace. */
    public XmlWriter root(String name) {
        out.append('<').append(name).append(" xmlns=\"").append(S3_NAMESPACE).append("\">");
        open.push(name);
        return this;
    }

    /** Opens a root element without a namespace (S3 error bodies have none). */
    public XmlWriter plainRoot(String name) {
        return start(name);
    }

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** Opens an element with attributes, given as name, value, name, value... (values are escaped). */
    public XmlWriter start(String name, String... attributes) {
        out.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1]);
            out.append('"');
        }
        out.append('>');
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with text; skipped when the value is null. */
    public XmlWriter element(String name, Object value) {
        if (value != null) {
            out.append('<').append(name).append('>');
            escape(String.valueOf(value));
            out.append("</").append(name).append('>');
        }
        return this;
    }

    /** An S3 user ({@code Owner}, {@code Initiator}): {@code <element><ID>id</ID><DisplayName>id</DisplayName>}. */
    public XmlWriter user(String element, String id) {
        return start(element).element("ID", id).element("DisplayName", id).end();
    }

    public byte[] toBytes() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 cannot carry most control characters: S3 escapes them as character references.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
