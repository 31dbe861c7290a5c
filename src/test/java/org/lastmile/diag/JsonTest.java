package org.lastmile.diag;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON strings for reports (plain) and for JSON-LD inside a page's script element (script-safe). */
class JsonTest {
    @Test
    void plainStringsEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a \\\"b\\\" c\\\\d\\ne\\tf\\u0001 <x> & \u2028\"", Json.str("a \"b\" c\\d\ne\tf\u0001 <x> & \u2028"));
    }

    @Test
    void scriptSafeStringsCannotCloseTheScriptElementOrBreakALine() {
        // A paper titled "</script><script>alert(1)" must not end the JSON-LD block it is printed in.
        assertEquals("\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1) \\u0026amp;\"",
                Json.scriptSafe("</script><script>alert(1) &amp;"));
        assertEquals("\"a\\u000ab\\u2028c\\u2029\\\"\"", Json.scriptSafe("a\nb\u2028c\u2029\""));
    }
}
