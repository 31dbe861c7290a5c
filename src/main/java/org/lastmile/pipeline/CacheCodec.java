package org.lastmile.pipeline;

import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.Severity;
import org.lastmile.diag.SourcePos;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How cache entries write down what a render or a parse reported, so that a page or document served from the cache
 * reports it again: one format for the page and index levels, read back to equal diagnostics.
 */
final class CacheCodec {
    private CacheCodec() {
    }

    static void writeNotes(DataOutputStream out, List<Diagnostic> notes) throws IOException {
        out.writeInt(notes.size());
        for (Diagnostic x : notes) {
            out.writeUTF(x.severity().name());
            out.writeBoolean(x.pos() != null);
            if (x.pos() != null) {
                out.writeUTF(x.pos().path() == null ? "" : x.pos().path().toString());
                out.writeInt(x.pos().line());
                out.writeInt(x.pos().col());
            }
            out.writeUTF(x.message());
            writeOptional(out, x.hint());
        }
    }

    static List<Diagnostic> readNotes(DataInputStream in) throws IOException {
        List<Diagnostic> notes = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            Severity s = Severity.valueOf(in.readUTF());
            SourcePos pos = null;
            if (in.readBoolean()) {
                String p = in.readUTF();
                pos = new SourcePos(p.isEmpty() ? null : Path.of(p), in.readInt(), in.readInt());
            }
            String message = in.readUTF();
            notes.add(new Diagnostic(s, pos, message, readOptional(in)));
        }
        return notes;
    }

    static void writeOptional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
