#!/usr/bin/python3
"""Makes the Japanese, Traditional Chinese and Korean subsets of the default theme (see fonts/README.md).

Usage: /usr/bin/python3 fonts/subset-cjk.py SRC_DIR OUT_DIR
SRC_DIR holds the static TTFs of the npm packages @expo-google-fonts/noto-sans-jp, -tc, -kr 0.4.3
(NotoSansJP_400Regular.ttf, NotoSansJP_700Bold.ttf, …). Needs Debian's python3-fonttools (4.38).
The character sets come from Python's own codecs, so the subsets are exactly the national standard sets:
JIS X 0208 (levels 1 and 2) for Japanese, Big5 for Traditional Chinese, KS X 1001 hanja plus every modern
Hangul syllable for Korean; plus kana, Bopomofo, CJK punctuation, full-width forms, Latin-1 and common symbols.
"""
import sys
from fontTools import subset

COMMON = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2150, 0x218F),
          (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF),
          (0x2600, 0x26FF), (0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF),
          (0x3200, 0x32FF), (0x3300, 0x33FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]


def ranges(rs):
    return {cp for a, b in rs for cp in range(a, b + 1)}


def double_byte(codec):
    """Every character the codec decodes from a two-byte sequence 0xA1A1–0xFEFE (the national standard's set)."""
    out = set()
    for hi in range(0x81, 0xFF):
        for lo in range(0x40, 0xFF):
            try:
                s = bytes([hi, lo]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1 and ord(s) > 0x7F:
                out.add(ord(s))
    return out


SETS = {
    # JIS X 0208 levels 1 and 2, plus the four Jōyō kanji (2010) outside it.
    "JP": double_byte("euc_jp") | {ord(c) for c in "𠮟塡剝頰"},
    # Big5 (levels 1 and 2, 13,053 hanzi) plus Bopomofo.
    "TC": double_byte("big5") | ranges([(0x3100, 0x312F), (0x31A0, 0x31BF)]),
    # KS X 1001 (hanja and symbols) plus all 11,172 modern syllables and the jamo.
    "KR": double_byte("euc_kr") | ranges([(0xAC00, 0xD7A3), (0x3130, 0x318F), (0x1100, 0x11FF)]),
}

src, out = sys.argv[1], sys.argv[2]
for lang, chars in SETS.items():
    chars = chars | ranges(COMMON)
    for weight, suffix in (("400Regular", "Regular"), ("700Bold", "Bold")):
        args = [f"{src}/NotoSans{lang}_{weight}.ttf", f"--output-file={out}/NotoSans{lang}-{suffix}.ttf",
                "--unicodes=" + ",".join("%04X" % c for c in sorted(chars)),
                "--layout-features=*", "--no-hinting", "--name-IDs=*", "--notdef-outline"]
        subset.main(args)
        print(lang, suffix, len(chars), "code points")
