package org.lastmile.site;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import org.lastmile.i18n.Messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The templates' {@code t("key", {"count": n})}: a UI message in the page's language. */
final class Translate implements TemplateMethodModelEx {
    private final Messages messages;
    private final String lang;

    Translate(Messages messages, String lang) {
        this.messages = messages;
        this.lang = lang;
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.isEmpty()) throw new TemplateModelException("t() needs a message key, like t(\"home\")");
        String key = String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0)));
        if (arguments.size() < 2) return messages.format(lang, key);
        Map<String, Object> args = new LinkedHashMap<>();
        if (arguments.size() > 1 && DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(1)) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> args.put(String.valueOf(k), v));
        }
        return messages.format(lang, key, args);
    }
}
