package org.lastmile.pdf;

import com.ibm.icu.lang.UScript;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;
import org.lastmile.diag.SourcePos;
import org.openpdf.text.pdf.BaseFont;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fonts of one build, each parsed once from bytes and then shared by every document of the build.
 *
 * <p>Thread safety: OpenPDF keeps what a document uses of a font (glyph set, widths, subset) in per-writer
 * {@code FontDetails}; the {@link BaseFont} itself is only read while laying out and writing, so one instance can serve
 * documents rendered in parallel. The one piece of shared mutable state is the random source for subset prefixes
 * ({@code ABCDEF+NotoSans-Regular}); it is replaced here by a source that reads a <em>per-thread</em> generator, which
 * {@link #startDocument(long)} seeds at the start of every document. So prefixes are reproducible and renders on
 * different threads do not disturb each other. A document must be written on one thread from start to close.
 */
public final class Fonts implements org.lastmile.pdf.layout.FontMetrics {
    private static final ThreadLocal<Random> PREFIX_RANDOM = ThreadLocal.withInitial(() -> new Random(0));
    private static final SecureRandom SEEDED = new ThreadSeededRandom();

    private final Map<String, BaseFont> byFile;
    private final Map<String, Metrics> metrics;
    /** Shaping for the fonts that have letters of a script that needs it (Arabic…), by file name. */
    private final Map<String, OpenTypeShaping> shaping;

    private Fonts(Map<String, BaseFont> byFile, Map<String, OpenTypeShaping> shaping) {
        this.byFile = byFile;
        this.shaping = Map.copyOf(shaping);
        Map<String, Metrics> m = new LinkedHashMap<>();
        byFile.forEach((name, bf) -> m.put(name, new Metrics(bf)));
        this.metrics = Map.copyOf(m);
    }

    /**
     * Loads every font the style's mapping names.
     *
     * @throws LastmileException naming the font file if one is missing or not a usable TrueType/OpenType font
     */
    public static Fonts load(PdfStyle style, FontSource source) {
        return load(style.fontFiles(), source);
    }

    /**
     * Loads the named font files (Identity-H, embedded, subset).
     *
     * @throws LastmileException naming the font file if one is missing or not a usable TrueType/OpenType font
     */
    public static Fonts load(Collection<String> fileNames, FontSource source) {
        Map<String, BaseFont> m = new LinkedHashMap<>();
        Map<String, OpenTypeShaping> shaping = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (String name : fileNames) {
            if (m.containsKey(name)) continue;
            SourcePos pos = SourcePos.of(Path.of("fonts", name));
            byte[] bytes;
            try {
                bytes = source.read(name);
            } catch (NoSuchFileException e) {
                problems.add(Diagnostic.error(pos, "font file " + name + " not found",
                        "put it in the site's fonts/ folder or fix the theme's font mapping" + provider(name)));
                continue;
            } catch (IOException e) {
                problems.add(Diagnostic.error(pos, "cannot read font " + name + " (" + reason(e) + ")",
                        "check the file and its permissions"));
                continue;
            }
            String damage = damage(bytes);
            if (damage != null) {
                problems.add(Diagnostic.error(pos, "font " + name + " cannot be used: " + damage,
                        "replace it with an intact TrueType (.ttf) or OpenType (.otf) file"));
                continue;
            }
            try {
                // Not cached in OpenPDF's global cache: that cache is keyed by name, so a site's own font with the
                // default theme's file name would be served the old bytes. This object is the build's cache.
                BaseFont bf = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
                bf.setSubset(true);
                // A subset's CIDSet would have to list every glyph of the subset program, which OpenPDF's does
                // not; PDF/A-2 and PDF/UA-1 make it optional, so none is written.
                bf.setIncludeCidSet(false);
                bf.setSecureRandom(SEEDED);
                m.put(name, bf);
                if (SHAPED_SAMPLES.stream().anyMatch(bf::charExists)) {
                    BaseFont letters = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
                    letters.setSubset(true);
                    letters.setIncludeCidSet(false); // as above
                    letters.setSecureRandom(SEEDED);
                    shaping.put(name, new OpenTypeShaping(name, bytes, letters));
                }
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // OpenPDF's messages about a broken font are about its internals ("null", a table offset): the
                // user needs to know which file to replace. The checks above keep it from allocating gigabytes;
                // OutOfMemoryError is caught in case a damage they do not know still asks for a huge array.
                problems.add(Diagnostic.error(pos, "font " + name + " cannot be used: the file is damaged or not a font",
                        "replace it with an intact TrueType (.ttf) or OpenType (.otf) file"));
            }
        }
        if (!problems.isEmpty()) throw new LastmileException(problems);
        return new Fonts(m, shaping);
    }

    /**
     * Where a missing Noto font can be had, as the end of a hint ({@code "; Noto Sans JP is in the npm package
     * @expo-google-fonts/noto-sans-jp (…)"}), or "" for a font of another name. Noto file names say their family
     * (NotoSansJP-Bold.ttf → Noto Sans JP), and the npm packages are named after the family.
     */
    public static String provider(String fileName) {
        String n = displayName(fileName);
        int dash = n.indexOf('-');
        String family = dash > 0 ? n.substring(0, dash) : n;
        String weight = dash > 0 ? n.substring(dash + 1) : "Regular";
        if (!family.matches("Noto(Sans|Serif|Naskh|Kufi|Nastaliq)[A-Za-z]*")) return "";
        String spaced = family.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
        String npm = "@expo-google-fonts/" + spaced.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        String npmFile = family + "_" + (weight.equals("Bold") ? "700Bold" : weight.equals("Regular") ? "400Regular"
                : weight) + ".ttf";
        boolean cjk = family.matches(".*(JP|SC|TC|KR|HK)");
        return "; " + spaced + " is in the npm package " + npm + " (as " + npmFile + ")"
                + (cjk ? "" : " and in the Debian package fonts-noto-core (/usr/share/fonts/truetype/noto/" + fileName + ")");
    }

    private static String reason(IOException e) {
        String m = e instanceof java.nio.file.FileSystemException f ? f.getReason() : e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** A letter of each script that needs shaping: a font with one of them keeps its bytes for shaping. */
    private static final List<Integer> SHAPED_SAMPLES = List.of(0x0627, 0x05D0, 0x0710, 0x0915, 0x0995, 0x0B95, 0x0E01,
            0x1000, 0x1780);

    /** Tables OpenPDF reads from every TrueType or OpenType font. */
    private static final List<String> REQUIRED_TABLES = List.of("cmap", "head", "hhea", "hmtx", "maxp");

    /**
     * What is wrong with the font file's table directory, or null when it looks sound. Checked before OpenPDF
     * parses the font: OpenPDF trusts every offset and length, so a truncated or garbled file makes it read past
     * the end or allocate gigabytes.
     */
    static String damage(byte[] b) {
        if (b.length < 12) return "the file is too short to be a font";
        int tag = u32(b, 0);
        if (tag == 0x74746366) return null; // 'ttcf': a collection, whose fonts OpenPDF checks one by one
        if (tag != 0x00010000 && tag != 0x4F54544F && tag != 0x74727565) { // 1.0, 'OTTO', 'true'
            return "it is not a TrueType or OpenType font";
        }
        int tables = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
        if (tables == 0 || tables > 200 || 12 + 16L * tables > b.length) return "its table directory is damaged";
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < tables; i++) {
            int rec = 12 + 16 * i;
            String name = new String(b, rec, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            long offset = u32(b, rec + 8) & 0xffffffffL;
            long length = u32(b, rec + 12) & 0xffffffffL;
            if (offset + length > b.length) {
                return "it is truncated or damaged (its '" + name.strip() + "' table ends past the end of the file)";
            }
            names.add(name);
            if (name.equals("cmap") && !cmapSound(b, (int) offset, (int) length)) {
                return "it is damaged (its character map is broken)";
            }
        }
        for (String t : REQUIRED_TABLES) {
            if (!names.contains(t)) return "it is damaged (its '" + t + "' table is missing)";
        }
        return null;
    }

    /**
     * Whether the segmented maps (formats 12 and 13) of a cmap table stay within Unicode and within the table:
     * OpenPDF fills a map entry for every code point of every range, so one garbled range means billions of entries.
     */
    private static boolean cmapSound(byte[] b, int at, int length) {
        if (length < 4) return false;
        int count = ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
        if (4 + 8L * count > length) return false;
        for (int i = 0; i < count; i++) {
            long sub = u32(b, at + 4 + 8 * i + 4) & 0xffffffffL;
            if (sub + 2 > length) return false;
            int s = at + (int) sub;
            int format = ((b[s] & 0xff) << 8) | (b[s + 1] & 0xff);
            if (format != 12 && format != 13) continue;
            if (sub + 16 > length) return false;
            long groups = u32(b, s + 12) & 0xffffffffL;
            if (sub + 16 + 12 * groups > length) return false;
            long covered = 0;
            for (long g = 0; g < groups; g++) {
                int gr = s + 16 + (int) (12 * g);
                long start = u32(b, gr) & 0xffffffffL;
                long end = u32(b, gr + 4) & 0xffffffffL;
                if (end < start || end > 0x10FFFF) return false;
                covered += end - start + 1;
                if (covered > 0x110000) return false;
            }
        }
        return true;
    }

    private static int u32(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** Whether {@code fileName} was loaded. */
    public boolean has(String fileName) {
        return byFile.containsKey(fileName);
    }

    /**
     * The loaded font for a file name.
     *
     * @throws IllegalArgumentException if that file was not loaded
     */
    public BaseFont font(String fileName) {
        BaseFont f = byFile.get(fileName);
        if (f == null) throw new IllegalArgumentException("font not loaded: " + fileName);
        return f;
    }

    /**
     * The advance width of {@code text} set in {@code fileName} at {@code size}, in points, without kerning: exactly
     * what {@code PdfContentByte.showText} advances (characters the font lacks are not shown and advance nothing).
     *
     * @throws IllegalArgumentException if that file was not loaded
     */
    public float width(String fileName, String text, float size) {
        Metrics m = metrics(fileName);
        org.lastmile.pdf.model.Shaped shaped = shape(fileName, text);
        if (shaped != null) return shaped.advance() * 0.001f * size;
        int units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += m.width(cp);
            i += Character.charCount(cp);
        }
        // The same arithmetic as BaseFont.getWidthPoint, so that layout and painter agree to the last bit.
        return units * 0.001f * size;
    }

    /**
     * The height of the font's ascender above the baseline at {@code size}, in points: the typographic ascender of the
     * OS/2 table ({@link BaseFont#ASCENT}), for CJK fonts the top of the ideographic em box.
     */
    public float ascent(String fileName, float size) {
        return metrics(fileName).ascent * size;
    }

    /**
     * The depth of the font's descender at {@code size}, in points: negative, below the baseline (the OS/2 typographic
     * descender; for CJK fonts the bottom of the ideographic em box, so ascent − descent is one em).
     */
    public float descent(String fileName, float size) {
        return metrics(fileName).descent * size;
    }

    private Metrics metrics(String fileName) {
        Metrics m = metrics.get(fileName);
        if (m == null) throw new IllegalArgumentException("font not loaded: " + fileName);
        return m;
    }

    /**
     * The text shaped by the font's OpenType tables when it has letters of a script that needs shaping and the font
     * can shape them; null otherwise (the text is painted from its characters).
     */
    @Override
    public org.lastmile.pdf.model.Shaped shape(String fileName, String text) {
        if (!OpenTypeShaping.needsShaping(text)) return null;
        OpenTypeShaping s = shaping.get(fileName);
        return s == null ? null : s.shape(text);
    }

    /** The font that writes the invisible letters over shaped text set in {@code fileName} (see {@link ShapedText}). */
    BaseFont letters(String fileName) {
        OpenTypeShaping s = shaping.get(fileName);
        if (s == null) throw new IllegalArgumentException("font has no shaping: " + fileName);
        return s.letters();
    }

    /** Whether the font has a glyph for the code point (its cmap maps it). */
    public boolean hasGlyph(String fileName, int codePoint) {
        // Asked for every character of every guide (glyph checks, font fallback): answered from the metrics' cache,
        // as OpenPDF's cmap lookup boxes the code point into a map key each time.
        Metrics m = metrics.get(fileName);
        return m != null && m.hasGlyph(codePoint);
    }

    /**
     * The font file that sets {@code codePoint} in this style, judged by the character's own script only (characters
     * of no particular script get the "default" family; in running text they follow their neighbours instead).
     */
    public String fontFor(PdfStyle style, int codePoint, boolean bold, boolean italic) {
        int sc = UScript.getScript(codePoint);
        return style.family(UScript.getName(sc)).face(bold, italic);
    }

    /** The name a user knows a font by: the file name without extension ({@code NotoSans-Regular}). */
    public static String displayName(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String n = fileName.substring(slash + 1);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /**
     * Seeds this thread's subset-prefix generator; called at the start of every document so that the
     * {@code ABCDEF+} prefixes of its fonts depend only on {@code seed} (derive it from the content).
     */
    static void startDocument(long seed) {
        PREFIX_RANDOM.set(new Random(seed));
    }

    /**
     * One font's vertical metrics and a cache of advance widths by code point, in thousandths of an em (what
     * {@link BaseFont#getWidth(int)} returns), stored plus one so that 0 means "not measured yet". The cache is in
     * pages of 256 code points, allocated when first used. Threads of a parallel build share it without locks: every
     * thread computes the same value for a slot, a slot or page written twice loses nothing, and a page another
     * thread has not yet seen filled reads as zeros, i.e. "measure again".
     */
    private static final class Metrics {
        private final BaseFont font;
        private final int[][] pages = new int[(Character.MAX_CODE_POINT + 1) >> 8][];
        /** Whether the font has a glyph, by code point, in pages as the widths: 0 not asked yet, 1 no, 2 yes. */
        private final byte[][] glyphPages = new byte[(Character.MAX_CODE_POINT + 1) >> 8][];
        final float ascent;
        final float descent;

        Metrics(BaseFont font) {
            this.font = font;
            this.ascent = font.getFontDescriptor(BaseFont.ASCENT, 1f);
            float d = font.getFontDescriptor(BaseFont.DESCENT, 1f);
            this.descent = d > 0 ? -d : d;
        }

        boolean hasGlyph(int cp) {
            if (cp < 0 || cp > Character.MAX_CODE_POINT) return font.charExists(cp);
            byte[] page = glyphPages[cp >> 8];
            if (page == null) {
                page = new byte[256];
                glyphPages[cp >> 8] = page;
            }
            byte known = page[cp & 0xff];
            if (known == 0) {
                known = font.charExists(cp) ? (byte) 2 : (byte) 1;
                page[cp & 0xff] = known;
            }
            return known == 2;
        }

        int width(int cp) {
            int[] page = pages[cp >> 8];
            if (page == null) {
                page = new int[256];
                pages[cp >> 8] = page;
            }
            int w = page[cp & 0xff];
            if (w == 0) {
                w = font.getWidth(cp) + 1;
                page[cp & 0xff] = w;
            }
            return w - 1;
        }
    }

    /** A SecureRandom whose only used method, nextDouble, reads the calling thread's seeded generator. */
    private static final class ThreadSeededRandom extends SecureRandom {
        @Override
        public double nextDouble() {
            return PREFIX_RANDOM.get().nextDouble();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            PREFIX_RANDOM.get().nextBytes(bytes);
        }
    }
}
