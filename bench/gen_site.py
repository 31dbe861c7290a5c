#!/usr/bin/env python3
"""Writes a synthetic publication twice: as a lastmile site and as the same content as a Hugo site.

N briefing papers (about 3,250 words) each with a community guide (about 1,050 words) in en, fr, es, ru and zh,
10 % of translations missing, tags written in each language's own words, a few standalone pages. The text is
drawn from the most frequent words of the sample publication (bench/vocab/), so word lengths and scripts are
realistic. The output depends only on the arguments: the same command writes byte-identical files.

    python3 bench/gen_site.py --papers 500 --out /tmp/bench-500 [--pdf] [--seed 1]

writes /tmp/bench-500/lastmile/ (site.yaml, content/) and /tmp/bench-500/hugo/ (hugo.toml, content/, layouts/).
"""
import argparse
import datetime
import os
import random
import shutil

LANGS = ["en", "fr", "es", "ru", "zh"]
NAMES = {"en": "English", "fr": "Français", "es": "Español", "ru": "Русский", "zh": "中文"}
MISSING = 0.10
PAPER_WORDS = 3030  # body words counted by the generator; with markup, about 3,250 by wc -w
GUIDE_WORDS = 900  # about 1,050 by wc -w
HERE = os.path.dirname(os.path.abspath(__file__))


def vocab(lang):
    with open(os.path.join(HERE, "vocab", lang + ".txt"), encoding="utf-8") as f:
        return [w for w in f.read().split("\n") if w and not w.startswith("#")]


