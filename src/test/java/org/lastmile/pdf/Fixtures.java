package org.lastmile.pdf;

import java.nio.file.Path;

/** Small guides written for the tests, in English, Russian and Chinese, of any length. */
final class Fixtures {
    private Fixtures() {
    }

    static final String EN_PARA = "Universal health coverage means that everyone can use the health services they "
            + "need without being pushed into poverty. For people who are criminalised or marginalised, that promise "
            + "is still far away: clinics ask for identity documents, staff judge and refuse, and police wait near "
            + "the door. Communities have shown again and again that services designed with them reach more people, "
            + "cost less and keep people in care.";

    static final String RU_PARA = "Всеобщий охват услугами здравоохранения означает, что каждый человек может "
            + "получить нужную помощь и не обеднеть из-за этого. Для людей, которых преследуют или вытесняют на "
            + "обочину общества, это обещание всё ещё далеко: в клиниках требуют документы, персонал осуждает и "
            + "отказывает, а полиция дежурит у дверей. Сообщества снова и снова доказывают, что услуги, созданные "
            + "вместе с ними, охватывают больше людей, стоят дешевле и удерживают людей в лечении.";

    static final String ZH_PARA = "全民健康覆盖意味着人人都能获得所需的卫生服务，而不会因此陷入贫困。对于被定罪或被边缘化的"
            + "人群来说，这一承诺仍然遥远：诊所要求出示身份证件，工作人员评判甚至拒绝服务，警察守在门口。社区一再证明，与他们"
            + "共同设计的服务能够覆盖更多的人（尤其是最难触及的人群），成本更低，并让人们坚持治疗。世界卫生组织（WHO）也指出："
            + "“没有社区参与，就没有真正的覆盖。”各国政府应当把社区主导的服务纳入基本福利包，并提供稳定的国内资金。";

    static final String AR_PARA = "تعني التغطية الصحية الشاملة أن يحصل كل شخص على الخدمات الصحية التي يحتاج إليها دون أن "
            + "يقع في الفقر بسببها. أما الأشخاص الذين يُجرَّمون أو يُهمَّشون، فما زال هذا الوعد بعيدًا عنهم: تطلب العيادات "
            + "وثائق الهوية، ويُصدر العاملون الأحكام أو يرفضون تقديم الخدمة، وتنتظر الشرطة قرب الباب. وقد أثبتت المجتمعات "
            + "مرارًا أن الخدمات المصمَّمة معها تصل إلى عدد أكبر من الناس، وتكلّف أقل، وتُبقي الناس في العلاج. ففي عام "
            + "2025 وحده، قدّمت 40 منظمة أكثر من 12000 استشارة وفق إرشادات WHO.";

    record Lang(String code, String title, String summary, String para, String keyPoints, String recs,
                String bullet1, String bullet2, String quote, String col1, String col2, String cell1, String cell2) {
    }

    static final Lang EN = new Lang("en", "Health Care Without Fear: A Community Guide",
            "What universal health coverage should mean for people who are criminalised, and what communities can ask for.",
            EN_PARA, "Key points", "Recommendations",
            "Services must be free at the point of use, with **no identity documents** required.",
            "Community-led organisations need *stable* public funding, not short project grants.",
            "Coverage on paper means nothing if someone is watching the clinic door.",
            "Service", "What to ask for", "Naloxone", "Available without prescription, for peers and families");

    static final Lang RU = new Lang("ru", "Помощь без страха: руководство для сообществ",
            "Что должен означать всеобщий охват услугами здравоохранения для людей, которых преследуют, и чего могут "
                    + "требовать сообщества.",
            RU_PARA, "Ключевые положения", "Рекомендации",
            "Услуги должны быть бесплатными в момент обращения, **без требования документов**.",
            "Организациям сообществ нужно *устойчивое* государственное финансирование, а не краткосрочные гранты.",
            "Охват на бумаге ничего не стоит, если кто-то следит за дверью клиники.",
            "Услуга", "Чего требовать", "Налоксон", "Отпуск без рецепта — для равных консультантов и родственников");

