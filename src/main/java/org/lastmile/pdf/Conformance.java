package org.lastmile.pdf;

import org.lastmile.text.Xml;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What a PDF claims to conform to, and what the claim needs beyond the tags: XMP metadata matching the document
 * information dictionary, with {@code pdfuaid:part 1} (PDF/UA-1, ISO 14289-1) and {@code pdfaid:part 2,
 * conformance A} (PDF/A-2a, ISO 19005-2) — the PDF/UA identification schema declared as a PDF/A extension schema, as
 * PDF/A requires for any schema it does not predefine — and an sRGB output intent (the colour of every box is
 * sRGB). The profile is Debian's {@code icc-profiles-free} sRGB.icc (zlib licence, see the README beside it).
 */
final class Conformance {
    /** The PDF/A part and conformance level every tagged PDF claims. */
    static final String PDFA = "2A";
    private static final String ICC = "/lastmile/icc/sRGB.icc";
    private static final String SRGB = "sRGB IEC61966-2.1";

    private Conformance() {
    }

    /** Adds the XMP metadata and the output intent; after {@code document.open()} and {@link PdfFiles#afterOpen}. */
    static void declare(PdfWriter w, DocumentInfo info) {
        PdfObject producer = w.getInfo().get(PdfName.PRODUCER);
        String p = producer instanceof PdfString s ? s.toUnicodeString() : "";
        w.setXmpMetadata(xmp(info, p).getBytes(StandardCharsets.UTF_8));
        try {
            outputIntent(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void outputIntent(PdfWriter w) throws IOException {
        byte[] icc;
        try (InputStream in = Conformance.class.getResourceAsStream(ICC)) {
            if (in == null) throw new IllegalStateException("the sRGB profile is missing from the jar: " + ICC);
            icc = in.readAllBytes();
        }
        PdfStream profile = new PdfStream(icc);
        profile.put(PdfName.N, new PdfNumber(3));
        profile.flateCompress();
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, PdfName.GTS_PDFA1);
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString(SRGB));
        intent.put(PdfName.INFO, new PdfString(SRGB));
        intent.put(PdfName.DESTOUTPUTPROFILE, w.addToBody(profile).getIndirectReference());
        PdfArray intents = new PdfArray();
        intents.add(intent);
        w.getExtraCatalog().put(PdfName.OUTPUTINTENTS, intents);
    }

    /** The XMP packet: Dublin Core and PDF properties equal to the information dictionary, and the two claims. */
    static String xmp(DocumentInfo info, String producer) {
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
                .format(info.timestamp().atOffset(ZoneOffset.UTC));
        StringBuilder b = new StringBuilder();
        b.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
                .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
                .append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
                .append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
                .append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
                .append(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n")
                .append("<dc:format>application/pdf</dc:format>\n");
        if (!info.title().isBlank()) {
            b.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(Xml.escape(info.title()))
                    .append("</rdf:li></rdf:Alt></dc:title>\n");
        }
        if (!info.author().isBlank()) {
            b.append("<dc:creator><rdf:Seq><rdf:li>").append(Xml.escape(info.author())).append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        if (!info.subject().isBlank()) {
            b.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(Xml.escape(info.subject()))
                    .append("</rdf:li></rdf:Alt></dc:description>\n");
        }
        if (!info.language().isBlank()) {
            b.append("<dc:language><rdf:Bag><rdf:li>").append(Xml.escape(info.language())).append("</rdf:li></rdf:Bag></dc:language>\n");
        }
        if (!info.keywords().isEmpty()) {
            b.append("<pdf:Keywords>").append(Xml.escape(String.join(", ", info.keywords()))).append("</pdf:Keywords>\n");
        }
        if (!producer.isBlank()) b.append("<pdf:Producer>").append(Xml.escape(producer)).append("</pdf:Producer>\n");
        b.append("<xmp:CreatorTool>lastmile</xmp:CreatorTool>\n")
                .append("<xmp:CreateDate>").append(date).append("</xmp:CreateDate>\n")
                .append("<xmp:ModifyDate>").append(date).append("</xmp:ModifyDate>\n")
                .append("<xmp:MetadataDate>").append(date).append("</xmp:MetadataDate>\n")
                .append("<pdfaid:part>").append(PDFA.charAt(0)).append("</pdfaid:part>\n")
                .append("<pdfaid:conformance>").append(PDFA.substring(1)).append("</pdfaid:conformance>\n")
                .append("<pdfuaid:part>1</pdfuaid:part>\n")
                .append("</rdf:Description>\n")
                // PDF/A-2 accepts properties of schemas it does not define only with their description here.
                .append("<rdf:Description rdf:about=\"\"")
                .append(" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
                .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n")
                .append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
                .append("<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n")
                .append("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n")
                .append("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n")
                .append("<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n")
                .append("<pdfaProperty:name>part</pdfaProperty:name>\n")
                .append("<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n")
                .append("<pdfaProperty:category>internal</pdfaProperty:category>\n")
                .append("<pdfaProperty:description>Indicates which part of ISO 14289 standard is followed</pdfaProperty:description>\n")
                .append("</rdf:li></rdf:Seq></pdfaSchema:property>\n")
                .append("</rdf:li></rdf:Bag></pdfaExtension:schemas>\n")
                .append("</rdf:Description>\n")
                .append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return b.toString();
    }
}
