package org.lastmile.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line of a long build: stage, done/total, rate and time left; nothing for a build under a second. */
class ConsoleProgressTest {

    @Test
    void lineSaysStageCountRateAndTimeLeft() {
        StringWriter sw = new StringWriter();
        try (ConsoleProgress p = new ConsoleProgress(new PrintWriter(sw), true)) {
            p.stage("PDFs", 100);
            p.done(25);
            long later = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            String line = p.line(later);
            assertTrue(line.matches("PDFs 25/100 · [45]/s · about (1[5-9]|2[0-9]) s left"), line);
            p.done(75);
            assertEquals("PDFs 100/100 · 20/s", p.line(later));
            p.stage("pages", 0);
            assertEquals("pages…", p.line(later));
        }
    }

    @Test
    void aBuildUnderASecondShowsNothing() {
        StringWriter sw = new StringWriter();
        try (ConsoleProgress p = new ConsoleProgress(new PrintWriter(sw), true)) {
            p.stage("parsing", 10);
            p.done(10);
        }
        assertEquals("", sw.toString());
    }
}
