#!/usr/bin/env python3
"""Writes the word data of the event-mention model's features from spaCy's
lookup tables (PyPI package spacy-lookups-data 1.0.5, MIT licence; the verb
lists are WordNet 3.0's, WordNet licence, notice kept in the file):

  assets/text/clusters.tsv  Brown word clusters (`en_lexeme_cluster`, ranked by
                            `en_lexeme_prob`): the WORDS most frequent lower-cased
                            words, each with the cluster of its most frequent
                            spelling. A cluster is the word's bit path in the Brown
                            hierarchy as spaCy stores it (the path reversed, read as
                            an integer): its low bits are the path's first branches.
  assets/text/verbs.tsv     English verb lemmas (`en_lemma_index` verbs) and irregular
                            forms (`en_lemma_exc` verbs): lines `lemma` or
                            `form<TAB>lemma`, single words only.

    pip download spacy-lookups-data==1.0.5 --no-deps -d /tmp/sld
    python3 scripts/lexicon_data.py /tmp/sld/spacy_lookups_data-1.0.5-py2.py3-none-any.whl

Deterministic: the same files from the same wheel.
"""
import gzip
import json
import sys
import zipfile

WORDS = 60000


def table(wheel, name):
    with zipfile.ZipFile(wheel) as z:
        return json.loads(gzip.decompress(z.read(f"spacy_lookups_data/data/{name}.json.gz")))


def clusters(wheel, out):
    cluster_of = table(wheel, "en_lexeme_cluster")
    prob = table(wheel, "en_lexeme_prob")
    best = {}
    for word, cluster in cluster_of.items():
        if not cluster or word not in prob or any(c in word for c in "\t\n\r #"):
            continue
        low = word.lower()
        if low not in best or prob[word] > best[low][0]:
            best[low] = (prob[word], cluster)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:WORDS]
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Brown word clusters (word<TAB>cluster), from spacy-lookups-data 1.0.5 (MIT licence,\n")
        f.write("# (c) ExplosionAI GmbH): written by scripts/lexicon_data.py.\n")
        for word, (_, cluster) in sorted(ranked):
            f.write(f"{word}\t{cluster}\n")


def verbs(wheel, out):
    index = table(wheel, "en_lemma_index")["verb"]
    exc = table(wheel, "en_lemma_exc")["verb"]
    lemmas = sorted({w for w in index if w.isalpha() or "-" in w and " " not in w and "_" not in w})
    forms = sorted((f, ls[0]) for f, ls in exc.items() if ls and " " not in f and "_" not in f and f != ls[0])
    with open(out, "w", encoding="utf-8") as f:
        f.write("# English verbs (lemma) and irregular forms (form<TAB>lemma) from WordNet 3.0,\n")
        f.write("# written by scripts/lexicon_data.py. WordNet 3.0 Copyright 2006 by Princeton\n")
        f.write("# University. All rights reserved. Used under the WordNet licence, which permits\n")
        f.write("# use, copying and distribution with this notice; WordNet is provided \"as is\",\n")
        f.write("# without warranties of merchantability or fitness for any purpose.\n")
        for lemma in lemmas:
            f.write(f"{lemma}\n")
        for form, lemma in forms:
            f.write(f"{form}\t{lemma}\n")


def main():
    wheel = sys.argv[1]
    clusters(wheel, "assets/text/clusters.tsv")
    verbs(wheel, "assets/text/verbs.tsv")


if __name__ == "__main__":
    main()
