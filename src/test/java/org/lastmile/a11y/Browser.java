package org.lastmile.a11y;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One headless Chromium, driven through its chromedriver, with axe-core loaded into every page it opens. The
 * machine's own browser is used (Debian's chromium and chromium-driver); nothing is downloaded: Selenium is given
 * both paths, so it never asks Selenium Manager for a browser or driver, and Chromium's own background traffic is
 * switched off (the network is closed in CI).
 */
final class Browser implements AutoCloseable {
    /** The WCAG 2.2 level AA rules of axe-core: levels A and AA of WCAG 2.0, 2.1 and 2.2. */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** Where the browser and its driver are, when both are installed. */
    record Install(Path chromium, Path chromedriver) {
        static Optional<Install> find() {
            Optional<Path> browser = onPath("chromium", "chromium-browser", "google-chrome");
            Optional<Path> driver = onPath("chromedriver").or(() -> existing(Path.of("/usr/lib/chromium/chromedriver")));
            return browser.isPresent() && driver.isPresent() ? Optional.of(new Install(browser.get(), driver.get())) : Optional.empty();
        }

        private static Optional<Path> onPath(String... names) {
            for (String name : names) {
                for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                    if (dir.isEmpty()) continue;
                    Optional<Path> p = existing(Path.of(dir, name));
                    if (p.isPresent()) return p;
                }
            }
            return Optional.empty();
        }

        private static Optional<Path> existing(Path p) {
            return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
    }

    /** One violation of one rule on one element of one page, at the viewport widths where it occurs. */
    record Finding(String rule, String impact, String page, List<Integer> widths, String selector, String help, String helpUrl) {
        Finding at(int width) {
            List<Integer> w = new ArrayList<>(widths);
            w.add(width);
            return new Finding(rule, impact, page, List.copyOf(w), selector, help, helpUrl);
        }

        @Override
        public String toString() {
            return rule + " (" + impact + ") on " + page + " at " + widths.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + " px: " + selector + " — " + help + " (" + helpUrl + ")";
        }
    }

    private final ChromeDriver driver;
    // Selenium warns that it has no DevTools binding for this Chromium's version; the test sends its two CDP commands
    // through chromedriver, which needs none. Held here so the setting lasts while the browser runs.
    private final Logger cdpVersionLog = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    Browser(Install install, Path profile) {
        cdpVersionLog.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(install.chromium().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        // The root page goes to the visitor's preferred language when the site has it; a language no site is
        // written in keeps the browser on the language list, so that page is checked too.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "eo"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(install.chromedriver().toFile())
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", axeSource()));
    }

    private static String axeSource() {
        try (var in = Browser.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe-core/axe.min.js is missing from src/test/resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens {@code url} and runs axe-core's WCAG 2.2 AA rules at each viewport width (the page is laid out again at
     * each width, not reloaded); returns the violations of impact serious or critical, one per element.
     */
    List<Finding> check(String url, String page, List<Integer> widths) {
        // The same violation at several widths is one finding, listing them.
        Map<List<String>, Finding> out = new LinkedHashMap<>();
        driver.get(url);
        // Contrast and target sizes mean nothing on an unstyled page: a stylesheet that did not load is an error.
        Object unstyled = driver.executeScript("""
                return [...document.querySelectorAll('link[rel~=stylesheet]')]
                  .filter(l => !l.sheet || l.sheet.cssRules.length === 0).map(l => l.href);""");
        if (!((List<?>) unstyled).isEmpty()) throw new IllegalStateException(page + ": stylesheets did not load: " + unstyled);
        for (int width : widths) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            Object result = driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    if (typeof axe === 'undefined') { done('axe-core was not loaded into ' + location.href); return; }
                    axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                      .then(r => done(r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .flatMap(v => v.nodes.map(n => ({ rule: v.id, impact: v.impact, help: v.help,
                           helpUrl: v.helpUrl, selector: JSON.stringify(n.target), summary: n.failureSummary || '' })))))
                      .catch(e => done('axe-core failed: ' + e));
                    """, WCAG_AA);
            if (result instanceof String error) throw new IllegalStateException(page + ": " + error);
            String at = driver.getCurrentUrl();
            if (!at.equals(url)) throw new IllegalStateException(url + " went to " + at + ": the page checked is not the page asked for");
            for (Object o : (List<?>) result) {
                Map<?, ?> m = (Map<?, ?>) o;
                String summary = str(m.get("summary")).replaceAll("\\s+", " ");
                Finding f = new Finding(str(m.get("rule")), str(m.get("impact")), page, List.of(), str(m.get("selector")),
                        str(m.get("help")) + (summary.isEmpty() ? "" : ": " + summary), str(m.get("helpUrl")));
                out.merge(List.of(f.rule(), f.selector(), f.help()), f.at(width), (old, now) -> old.at(width));
            }
        }
        List<Finding> all = new ArrayList<>(out.values());
        all.addAll(wordlessNames(page, widths.get(widths.size() - 1)));
        return all;
    }

    /**
     * Links and buttons whose own text is only symbols (↩, →, an icon) and whose accessible name, as the browser
     * computes it for screen readers, has no letter or digit either. axe-core accepts any character as a name, so
     * "↩" passes there; a listener hears nothing useful.
     */
    List<Finding> wordlessNames(String page, int width) {
        List<Finding> out = new ArrayList<>();
        Object found = driver.executeScript("""
                const path = e => { const p = []; for (; e && e.nodeType === 1 && p.length < 4; e = e.parentElement) {
                    p.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : ''));
                    if (e.id) break; } return p.join(' > '); };
                return [...document.querySelectorAll('a[href], button, [role=button], [role=link]')]
                  .filter(e => !/[\\p{L}\\p{N}]/u.test(e.textContent))
                  .map(e => ({ element: e, selector: path(e) }));
                """);
        for (Object o : (List<?>) found) {
            Map<?, ?> m = (Map<?, ?>) o;
            String name = ((org.openqa.selenium.WebElement) m.get("element")).getAccessibleName();
            if (name == null || !name.codePoints().anyMatch(Character::isLetterOrDigit)) {
                out.add(new Finding("name-without-words", "serious", page, List.of(width), str(m.get("selector")),
                        "accessible name \"" + name + "\" has no word: give the link or button an aria-label that says what it does",
                        "https://www.w3.org/WAI/WCAG22/Understanding/link-purpose-in-context.html"));
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
