#!/usr/bin/env python3
"""Writes assets/text/verbs.tsv: English verb lemmas and irregular forms for
the event-mention model's lemma feature, from WordNet 3.0 as spaCy ships it
(PyPI package spacy-lookups-data 1.0.5: `en_lemma_index` verbs and
`en_lemma_exc` verbs; WordNet licence, notice kept in the file).

    pip download spacy-lookups-data==1.0.5 --no-deps -d /tmp/sld
    python3 scripts/verb_lemmas.py /tmp/sld/spacy_lookups_data-1.0.5-py2.py3-none-any.whl

Lines: `lemma` (a verb), or `form<TAB>lemma` (an irregular form). Single
words only. Deterministic.
"""
import gzip
import json
import sys
import zipfile


def table(wheel, name):
    with zipfile.ZipFile(wheel) as z:
        return json.loads(gzip.decompress(z.read(f"spacy_lookups_data/data/{name}.json.gz")))


def main():
    wheel = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else "assets/text/verbs.tsv"
    index = table(wheel, "en_lemma_index")["verb"]
    exc = table(wheel, "en_lemma_exc")["verb"]
    lemmas = sorted({w for w in index if w.isalpha() or "-" in w and " " not in w and "_" not in w})
    forms = sorted((f, ls[0]) for f, ls in exc.items() if ls and " " not in f and "_" not in f and f != ls[0])
    with open(out, "w", encoding="utf-8") as f:
        f.write("# English verbs (lemma) and irregular forms (form<TAB>lemma) from WordNet 3.0,\n")
        f.write("# written by scripts/verb_lemmas.py. WordNet 3.0 Copyright 2006 by Princeton\n")
        f.write("# University. All rights reserved. Used under the WordNet licence, which permits\n")
        f.write("# use, copying and distribution with this notice; WordNet is provided \"as is\",\n")
        f.write("# without warranties of merchantability or fitness for any purpose.\n")
        for lemma in lemmas:
            f.write(f"{lemma}\n")
        for form, lemma in forms:
            f.write(f"{form}\t{lemma}\n")


if __name__ == "__main__":
    main()
