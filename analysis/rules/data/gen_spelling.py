#!/usr/bin/env python3
"""Generates spelling_variants.inc: en-GB / en-US spelling pairs for the
spelling-variant rule.

Source: Debian's word lists `wbritish` (/usr/share/dict/british-english) and
`wamerican` (/usr/share/dict/american-english). A pair is a British-only word
and an American-only word that one of the regular spelling transformations
(-ise/-ize, -our/-or, -re/-er, -ogue/-og, -ence/-ense, -yse/-yze, doubled l,
ae/oe -> e) turns into each other. Words whose other form is a different common
word (metre/meter, tyre/tire, storey/story, cheque/check, ...) are left out,
and a curated core list adds pairs the lists cannot see because both forms
appear in both (travelled, modelling, catalogue) or that need context
(licence as a noun, programme when not a computer program).

Run: python3 gen_spelling.py > spelling_variants.inc   (output is sorted and
deterministic; commit the result).
"""
import sys

BRITISH = "/usr/share/dict/british-english"
AMERICAN = "/usr/share/dict/american-english"

# Flags (must match spelling_variant.cpp).
ALWAYS = 0          # either form is wrong in the other locale
US_NOUN_ONLY = 1    # the US form is right in en-GB except as a noun (license -> licence)
US_NON_COMPUTER = 2 # the US form is right in en-GB for a computer program

# Pairs both lists cannot separate, or that need context. Inflections are
# expanded below.
CORE = [
    ("optimise", "optimize"), ("organisation", "organization"), ("organise", "organize"),
    ("colour", "color"), ("centre", "center"), ("analyse", "analyze"),
    ("behaviour", "behavior"), ("modelling", "modeling"), ("modelled", "modeled"),
    ("travelled", "traveled"), ("travelling", "traveling"), ("traveller", "traveler"),
    ("catalogue", "catalog"), ("catalogued", "cataloged"), ("catalogues", "catalogs"),
    ("defence", "defense"), ("offence", "offense"), ("labelled", "labeled"),
    ("labelling", "labeling"), ("cancelled", "canceled"), ("cancelling", "canceling"),
    ("fuelled", "fueled"), ("levelled", "leveled"), ("signalling", "signaling"),
    ("counselling", "counseling"), ("enrolment", "enrollment"), ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"), ("enrol", "enroll"), ("skilful", "skillful"),
    ("ageing", "aging"), ("judgement", "judgment"), ("grey", "gray"),
    ("aluminium", "aluminum"), ("sceptical", "skeptical"), ("paediatric", "pediatric"),
    ("manoeuvre", "maneuver"), ("programmes", "programs"),
]
CONTEXT = [
    ("licence", "license", US_NOUN_ONLY), ("licences", "licenses", US_NOUN_ONLY),
    ("programme", "program", US_NON_COMPUTER), ("programmes", "programs", US_NON_COMPUTER),
]
# A US form that is another common word, or a pair that reads as a different
# word in context: never generated.
EXCLUDE_US = {
    "meter", "meters", "tire", "tires", "story", "stories", "check", "checks", "curb", "curbs",
    "draft", "drafts", "jail", "disk", "disks", "program", "programs", "license", "licenses",
    "practice", "practices", "dialog", "dialogs", "analog", "inquiry", "inquiries", "mold",
    "molds", "plow", "ax", "mom", "pajamas", "gage", "caliber", "specter", "liter", "liters",
    "theater", "theaters", "fiber", "fibers", "saber", "somber", "meager", "luster",
    "toward", "afterward", "program's", "prize", "prizes", "prized", "prizing",
}
EXCLUDE_GB = {"practise", "practised", "practising", "practises"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip() and w.strip().islower() and "'" not in w}


def candidates(w):
    """American spellings one transformation away from a British word."""
    out = set()
    for gb, us in (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
                   ("ising", "izing"), ("iser", "izer"), ("isers", "izers"), ("isational", "izational"),
                   ("yse", "yze"), ("ysed", "yzed"), ("yses", "yzes"), ("ysing", "yzing"),
                   ("ogue", "og"), ("ogues", "ogs"), ("ence", "ense"), ("ences", "enses")):
        for suffix in ("", "s"):
            if w.endswith(gb + suffix):
                out.add(w[: -len(gb + suffix)] + us + suffix)
    for gb, us in (("our", "or"), ("tre", "ter"), ("bre", "ber"), ("lled", "led"), ("lling", "ling"),
                   ("ller", "ler"), ("llers", "lers")):
        i = w.find(gb)
        while i >= 0:
            out.add(w[:i] + us + w[i + len(gb):])
            i = w.find(gb, i + 1)
    # ae/oe -> e only in the Greek-derived stems (haem-, paed-, oesoph-), not
    # in "snowshoed" or "mantoes".
    if not (w.endswith("oed") or w.endswith("oes") or w.endswith("aes")):
        for gb in ("ae", "oe"):
            i = w.find(gb)
            if i >= 0 and i + 2 < len(w) and w[i + 2] not in "aeiouy" and (i == 0 or w[i - 1] not in "aeiou"):
                out.add(w[:i] + "e" + w[i + 2:])
    return out


def main():
    gb_words, us_words = load(BRITISH), load(AMERICAN)
    gb_only, us_only = gb_words - us_words, us_words - gb_words
    pairs = {}
    for w in sorted(gb_only):
        if w in EXCLUDE_GB or len(w) < 4:
            continue
        for c in sorted(candidates(w)):
            if c in us_only and c not in EXCLUDE_US:
                pairs.setdefault(w, (c, ALWAYS))
                break
    for gb, us in CORE:
        pairs[gb] = (us, ALWAYS)
    for gb, us, flag in CONTEXT:
        pairs[gb] = (us, flag)
    # One US form maps back to one GB form: keep the first (alphabetical) pair.
    seen_us = {}
    for gb in sorted(pairs):
        us, flag = pairs[gb]
        seen_us.setdefault(us, gb)
    rows = [(gb, us, flag) for gb, (us, flag) in sorted(pairs.items()) if seen_us[us] == gb]
    w = sys.stdout.write
    w("// Generated by gen_spelling.py from Debian's wbritish/wamerican word lists\n")
    w("// plus a curated core list. Do not edit by hand: edit the script and rerun.\n")
    w("// {en-GB, en-US, flags}: 0 always, 1 US form flagged in en-GB only as a noun,\n")
    w("// 2 US form flagged in en-GB only outside computing.\n")
    for gb, us, flag in rows:
        w('{"%s", "%s", %d},\n' % (gb, us, flag))


if __name__ == "__main__":
    main()
