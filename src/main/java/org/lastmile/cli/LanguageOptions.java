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
        for (String l : values) {
            if (Language.canonicalCode(l).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--lang " + l + ": not a language code — use BCP 47 codes such as fr,zh,pt-BR");
            }
        }
        codes = List.copyOf(values);
    }

    List<String> codes() {
        return codes;
    }
}
