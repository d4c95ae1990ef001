"""Reads a Tualek dataset card as its consumers do and checks it.

usage: croissant_check.py FOLDER    (holding README.md and croissant.json)

croissant.json: mlcroissant loads it (its validation errors fail the check,
its warnings are printed), then every record of every record set is read,
which makes mlcroissant check each file's sha256; every span of a record must
cut a non-empty piece out of its text in the unit the record set names, and
its `text`, where the records have one, must be exactly that piece.

README.md: huggingface_hub's DatasetCard parses the front matter (offline:
the Hub's own validation is an online call), its fields must take the values
huggingface_hub documents for DatasetCardData, and every `configs` data file
must exist beside the card and read as JSON Lines. Where Hugging Face
`datasets` is installed (it is optional), load_dataset(FOLDER) must find the
export through `configs` and read as many rows as mlcroissant read records.
Exits 1 with the first problem.
"""
import json
import os
import re
import sys
import tempfile
from importlib.metadata import version

import huggingface_hub
import mlcroissant
from huggingface_hub import DatasetCard, DatasetCardData


def fail(why):
    sys.exit(why)


def causes(e):
    """`e` and what caused it: mlcroissant wraps the reason (a hash mismatch) in its own error."""
    out = []
    while e is not None and len(out) < 5:
        out.append(str(e))
        e = e.__cause__ or e.__context__
    return " <- ".join(out)


def text(v):
    return v.decode("utf-8") if isinstance(v, bytes) else v


def cut(s, start, end, utf16):
    if not utf16:
        return s[start:end]
    units = s.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def check_croissant(path):
    try:
        dataset = mlcroissant.Dataset(jsonld=path)
    except mlcroissant.ValidationError as e:
        fail(f"mlcroissant refused {path}: {e}")
    for warning in dataset.metadata.ctx.issues.warnings:
        print(f"mlcroissant warning: {warning}", file=sys.stderr)
    records = spans = 0
    for record_set in dataset.metadata.record_sets:
        utf16 = "UTF-16" in (record_set.description or "")
        try:
            rows = list(dataset.records(record_set.uuid))
        except Exception as e:  # a wrong sha256 or a missing file is raised here
            fail(f"mlcroissant cannot read the records of {record_set.uuid}: {causes(e)}")
        for row in rows:
            records += 1
            body = text(row.get(f"{record_set.uuid}/text"))
            if body is None:
                fail(f"a record of {record_set.uuid} has no text")
            for s in row.get(f"{record_set.uuid}/spans") or []:
                spans += 1
                get = lambda k: s.get(f"{record_set.uuid}/spans/{k}")
                start, end = get("start"), get("end")
                if start is None or end is None or not 0 <= start < end:
                    fail(f"span {start}..{end} is not a span")
                piece = cut(body, start, end, utf16)
                if not piece:
                    fail(f"span {start}..{end} is outside its text")
                said = text(get("text"))
                if said is not None and piece != said:
                    fail(f"span {start}..{end} cuts {piece!r}, not {said!r}")
    return records, spans


def documented_options(field):
    """The values huggingface_hub's DatasetCardData documents for `field`."""
    doc = DatasetCardData.__doc__
    m = re.search(rf"{field} \(.*?Options are: (.*?)(?:\.\s*\n|\n\s*\w+ \()", doc, re.S)
    if not m:
        fail(f"huggingface_hub {huggingface_hub.__version__} documents no options for {field}")
    return set(re.findall(r"'([^']+)'", m.group(1)))


def as_list(v):
    return v if isinstance(v, list) else [v]


def check_readme(folder):
    path = os.path.join(folder, "README.md")
    try:
        card = DatasetCard.load(path, ignore_metadata_errors=False)
    except Exception as e:
        fail(f"huggingface_hub cannot read {path}: {e}")
    data = card.data
    if not isinstance(data, DatasetCardData):
        fail("the front matter is no DatasetCardData")
    meta = data.to_dict()
    if meta.get("tualek_export") is not True:
        fail("the front matter has no `tualek_export: true`")
    for field in ["annotations_creators", "language_creators", "multilinguality", "size_categories"]:
        values = as_list(meta.get(field))
        allowed = documented_options(field)
        if not values or any(v not in allowed for v in values):
            fail(f"{field} is {values!r}, not among {sorted(allowed)}")
    langs = as_list(meta.get("language"))
    if not langs or any(not re.fullmatch(r"[a-z]{2,3}", l or "") for l in langs):
        fail(f"language is {langs!r}, not ISO 639 codes")
    multi = as_list(meta.get("multilinguality"))
    if (len(langs) > 1) != ("multilingual" in multi):
        fail(f"multilinguality {multi!r} does not fit the languages {langs!r}")
    license = meta.get("license")
    if not isinstance(license, str) or not re.fullmatch(r"[a-z0-9][a-z0-9.+-]*", license):
        fail(f"license is {license!r}, not a Hub licence id")
    if license == "other" and not meta.get("license_name"):
        fail("license is other without a license_name")
    for field in ["pretty_name", "task_categories", "task_ids"]:
        if not meta.get(field):
            fail(f"the front matter has no {field}")
    files = 0
    for config in meta.get("configs") or []:
        for entry in as_list(config.get("data_files")):
            for rel in as_list(entry["path"] if isinstance(entry, dict) else entry):
                full = os.path.join(folder, rel)
                if not os.path.isfile(full):
                    fail(f"configs points at {rel}, which is not beside the card")
                with open(full, encoding="utf-8") as f:
                    for n, line in enumerate(f, 1):
                        try:
                            json.loads(line)
                        except ValueError as e:
                            fail(f"{rel} line {n} is not JSON: {e}")
                files += 1
    if not meta.get("configs"):
        print("README.md: no configs (no file datasets reads by its extension)", file=sys.stderr)
    return files


_cache = None


def check_datasets(folder, records):
    """When Hugging Face `datasets` is installed: load_dataset(FOLDER) finds the
    export through the card's `configs` and reads as many rows as mlcroissant."""
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    # Its cache in a temporary folder, not the user's home.
    global _cache
    _cache = tempfile.TemporaryDirectory(prefix="croissant-check-")  # removed at exit
    os.environ.setdefault("HF_HOME", _cache.name)
    try:
        import datasets
    except ImportError:
        return "datasets not installed"
    try:
        loaded = datasets.load_dataset(folder)
    except Exception as e:
        fail(f"datasets cannot load {folder} by its card: {causes(e)}")
    rows = sum(len(split) for split in loaded.values())
    if rows != records:
        fail(f"datasets loads {rows} rows, mlcroissant {records} records")
    return f"{rows} rows loaded by datasets {datasets.__version__}"


def main(folder):
    records, spans = check_croissant(os.path.join(folder, "croissant.json"))
    files = check_readme(folder)
    loaded = check_datasets(folder, records) if files else "no configs for datasets"
    print(
        f"{records} records, {spans} spans read by mlcroissant {version('mlcroissant')}; "
        f"README.md front matter read by huggingface_hub {huggingface_hub.__version__} "
        f"({files} data file(s)); {loaded}"
    )


if __name__ == "__main__":
    main(sys.argv[1])
