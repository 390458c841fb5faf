package io.strata.tiering.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.tiering.control.InvalidFieldException;
import org.junit.jupiter.api.Test;

class GlobTest {
    private static Glob glob(String pattern) {
        return Glob.compile(pattern, "rules[0].match.path");
    }

    @Test
    void singleStarStaysWithinOneSegment() {
        Glob g = glob("logs/*.gz");
        assertTrue(g.matches("logs/a.gz"));
        assertTrue(g.matches("logs/.gz"));
        assertFalse(g.matches("logs/2024/a.gz"));
        assertFalse(g.matches("other/a.gz"));
        assertFalse(g.matches("logs/a.gz.bak"));
    }

    @Test
    void doubleStarCrossesSegments() {
        Glob g = glob("logs/**");
        assertTrue(g.matches("logs/a"));
        assertTrue(g.matches("logs/2024/01/02/a.gz"));
        assertFalse(g.matches("logs"), "the slash in the pattern is literal");
        assertFalse(g.matches("biglogs/a"));
    }

    @Test
    void doubleStarSlashMatchesAtTheTopAndAtAnyDepth() {
        Glob g = glob("**/x.csv");
        assertTrue(g.matches("x.csv"));
        assertTrue(g.matches("a/x.csv"));
        assertTrue(g.matches("a/b/c/x.csv"));
        assertFalse(g.matches("ax.csv"), "** ends at a segment boundary");
        assertFalse(g.matches("a/x.csv/y"));
    }

    @Test
    void doubleStarInTheMiddleAlsoMatchesZeroSegments() {
        Glob g = glob("data/**/part-?.parquet");
        assertTrue(g.matches("data/part-1.parquet"));
        assertTrue(g.matches("data/y=2024/m=01/part-7.parquet"));
        assertFalse(g.matches("data/part-10.parquet"));
    }

    @Test
    void everyCsvAtAnyDepth() {
        Glob g = glob("**/*.csv");
        assertTrue(g.matches("top.csv"));
        assertTrue(g.matches("deep/down/below.csv"));
        assertFalse(g.matches("deep/down/below.csv.gz"));
    }

    @Test
    void questionMarkIsExactlyOneCharacterButNeverASlash() {
        Glob g = glob("file?.txt");
        assertTrue(g.matches("file1.txt"));
        assertFalse(g.matches("file.txt"));
        assertFalse(g.matches("file12.txt"));
        assertFalse(glob("a?b").matches("a/b"));
    }

    @Test
    void regexMetacharactersInNamesAreLiteral() {
        Glob g = glob("a+b(1).txt");
        assertTrue(g.matches("a+b(1).txt"));
        assertFalse(g.matches("aab1.txt"));
        assertFalse(g.matches("a+b(1)xtxt"), "the dot is not any character");
        Glob other = glob("[x]{2}|^$\\.csv");
        assertTrue(other.matches("[x]{2}|^$\\.csv"));
        assertFalse(other.matches("xx.csv"));
    }

    @Test
    void aPatternWithoutWildcardsMatchesOnlyItself() {
        Glob g = glob("logs");
        assertTrue(g.matches("logs"));
        assertFalse(g.matches("logs2"));
        assertFalse(g.matches("Logs"), "matching is case-sensitive, like S3 keys");
    }

    @Test
    void namesWithNewlinesStillMatchStar() {
        // S3 keys may hold any character; a file must not escape a rule because of one.
        assertTrue(glob("*").matches("line1\nline2"));
        assertTrue(glob("**").matches("a/line1\nline2"));
    }

    @Test
    void emptyGlobIsRefusedNamingTheField() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> Glob.compile("", "rules[3].match.bucket"));
        assertEquals("rules[3].match.bucket", e.field());
        assertTrue(e.reason().contains("must not be empty"), e.reason());
    }

    @Test
    void printsAsTheSourcePattern() {
        assertEquals("logs/**/*.gz", glob("logs/**/*.gz").toString());
    }
}
