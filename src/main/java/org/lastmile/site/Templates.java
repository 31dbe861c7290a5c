package org.lastmile.site;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.lastmile.config.Theme;
import org.lastmile.diag.Diagnostic;
import org.lastmile.diag.LastmileException;
import org.lastmile.diag.SourcePos;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The theme's FreeMarker templates: the site's {@code templates/} over the default theme in the jar. Configured once
 * per build; a template error becomes a diagnostic naming the template file and line.
 */
public final class Templates {
    private final Configuration cfg;
    private final Theme theme;

    public Templates(Theme theme) {
        this.theme = theme;
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        Path siteTemplates = theme.templateDirs().get(0);
        try {
            if (Files.isDirectory(siteTemplates)) loaders.add(new FileTemplateLoader(siteTemplates.toFile()));
        } catch (IOException e) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(siteTemplates), "cannot read templates: " + e.getMessage(), "check the folder"));
        }
        loaders.add(new ClassTemplateLoader(Templates.class, "/lastmile/theme/templates"));
        c.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setRecognizeStandardFileExtensions(true);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setNumberFormat("computer");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        // One Templates serves one build: never look at the template files again for changes (that costs per page).
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        this.cfg = c;
    }

    /** Renders {@code name} with {@code model}; template mistakes are thrown as diagnostics with file:line. */
    public String render(String name, Map<String, Object> model) {
        try {
            Template t = cfg.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (ParseException e) {
            throw new LastmileException(Diagnostic.error(pos(e.getTemplateName(), e.getLineNumber()),
                    "template syntax: " + firstLine(e.getEditorMessage()), "fix the template"));
        } catch (freemarker.core.InvalidReferenceException e) {
            throw new LastmileException(Diagnostic.error(pos(e.getTemplateSourceName(), e.getLineNumber() == null ? 0 : e.getLineNumber()),
                    "template error: '" + blamed(e) + "' is null or missing", "fix the template, or give the value a default with !\"\""));
        } catch (TemplateException e) {
            throw new LastmileException(Diagnostic.error(pos(e.getTemplateSourceName(), e.getLineNumber() == null ? 0 : e.getLineNumber()),
                    "template error: " + firstLine(e.getMessageWithoutStackTop()), "fix the template"));
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(Path.of("templates", name)), "template '" + name + "' not found",
                    "add templates/" + name + " or remove your override of the theme"));
        } catch (IOException e) {
            throw new LastmileException(Diagnostic.error(SourcePos.of(Path.of("templates", name)), "cannot read template: " + e.getMessage(), "check the file"));
        }
    }

    private SourcePos pos(String templateName, Integer line) {
        String name = templateName == null ? "?" : templateName;
        Path site = theme.templateDirs().get(0).resolve(name);
        Path shown = Files.isRegularFile(site) ? Path.of("templates", name) : Path.of("(default theme) templates", name);
        return SourcePos.of(shown, line == null ? 0 : line);
    }

    /** The expression FreeMarker found missing: the "==> page.subtitle" line of its message. */
    private static String blamed(freemarker.core.InvalidReferenceException e) {
        String m = e.getMessageWithoutStackTop();
        java.util.regex.Matcher x = java.util.regex.Pattern.compile("==>\\s*(.+?)\\s*(\\[in template|\\n|$)").matcher(m == null ? "" : m);
        return x.find() ? x.group(1).strip() : "a value";
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown problem";
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
