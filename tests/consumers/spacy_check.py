"""Reads a Tualek spaCy export as spaCy itself does and checks every span.

usage: spacy_check.py EXPORT.jsonl
Each line becomes a Doc from its tokens (words and spaces); every figure must
come back from Doc.char_span(..., alignment_mode="strict") with its exact
text, and the Docs must go through a DocBin. Exits 1 with the first problem.
"""
import json
import sys

import spacy
from spacy.tokens import Doc, DocBin


def main(path):
    nlp = spacy.blank("xx")  # spaCy has no Lao class; "xx" is multi-language
    docs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            task = json.loads(line)
            words = [t["text"] for t in task["tokens"]]
            spaces = [t["ws"] for t in task["tokens"]]
            doc = Doc(nlp.vocab, words=words, spaces=spaces)
            if doc.text != task["text"]:
                sys.exit(f"line {n}: the tokens do not give back the text")
            spans = []
            for s in task["spans"]:
                span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
                if span is None:
                    sys.exit(f"line {n}: no span at {s['start']}..{s['end']} ({s['text']!r})")
                if span.text != s["text"]:
                    sys.exit(f"line {n}: span {span.text!r} is not {s['text']!r}")
                spans.append(span)
            doc.spans["figures"] = spans
            docs.append(doc)
    restored = list(DocBin(docs=docs, store_user_data=True).get_docs(nlp.vocab))
    count = sum(len(d.spans["figures"]) for d in restored)
    print(f"{len(restored)} docs, {count} figure spans read by spaCy {spacy.__version__}")


if __name__ == "__main__":
    main(sys.argv[1])
