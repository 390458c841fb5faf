package io.strata.s3.signature;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The encoding rules of the canonical request, checked on their own. */
class CanonicalFormsTest {
    @Test
    void queryIsDecodedThenReEncodedTheAwsWay() {
        assertEquals("a=b%2Bc&d=e%20f&g=~%2A.-_",
                QueryParameters.parse("d=e%20f&a=b+c&g=%7E*.-_").canonical(null));
    }

    @Test
    void lowerCaseEscapesBecomeUpperCaseAndLoneMarksAreEscaped() {
        assertEquals("k=%2F%2F&p=100%25", QueryParameters.parse("p=100%&k=%2f/").canonical(null));
    }

    @Test
    void emptyValuesKeepTheirEqualsAndEqualNamesSortByValue() {
        assertEquals("acl=&delete=&x=1&x=2", QueryParameters.parse("x=2&delete&acl=&x=1").canonical(null));
    }

    @Test
    void presignedSignatureIsLeftOut() {
        QueryParameters query = QueryParameters.parse("X-Amz-Signature=abc&X-Amz-Date=1");
        assertEquals("X-Amz-Date=1", query.canonical("X-Amz-Signature"));
        assertEquals("abc", query.first("X-Amz-Signature").orElseThrow());
    }

    @Test
    void utf8ValuesSurvive() {
        QueryParameters query = QueryParameters.parse("prefix=%C3%A9t%C3%A9");
        assertEquals("été", query.first("prefix").orElseThrow());
        assertEquals("prefix=%C3%A9t%C3%A9", query.canonical(null));
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndJoined() {
        assertEquals("a b c,d", CanonicalRequest.headerValue(List.of("  a   b \t c ", "d")));
        assertEquals("", CanonicalRequest.headerValue(List.of()));
    }

    @Test
    void pathNormalizationKeepsEscapedSlashes() {
        assertEquals("/a%2Fb/c%24d~e%20f", UriEncoding.normalizePath("/a%2fb/c$d%7Ee f"));
        assertEquals("/caf%C3%A9", UriEncoding.normalizePath("/caf\u00c3\u00a9"));
    }
}
