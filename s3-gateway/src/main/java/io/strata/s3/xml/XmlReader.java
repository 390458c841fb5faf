package io.strata.s3.xml;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses request bodies into {@link XmlNode}s. DTDs and external entities are refused outright, so entity
 * expansion ("billion laughs") and external entity reads cannot happen; depth and element count are bounded.
 */
public final class XmlReader {
    private static final int MAX_DEPTH = 16;
    private static final int MAX_ELEMENTS = 100_000;
    private static final XMLInputFactory FACTORY = factory();

    private XmlReader() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** The root element of {@code body}; MalformedXML if it is not a well-formed document. */
    public static XmlNode parse(byte[] body) throws S3Exception {
        if (body.length == 0) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML, "The request body is empty.");
        }
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            Deque<Builder> stack = new ArrayDeque<>();
            XmlNode root = null;
            int elements = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new S3Exception(S3ErrorCode.MALFORMED_XML, "DTDs and entities are not accepted.");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (stack.size() >= MAX_DEPTH || ++elements > MAX_ELEMENTS) {
                            throw new S3Exception(S3ErrorCode.MALFORMED_XML, "The XML nests too deep or is too large.");
                        }
                        stack.push(new Builder(r.getLocalName()));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlNode node = stack.pop().build();
                        if (stack.isEmpty()) {
                            root = node;
                        } else {
                            stack.peek().children.add(node);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (root == null) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML, "The XML has no root element.");
            }
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the in-memory stream
                }
            }
        }
    }

    private static final class Builder {
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        XmlNode build() {
            return new XmlNode(name, children.isEmpty() ? text.toString() : text.toString().trim(), List.copyOf(children));
        }
    }
}
