package org.lastmile.cli;

import org.lastmile.config.Language;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --lang L,…}: the languages a command works on, shared by build, check and status. Codes are checked for
 * form when parsed (a usage error, exit 2); whether the site has them is the command's business.
 */
public final class LanguageOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private List<String> codes = new ArrayList<>();

    @Option(names = "--lang", split = ",", paramLabel = "L", description = "Only these languages (comma-separated BCP 47 codes).")
    void setCodes(List<String> values) {
        List<String> canonical = new ArrayList<>();
        for (String l : values) {
            // pt-br and PT-BR mean pt-BR: every comparison downstream is on the canonical form.
            canonical.add(Language.canonicalCode(l).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--lang " + l + ": not a language code — use BCP 47 codes such as fr,zh,pt-BR")));
        }
        codes = List.copyOf(canonical);
    }

    List<String> codes() {
        return codes;
    }
}
