"""Checks a Tualek W3C Web Annotation export as the W3C's own tests and a
JSON-LD processor read it.

usage: webanno_check.py EXPORT.jsonld [TEXTS.json]
TEXTS.json maps each document's IRI (a target's `source`) to its text; it
defaults to EXPORT.texts.json beside the export.

1. JSON Schema: the collection against every assertion listed in the W3C
   web-annotation-tests' collectionMusts.test and pageMusts.test, and each annotation (standing alone, with the collection's
   @context, as the tests expect) against annotationMusts.test. The page
   assertions take the collection with its embedded page, as they are written to. The
   assertion files reference the definitions by relative `id`s; they are
   all served from the specs folder, nothing is fetched.
2. JSON-LD: PyLD expands the collection with a document loader that serves
   http://www.w3.org/ns/anno.jsonld from the specs folder (no network); every
   term of our own must survive expansion (a processor drops undeclared terms
   silently), as a full IRI in our namespace, and every motivation must
   expand to one of the model's (oa:classifying, oa:linking, ...).
3. Offsets: for every selector pair, the text sliced at the
   TextPositionSelector's start/end (code points) is the TextQuoteSelector's
   `exact`, and `prefix`/`suffix` are the text right before and after.

Exits 1 with the first problem.
"""
import copy
import json
import os
import sys
from importlib.metadata import version

import jsonschema
from pyld import jsonld
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SPECS = os.environ.get(
    "TUALEK_SPECS",
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "specs"),
)
TESTS = os.path.join(SPECS, "web-annotation-tests")
ANNO = "http://www.w3.org/ns/anno.jsonld"
OURS = "https://tualek.org/ns#"
# All schemas live under one made-up base, as the W3C harness serves them
# from one folder: "id.json#/definitions/..." then resolves to a definition.
BASE = "https://web-annotation-tests.invalid/"
# Terms of ours an export may write; each must come out of expansion as OURS + name.
OUR_TERMS = {
    "kind": "kind",
    "figureValue": "value",
    "figureValueMax": "valueMax",
    "unit": "unit",
    "status": "status",
    "reviewer": "reviewer",
    "reviewedAt": "reviewedAt",
    "note": "note",
    "relation": "relation",
    "verdict": "verdict",
    "linkedFigures": "linkedFigure",
}


def fail(why):
    sys.exit(why)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def registry():
    """Every definition file, under BASE + its name."""
    resources = []
    folder = os.path.join(TESTS, "definitions")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            schema = load_json(os.path.join(folder, name))
            schema["id"] = BASE + name
            resources.append((BASE + name, Resource.from_contents(schema, default_specification=DRAFT4)))
    return Registry().with_resources(resources)


def assertions(test_file, reg):
    """The validators of the assertions a `.test` file lists, with their error
    messages. Each assertion is registered under BASE + its name and reached
    through a `$ref`: many are a bare `$ref` beside their `id`, and draft 4
    ignores every key beside `$ref`, so their own `id` gives no base."""
    test = load_json(os.path.join(TESTS, test_file))
    out = []
    for rel in test["assertions"]:
        schema = load_json(os.path.join(TESTS, rel))
        expected = schema.get("expectedResult", "valid")
        uri = BASE + os.path.basename(rel)
        local = reg.with_resource(uri, Resource.from_contents(schema, default_specification=DRAFT4))
        root = {"$schema": "http://json-schema.org/draft-04/schema#", "$ref": uri}
        cls = jsonschema.Draft4Validator
        v = cls(root, registry=local, format_checker=cls.FORMAT_CHECKER)
        out.append((rel, expected, v, schema.get("errorMessage", rel)))
    if not out:
        fail(f"{test_file} lists no assertions")
    return out


def check_schemas(doc, what, checks):
    for rel, expected, v, message in checks:
        errors = list(v.iter_errors(doc))
        if (expected == "valid") != (not errors):
            detail = errors[0].message if errors else "valid but expected invalid"
            fail(f"{what}: fails {rel}: {message} ({detail})")


def loader(url, options=None):
    if url.rstrip("/") != ANNO:
        raise jsonld.JsonLdError(f"no network: {url}", "loading document failed", code="loading document failed")
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": load_json(os.path.join(SPECS, "anno.jsonld")),
    }