    static final Lang ZH = new Lang("zh", "无惧就医：社区指南",
            "全民健康覆盖对被定罪的人群应意味着什么，以及社区可以提出哪些诉求。",
            ZH_PARA, "要点", "建议",
            "服务必须在使用时免费，并且**无需出示身份证件**。",
            "社区主导的组织需要*稳定的*公共资金，而不是短期项目资助。",
            "如果有人守在诊所门口，纸面上的覆盖毫无意义。",
            "服务", "应提出的诉求", "纳洛酮", "无需处方，向同伴和家属发放");

    static final Lang AR = new Lang("ar", "رعاية صحية بلا خوف: دليل للمجتمعات",
            "ما الذي ينبغي أن تعنيه التغطية الصحية الشاملة للأشخاص المجرَّمين، وما الذي تستطيع المجتمعات المطالبة به.",
            AR_PARA, "النقاط الرئيسية", "التوصيات",
            "يجب أن تكون الخدمات مجانية عند تقديمها، **دون اشتراط وثائق الهوية**.",
            "تحتاج المنظمات التي يقودها المجتمع إلى تمويل عام *مستقر*، لا إلى منح قصيرة الأجل لمشاريع.",
            "لا قيمة للتغطية على الورق إذا كان أحدهم يراقب باب العيادة.",
            "الخدمة", "ما الذي نطالب به", "النالوكسون", "متاح دون وصفة طبية، للأقران والأسر");

    static Lang lang(String code) {
        return switch (code) {
            case "ar" -> AR;
            case "ru" -> RU;
            case "zh" -> ZH;
            default -> EN;
        };
    }

    /**
     * A guide with front matter: intro, key points, {@code sections} sections of {@code parasPerSection}
     * paragraphs, a table, a quote, recommendations with numbered lists, a footnote and a link.
     */
    static String guide(Lang l, int sections, int parasPerSection) {
        StringBuilder b = new StringBuilder();
        b.append("---\n");
        b.append("title: \"").append(l.title).append("\"\n");
        b.append("summary: \"").append(l.summary).append("\"\n");
        b.append("short_title: \"").append(l.title.split("[:：]")[0]).append("\"\n");
        b.append("---\n\n");
        b.append(l.para).append("[^1]\n\n");
        b.append("## ").append(l.keyPoints).append("\n\n");
        b.append("- ").append(l.bullet1).append("\n");
        b.append("- ").append(l.bullet2).append("\n");
        b.append("  - ").append(l.bullet1).append("\n");
        b.append("- ").append(l.bullet1).append("\n\n");
        for (int s = 1; s <= sections; s++) {
            b.append("## ").append(l.keyPoints).append(" ").append(s).append("\n\n");
            for (int p = 0; p < parasPerSection; p++) b.append(l.para).append("\n\n");
            if (s == 1) {
                b.append("| ").append(l.col1).append(" | ").append(l.col2).append(" |\n|---|---|\n");
                b.append("| ").append(l.cell1).append(" | ").append(l.cell2).append(" |\n");
                b.append("| ").append(l.cell1).append(" ~~2~~ | ").append(l.cell2).append(" |\n\n");
                b.append("> ").append(l.quote).append("\n\n");
            }
        }
        b.append("## ").append(l.recs).append("\n\n");
        b.append("### ").append(l.recs).append(" A\n\n");
        b.append("1. ").append(l.bullet1).append("\n2. ").append(l.bullet2).append("\n\n");
        b.append("### ").append(l.recs).append(" B\n\n");
        b.append("1. ").append(l.bullet2).append("\n2. ").append(l.bullet1).append("\n\n");
        b.append("[").append(l.title).append("](https://lastmile.example.org/").append(l.code)
                .append("/papers/x/)\n\n");
        b.append("[^1]: ").append(l.bullet2).append("\n");
        return b.toString();
    }

    static Path path(String code) {
        return Path.of("content/papers/x/" + (code.equals("en") ? "guide.md" : "guide." + code + ".md"));
    }

    static GuideSpec spec(String code, int sections, int paras) {
        return Samples.spec(path(code), guide(lang(code), sections, paras));
    }
}
