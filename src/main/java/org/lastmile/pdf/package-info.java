/**
 * The PDF engine: four-page community guides, their print booklets, and whole briefing papers.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * PdfStyle style = PdfStyle.defaults().withOrganisation("Last Mile Collective", logoBytes, "CC BY 4.0");
 * Fonts fonts = Fonts.load(style, FontSource.directory(siteFonts));   // once per build
 * Hyphenation hyphenation = Hyphenation.builtIn();                       // once per build
 * GuideSpec spec = GuideSpec.builder().source(path).language("ru").body(markdown.parse(body))…build();
 * RenderResult r = GuideRenderer.render(spec, style, fonts, hyphenation); // exactly 4 pages, or diagnostics
 * byte[] booklet = Booklet.impose(r.orThrow(), spec.direction());         // 4|1 and 2|3 on A3 / Tabloid
 * }</pre>
 *
 * <h2>Layout apart from painting</h2>
 * Layout ({@link org.lastmile.pdf.layout}) turns the Markdown tree into a {@link org.lastmile.pdf.model.LaidOut}:
 * pages of placed boxes carrying their structure, with no OpenPDF type in sight — font runs by script
 * ({@link org.lastmile.pdf.layout.Shaper}), paragraphs broken by total fit with hyphenation
 * ({@link org.lastmile.pdf.layout.Paragraph}), the vertical list and its page rules
 * ({@link org.lastmile.pdf.layout.Flow}), and the layout ladder of guides
 * ({@link org.lastmile.pdf.layout.GuideLayout}) or the frame of papers ({@link org.lastmile.pdf.layout.PaperLayout}).
 * One {@link org.lastmile.pdf.Painter} writes the model with OpenPDF: metadata, {@code /Lang}, bookmarks, links,
 * subset fonts, artifacts, reproducible bytes (no clock is read). {@link org.lastmile.pdf.Tagging} turns the boxes'
 * structure into a tagged PDF and {@link org.lastmile.pdf.Conformance} adds what PDF/UA-1 and PDF/A-2a ask beyond it
 * (XMP, output intent); a bleed ({@link org.lastmile.pdf.PdfStyle.Print}) grows the pages for print.
 *
 * <p>Direction is a property of the language ({@link org.lastmile.pdf.Direction}): columns, markers, boxes, cover
 * and booklet order mirror for right-to-left languages.
 */
package org.lastmile.pdf;