def used_terms(node, found):
    """Every key an object of the export uses, recursively."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k != "@context":
                found.add(k)
                used_terms(v, found)
    elif isinstance(node, list):
        for v in node:
            used_terms(v, found)


def expanded_iris(node, found):
    if isinstance(node, dict):
        for k, v in node.items():
            found.add(k)
            expanded_iris(v, found)
    elif isinstance(node, list):
        for v in node:
            expanded_iris(v, found)


def motivations(node, found):
    """The IRIs every expanded oa:motivatedBy names."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "http://www.w3.org/ns/oa#motivatedBy":
                found.extend(m.get("@id") for m in v)
            motivations(v, found)
    elif isinstance(node, list):
        for v in node:
            motivations(v, found)


def check_expansion(collection):
    expanded = jsonld.expand(collection, {"documentLoader": loader})
    iris = set()
    expanded_iris(expanded, iris)
    said = []
    motivations(expanded, said)
    for m in said:
        if not (m or "").startswith("http://www.w3.org/ns/oa#"):
            fail(f"JSON-LD: motivation {m!r} is none of the model's")
    used = set()
    used_terms(collection, used)
    for term, local in OUR_TERMS.items():
        if term in used and OURS + local not in iris:
            fail(f"JSON-LD: term {term!r} did not survive expansion (no {OURS + local})")
    mine = [t for t in used if t in OUR_TERMS]
    if not mine:
        fail("JSON-LD: the export uses none of our terms")
    # Nothing but our namespace, the model's and JSON-LD keywords may be left.
    known = ("@", OURS, "http://www.w3.org/ns/oa#", "http://www.w3.org/ns/activitystreams#",
             "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#",
             "http://purl.org/dc/", "http://xmlns.com/foaf/0.1/")
    strays = sorted(i for i in iris if not i.startswith(known))
    if strays:
        fail(f"JSON-LD: unexpected properties after expansion: {strays}")
    return len(mine)


def places(annotation):
    """Each (source, selectors) of the annotation's target and body."""
    for key in ("target", "body"):
        for r in annotation.get(key) if isinstance(annotation.get(key), list) else [annotation.get(key)]:
            if isinstance(r, dict) and "source" in r:
                yield key, r["source"], r.get("selector", [])


def check_offsets(annotation, texts):
    checked = 0
    for key, source, selectors in places(annotation):
        if source not in texts:
            fail(f"{annotation['id']}: {key} source {source} has no text")
        text = texts[source]
        quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
        pos = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
        if quote is None or pos is None:
            fail(f"{annotation['id']}: {key} needs both a TextQuoteSelector and a TextPositionSelector")
        start, end = pos["start"], pos["end"]
        if not 0 <= start < end <= len(text):
            fail(f"{annotation['id']}: {key} position {start}..{end} is outside the text")
        if text[start:end] != quote["exact"]:
            fail(f"{annotation['id']}: {key} text at {start}..{end} is {text[start:end]!r}, not {quote['exact']!r}")
        prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
        if text[max(0, start - len(prefix)):start] != prefix:
            fail(f"{annotation['id']}: {key} prefix {prefix!r} does not stand before {start}")
        if text[end:end + len(suffix)] != suffix:
            fail(f"{annotation['id']}: {key} suffix {suffix!r} does not stand after {end}")
        checked += 1
    return checked


def main(path, texts_path):
    collection = load_json(path)
    texts = load_json(texts_path)
    reg = registry()
    check_schemas(collection, "collection", assertions("collections/collectionMusts.test", reg))
    page = collection.get("first")
    if not isinstance(page, dict):
        fail("collection: no embedded first page")
    # The page assertions read "an Annotation Page or an Annotation Collection
    # with an embedded Page": they look into `first` themselves.
    check_schemas(collection, "page", assertions("collections/pages/pageMusts.test", reg))
    items = page.get("items", [])
    if collection.get("total") != len(items):
        fail(f"collection: total {collection.get('total')} but {len(items)} items")
    musts = assertions("annotations/annotationMusts.test", reg)
    selectors = 0
    for a in items:
        alone = copy.deepcopy(a)
        alone["@context"] = collection["@context"]
        check_schemas(alone, a.get("id", "annotation"), musts)
        selectors += check_offsets(a, texts)
    terms = check_expansion(collection)
    links = sum(1 for a in items if a.get("motivation") == "linking")
    print(f"{len(items)} annotations ({links} links), {selectors} selector pairs, {terms} terms of ours "
          f"survive expansion (jsonschema {version('jsonschema')}, PyLD {version('PyLD')})")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        fail(__doc__)
    export = sys.argv[1]
    main(export, sys.argv[2] if len(sys.argv) == 3 else export + ".texts.json")
