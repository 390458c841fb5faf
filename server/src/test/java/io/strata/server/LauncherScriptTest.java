package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ./strata script carries the same Ignite JVM flags as the build (pom.xml's ignite.jvm.flags). */
class LauncherScriptTest {

    @Test
    void scriptFlagsAreIdenticalToThePomProperty() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String pom = Files.readString(root.resolve("pom.xml"));
        Matcher m = Pattern.compile("<ignite\\.jvm\\.flags>(.*?)</ignite\\.jvm\\.flags>", Pattern.DOTALL).matcher(pom);
        assertTrue(m.find(), "ignite.jvm.flags in pom.xml");
        List<String> fromPom = Arrays.asList(m.group(1).trim().split("\\s+"));

        Path script = root.resolve("strata");
        assertTrue(Files.isExecutable(script), script + " is executable");
        List<String> fromScript = new ArrayList<>();
        boolean inArray = false;
        for (String line : Files.readAllLines(script)) {
            String t = line.trim();
            if (t.startsWith("IGNITE_JVM_FLAGS=(")) {
                inArray = true;
            } else if (inArray && t.equals(")")) {
                break;
            } else if (inArray && !t.isEmpty()) {
                fromScript.add(t);
            }
        }
        assertEquals(fromPom, fromScript, "keep ./strata's IGNITE_JVM_FLAGS identical to pom.xml's ignite.jvm.flags");
    }
}
