#!/usr/bin/env python3
"""Writes assets/text/clusters.tsv: Brown word clusters for the event-mention
model's features, from spaCy's lookup tables (PyPI package
spacy-lookups-data 1.0.5, MIT licence; `en_lexeme_cluster` and
`en_lexeme_prob`, clusters spaCy computed on English web text).

    pip download spacy-lookups-data==1.0.5 --no-deps -d /tmp/sld
    python3 scripts/word_clusters.py /tmp/sld/spacy_lookups_data-1.0.5-py2.py3-none-any.whl

Keeps the WORDS most frequent lower-cased words (each with the cluster of
its most frequent spelling). A cluster is the bit path of the word in the
Brown hierarchy, stored as spaCy stores it (the path reversed, read as an
integer): its low bits are the path's first branches. Deterministic.
"""
import gzip
import json
import sys
import zipfile

WORDS = 60000


def table(wheel, name):
    with zipfile.ZipFile(wheel) as z:
        return json.loads(gzip.decompress(z.read(f"spacy_lookups_data/data/{name}.json.gz")))


def main():
    wheel = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else "assets/text/clusters.tsv"
    clusters = table(wheel, "en_lexeme_cluster")
    prob = table(wheel, "en_lexeme_prob")
    best = {}
    for word, cluster in clusters.items():
        if not cluster or word not in prob or any(c in word for c in "\t\n\r #"):
            continue
        low = word.lower()
        if low not in best or prob[word] > best[low][0]:
            best[low] = (prob[word], cluster)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:WORDS]
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Brown word clusters (word<TAB>cluster), from spacy-lookups-data 1.0.5 (MIT licence,\n")
        f.write("# (c) ExplosionAI GmbH): written by scripts/word_clusters.py.\n")
        for word, (_, cluster) in sorted(ranked):
            f.write(f"{word}\t{cluster}\n")


if __name__ == "__main__":
    main()
