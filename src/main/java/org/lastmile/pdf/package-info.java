/**
 * The PDF typesetting engine: four-page community guides, their print booklets, and whole briefing papers, set with
 * OpenPDF directly from the Markdown syntax tree.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * PdfStyle style = PdfStyle.defaults().withOrganisation("Last Mile Collective", logoBytes, "CC BY 4.0");
 * Fonts fonts = Fonts.load(style, FontSource.directory(siteFonts).orElse(FontSource.classpath())); // once per build
 * GuideSpec spec = GuideSpec.builder().source(path).bodyLineOffset(n).language("ru").body(markdown.parse(body))
 *         .title(…).summary(…).seriesLabel(…).paperUrl(…)…build();
 * RenderResult r = GuideRenderer.render(spec, style, fonts);     // exactly 4 pages, or diagnostics
 * byte[] booklet = Booklet.impose(r.orThrow());                    // 4|1 and 2|3 on A3 / Tabloid
 * RenderResult paper = PaperPdfRenderer.render(paperSpec, style, fonts);
 * }</pre>
 *
 * <h2>What the pages get</h2>
 * <ul>
 *   <li>Per-script font runs ({@link org.lastmile.pdf.Typesetter}): ICU {@code UScript} decides the font of each
 *   character from the style's mapping; punctuation, digits and spaces follow their neighbours (full-width Chinese
 *   punctuation from the CJK font, French guillemets from Noto Sans). Every character is checked against its font
 *   before layout; a miss is an error with file, line, code point and name — never a blank or a box.</li>
 *   <li>Line breaking by ICU's UAX #14 iterator for the language ({@link org.lastmile.pdf.LineBreaker}, also the
 *   {@code SplitCharacter} of every chunk), composed by total fit ({@link org.lastmile.pdf.LineComposer}); no
 *   letter-spacing of Latin or Cyrillic; the last line of a paragraph at natural spacing.</li>
 *   <li>Layout ({@link org.lastmile.pdf.Flow}): headings kept with what follows, no orphans or widows, tables
 *   breaking between rows with repeated header, callout boxes, images, endnotes. Running text in one column of about
 *   40 ems (75–80 characters of Latin text) beside a start-side rail that headings, tables and boxes extend into.
 *   The body type steps down by 0.25 pt to the floor until it fits pages 2–3 (then uses the whole text block); a
 *   short body grows up to 12 pt and is balanced over pages 2–3 at a section heading so page 3 is never blank.</li>
 *   <li>Every font embedded and subset; metadata, {@code /Lang}, bookmarks, internal and external links.</li>
 *   <li>Reproducible bytes: dates from the spec, document ID from the content, subset prefixes seeded per document.
 *   No clock is read.</li>
 * </ul>
 *
 * <p>Direction is a property of the language ({@link org.lastmile.pdf.Direction}): columns, markers, boxes, cover
 * and booklet order mirror for right-to-left languages.
 */
package org.lastmile.pdf;