class Writer:
    """Text in one language from one random stream: words with a Zipf-like frequency, sentences, paragraphs."""

    def __init__(self, rng, lang):
        self.rng, self.lang, self.words = rng, lang, vocab(lang)
        self.cjk = lang == "zh"

    def word(self):
        # Squaring a uniform number favours the frequent words at the top of the list, as real text does.
        return self.words[int(len(self.words) * self.rng.random() ** 2.2)]

    def phrase(self, n):
        ws = [self.word() for _ in range(n)]
        return "".join(ws) if self.cjk else " ".join(ws)

    def sentence(self, n):
        """A sentence of n words (CJK: n two-character words), ends with its full stop."""
        if self.cjk:
            parts = [self.phrase(self.rng.randint(3, 7)) for _ in range(max(1, n // 5))]
            return "，".join(parts) + "。"
        s = self.phrase(n)
        if n > 10 and self.rng.random() < 0.4:
            cut = s.find(" ", len(s) // 2)
            if cut > 0:
                s = s[:cut] + "," + s[cut:]
        return s[0].upper() + s[1:] + "."

    def title(self, n):
        s = self.phrase(n)
        return s if self.cjk else s[0].upper() + s[1:]

    def join(self, sentences):
        return "".join(sentences) if self.cjk else " ".join(sentences)


def paragraph(w, target):
    """About `target` words of sentences, with some inline markup: emphasis, bold, inline code."""
    out, n = [], 0
    while n < target:
        k = w.rng.randint(8, 22)
        s = w.sentence(k)
        r = w.rng.random()
        if r < 0.08 and not w.cjk:
            words = s.split(" ")
            i = w.rng.randrange(len(words) - 1)
            words[i] = "*" + words[i].rstrip(",.") + "*" + ("," if words[i].endswith(",") else "")
            s = " ".join(words)
        elif r < 0.12 and not w.cjk:
            words = s.split(" ")
            i = w.rng.randrange(len(words) - 1)
            words[i] = "**" + words[i].rstrip(",.") + "**" + ("," if words[i].endswith(",") else "")
            s = " ".join(words)
        out.append(s)
        n += k
    return w.join(out), n


class Link:
    """A link to another paper, written per tool: lastmile resolves content links, Hugo passes them through."""

    def __init__(self, text, slug, from_guide):
        self.text, self.slug, self.from_guide = text, slug, from_guide

    def render(self, tool):
        if tool == "hugo" and self.from_guide:
            return "[%s](../../%s/)" % (self.text, self.slug)
        return "[%s](../%s/)" % (self.text, self.slug)


def body(w, target, slugs, own_slug, guide, footnote_id):
    """A paper or guide body as a list of str and Link parts, about `target` words."""
    parts, n = [], 0
    rng = w.rng
    # Intro with a link to the paper (guides) or the guide (papers).
    text, k = paragraph(w, rng.randint(60, 110))
    parts.append(text + " ")
    parts.append(("[%s](./)" if guide else "[%s](guide/)") % w.phrase(3))
    parts.append(("。" if w.cjk else ".") + "\n\n")
    n += k
    if guide:
        parts.append("## " + w.title(2) + "\n\n")
        for _ in range(5):
            k = rng.randint(10, 20)
            parts.append("- " + w.sentence(k) + "\n")
            n += k
        parts.append("\n")
    section = 0
    links_left, urls_left, note_done, quote_done, table_done = 2, 2, False, False, guide or rng.random() > 0.33
    while n < target:
        section += 1
        parts.append("## " + w.title(rng.randint(2, 4)) + "\n\n")
        for p in range(rng.randint(2, 4)):
            if n >= target:
                break
            if not guide and p == 2 and rng.random() < 0.5:
                parts.append("### " + w.title(rng.randint(2, 3)) + "\n\n")
            text, k = paragraph(w, rng.randint(70, 140))
            n += k
            parts.append(text)
            if links_left and rng.random() < 0.3:
                other = slugs[rng.randrange(len(slugs))]
                if other != own_slug:
                    parts.append(" ")
                    parts.append(Link(w.phrase(rng.randint(2, 4)), other, guide))
                    parts.append("。" if w.cjk else ".")
                    links_left -= 1
            if urls_left and rng.random() < 0.25:
                # A bare URL: what the autolink extension finds in running text.
                parts.append(" https://www.example.org/reports/%d/%s-%d" % (2015 + section, w.word() if not w.cjk else "zh", rng.randint(1, 999)))
                parts.append("。" if w.cjk else " .")
                urls_left -= 1
            if not note_done and rng.random() < 0.2:
                parts.append("[^%s]" % footnote_id)
                note_done = True
            parts.append("\n\n")
        r = rng.random()
        if r < 0.35:
            for _ in range(rng.randint(3, 6)):
                k = rng.randint(8, 18)
                parts.append("- " + w.sentence(k) + "\n")
                n += k
            parts.append("\n")
        elif r < 0.5 and not quote_done:
            parts.append("> " + w.sentence(rng.randint(14, 24)) + "\n\n")
            quote_done = True
        elif r < 0.6 and not table_done:
            cols = 3
            parts.append("| " + " | ".join(w.title(1) for _ in range(cols)) + " |\n")
            parts.append("|" + "---|" * cols + "\n")
            for _ in range(rng.randint(3, 6)):
                parts.append("| " + " | ".join(w.phrase(rng.randint(1, 3)) for _ in range(cols)) + " |\n")
            parts.append("\n")
            table_done = True
    if note_done:
        parts.append("[^%s]: %s\n" % (footnote_id, w.sentence(rng.randint(8, 14))))
    return parts


def render_parts(parts, tool):
    return "".join(p if isinstance(p, str) else p.render(tool) for p in parts)


def yaml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def front(fields):
    lines = ["---"]
    for k, v in fields:
        if v is None:
            continue
        if isinstance(v, list):
            lines.append("%s: [%s]" % (k, ", ".join(yaml_str(x) for x in v)))
        elif isinstance(v, (int, bool)) and not isinstance(v, str):
            lines.append("%s: %s" % (k, str(v).lower() if isinstance(v, bool) else v))
        else:
            lines.append("%s: %s" % (k, v if k == "date" else yaml_str(v)))
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def suffix(lang):
    return "" if lang == "en" else "." + lang


def generate(papers, out, pdf, seed):
    rng = random.Random("lastmile-bench-%d" % seed)
    lm, hg = os.path.join(out, "lastmile"), os.path.join(out, "hugo")
    for d in (lm, hg):
        if os.path.exists(d):
            shutil.rmtree(d)
    # Tags: one pool of ids, named in each language's own words.
    tag_rng = random.Random("lastmile-bench-tags-%d" % seed)
    tag_names = {}
    for lang in LANGS:
        w = Writer(tag_rng, lang)
        names = []
        while len(names) < 40:
            t = w.phrase(2)
            if t not in names:
                names.append(t)
        tag_names[lang] = names
    en = Writer(rng, "en")
    slugs = []
    for i in range(papers):
        base = "-".join(en.word() for _ in range(3)).replace("’", "").replace("'", "")
        slugs.append("%s-%04d" % (base, i + 1))
    start = datetime.date(2012, 1, 1)
    stats = {"files": 0, "words": 0}
    for i, slug in enumerate(slugs):
        date = (start + datetime.timedelta(days=(i * 5 + rng.randint(0, 4)))).isoformat()
        tags = sorted(rng.sample(range(40), rng.randint(2, 4)))
        for kind in ("index", "guide"):
            for lang in LANGS:
                if lang != "en" and rng.random() < MISSING:
                    continue
                w = Writer(rng, lang)
                title = w.title(rng.randint(4, 8))
                summary = w.sentence(rng.randint(20, 32))
                parts = body(w, PAPER_WORDS if kind == "index" else GUIDE_WORDS, slugs, slug, kind == "guide", "n%d" % i)
                ltags = [tag_names[lang][t] for t in tags]
                if kind == "index":
                    lm_fm = [("title", title), ("date", date if lang == "en" else None), ("summary", summary),
                             ("tags", ltags), ("authors", ["Last Mile Collective"] if lang == "en" else None)]
                    hg_fm = [("title", title), ("date", date), ("summary", summary), ("tags", ltags),
                             ("authors", ["Last Mile Collective"])]
                    write(os.path.join(lm, "content/papers", slug, "index%s.md" % suffix(lang)), front(lm_fm) + render_parts(parts, "lastmile"))
                    write(os.path.join(hg, "content/papers", slug, "index%s.md" % suffix(lang)), front(hg_fm) + render_parts(parts, "hugo"))
                else:
                    short = w.title(3)
                    lm_fm = [("title", title), ("summary", summary), ("short_title", short)]
                    hg_fm = [("title", title), ("date", date), ("summary", summary), ("slug", slug)]
                    write(os.path.join(lm, "content/papers", slug, "guide%s.md" % suffix(lang)), front(lm_fm) + render_parts(parts, "lastmile"))
                    hugo_body = render_parts(parts, "hugo").replace("](./)", "](../)", 1)
                    write(os.path.join(hg, "content/guides", "%s%s.md" % (slug, suffix(lang))), front(hg_fm) + hugo_body)
                stats["files"] += 1
    for p in range(5 + papers // 100):
        slug = "page-%02d" % (p + 1)
        for lang in LANGS:
            if lang != "en" and rng.random() < MISSING:
                continue
            w = Writer(rng, lang)
            title = w.title(rng.randint(2, 4))
            parts = body(w, 600, slugs, "", False, "p%d" % p)
            text = render_parts(parts, "lastmile").replace("](../", "](../papers/")
            text = text.replace("](guide/)", "](../papers/%s/)" % slugs[p % len(slugs)], 1)
            write(os.path.join(lm, "content/pages", "%s%s.md" % (slug, suffix(lang))),
                  front([("title", title), ("weight", p + 1 if lang == "en" else None)]) + text)
            write(os.path.join(hg, "content/pages", "%s%s.md" % (slug, suffix(lang))),
                  front([("title", title), ("slug", slug), ("weight", p + 1)]) + text)
    write_lastmile_config(lm, pdf)
    write_hugo_site(hg)
    return stats


def write_lastmile_config(lm, pdf):
    write(os.path.join(lm, "site.yaml"), """# Synthetic publication of the lastmile benchmark (bench/gen_site.py); do not edit.
title:
  en: "Bench Collective"
  zh: "基准联盟"
description:
  en: "A synthetic publication for timing builds."
base_url: "https://bench.example.org"
default_language: en
languages:
  - code: en
  - code: fr
  - code: es
  - code: ru
  - code: zh
    locale: zh-Hans-CN
organisation:
  name: "Bench Collective"
  url: "https://bench.example.org"
  licence: "CC BY-NC 4.0"
pdf:
  guides: %s
  papers: false
""" % ("true" if pdf else "false"))


HUGO_CONFIG = """# Synthetic publication of the lastmile benchmark (bench/gen_site.py); do not edit.
baseURL = "https://bench.example.org/"
title = "Bench Collective"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
enableRobotsTXT = true
disableKinds = []

[taxonomies]
  tag = "tags"

[permalinks]
  papers = "/papers/:slug/"
  guides = "/papers/:slug/guide/"
  pages = "/:slug/"

[markup.goldmark.extensions]
  linkify = true
  table = true
  strikethrough = true
  footnote = true
[markup.tableOfContents]
  startLevel = 2
  endLevel = 3

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[languages]
%s
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
{{ with .Summary }}<meta name="description" content="{{ . | plainify }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
<meta property="og:site_name" content="{{ site.Title }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<link rel="stylesheet" href="/css/site.css">
</head>
<body>
<header>
  <a class="site-title" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
  {{ if .IsTranslated }}<nav class="lang-switcher"><ul>
  {{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>
  {{ end }}</ul></nav>{{ end }}
  <nav class="site-menu"><ul>
    <li><a href="{{ site.Home.RelPermalink }}">{{ i18n "home" }}</a></li>
    {{ range site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>
    {{ end }}<li><a href="{{ "tags/" | relLangURL }}">{{ i18n "tags" }}</a></li>
  </ul></nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer><p>Bench Collective · CC BY-NC 4.0</p></footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ if not .Date.IsZero }}<p class="date"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>{{ end }}
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ if eq .Section "papers" }}<p><a href="{{ .RelPermalink }}guide/">{{ i18n "guide" }}</a></p>{{ end }}
{{ if eq .Section "guides" }}<p><a href="../">{{ i18n "paper" }}</a></p>{{ end }}
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="list">
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date | time.Format ":date_long" }}</time></li>
{{ end }}</ul>
{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}
<h1>{{ i18n "tags" }}</h1>
<ul class="tags">
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
""",
    "index.html": """{{ define "main" }}
<h1>{{ site.Title }}</h1>
<ul class="papers">
{{ range (where site.RegularPages "Section" "papers").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time><p>{{ .Params.summary }}</p></li>
{{ end }}</ul>
{{ end }}
""",
    "404.html": """{{ define "main" }}<h1>404</h1><p><a href="{{ site.Home.RelPermalink }}">{{ i18n "home" }}</a></p>{{ end }}
""",
}

HUGO_I18N = {
    "en": ("Home", "Tags", "Community guide", "Briefing paper"),
    "fr": ("Accueil", "Thèmes", "Guide communautaire", "Note d’information"),
    "es": ("Inicio", "Temas", "Guía comunitaria", "Documento informativo"),
    "ru": ("Главная", "Темы", "Руководство для сообществ", "Справочная записка"),
    "zh": ("首页", "标签", "社区指南", "简报"),
}


def write_hugo_site(hg):
    langs = []
    for i, lang in enumerate(LANGS):
        langs.append('  [languages.%s]\n    languageName = "%s"\n    weight = %d' % (lang, NAMES[lang], i + 1))
    write(os.path.join(hg, "hugo.toml"), HUGO_CONFIG % "\n".join(langs))
    for path, text in HUGO_LAYOUTS.items():
        write(os.path.join(hg, "layouts", path), text)
    for lang, (home, tags, guide, paper) in HUGO_I18N.items():
        write(os.path.join(hg, "i18n", lang + ".toml"),
              'home = "%s"\ntags = "%s"\nguide = "%s"\npaper = "%s"\n' % (home, tags, guide, paper))
    write(os.path.join(hg, "static/css/site.css"), "body { font-family: sans-serif; max-width: 40rem; margin: auto; }\n")
    # Pages join the main menu, as lastmile's pages do.
    for root, _, files in os.walk(os.path.join(hg, "content/pages")):
        for f in sorted(files):
            p = os.path.join(root, f)
            with open(p, encoding="utf-8") as fh:
                text = fh.read()
            write(p, text.replace("---\n", "---\nmenu: main\n", 1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--papers", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pdf", action="store_true", help="turn on guide PDFs in the lastmile site")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.papers < 1:
        ap.error("--papers must be at least 1")
    s = generate(a.papers, a.out, a.pdf, a.seed)
    print("wrote %d papers (%d content files per tool) into %s/lastmile and %s/hugo" % (a.papers, s["files"], a.out, a.out))


if __name__ == "__main__":
    main()
