"""Imports a Tualek doccano export with doccano's own import code and checks every span.

usage: doccano_check.py EXPORT.jsonl REFERENCE.jsonl
Runs doccano 1.8's data_import pipeline (its JSONL parser with the "Auto"
encoding detection its upload form defaults to, and its SequenceLabelingDataset)
into a fresh SQLite database, as its upload task does, minus the web upload.
Then every example doccano stored must have the text the file holds, and the
spans doccano stored, cut out of that text in UTF-16 units (how doccano's
editor counts), must be the reference's spans (a Tualek spaCy export of the
same figures: `text` and `spans[].text`/`label`), none of the file's dropped.
Exits 1 with the first problem.
"""
import json
import os
import sys
import tempfile
from pathlib import Path


def setup(db_dir):
    import backend

    sys.path.insert(0, os.path.dirname(backend.__file__))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.development"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_dir}/doccano.sqlite3"
    os.environ.setdefault("SECRET_KEY", "tualek-doccano-check")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def import_with_doccano(path):
    """The examples doccano stores from `path`: [(text, [(start, end, label)])] in file order."""
    from django.contrib.auth.models import User

    from data_import.datasets import load_dataset
    from data_import.pipeline.catalog import create_file_format
    from data_import.pipeline.readers import FileName
    from projects.models import ProjectType, SequenceLabelingProject

    user = User.objects.create_user(username="tualek", password="x")
    project = SequenceLabelingProject.objects.create(
        name="tualek", description="", project_type=ProjectType.SEQUENCE_LABELING, created_by=user
    )
    files = [FileName(full_path=str(path), generated_name=path.name, upload_name=path.name)]
    dataset = load_dataset(ProjectType.SEQUENCE_LABELING, create_file_format("JSONL"), files, project)
    dataset.save(user)
    if dataset.errors:
        sys.exit(f"doccano: {dataset.errors[0].dict()}")
    out = []
    for ex in project.examples.order_by("id"):
        spans = sorted((s.start_offset, s.end_offset, s.label.text) for s in ex.spans.all())
        out.append((ex.text, spans))
    return out


def utf16_cut(text, start, end):
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le", errors="replace")


def main(export, reference):
    ref = [json.loads(l) for l in Path(reference).read_text(encoding="utf-8").splitlines() if l.strip()]
    with tempfile.TemporaryDirectory() as db:
        setup(db)
        examples = import_with_doccano(Path(export))
    if len(examples) != len(ref):
        sys.exit(f"doccano stored {len(examples)} examples, the file has {len(ref)}")
    lines = [json.loads(l) for l in Path(export).read_text(encoding="utf-8").splitlines() if l.strip()]
    spans = 0
    for n, ((text, got), want, line) in enumerate(zip(examples, ref, lines), 1):
        if text != want["text"]:
            sys.exit(f"line {n}: doccano read the text as {text[:20]!r}…, not {want['text'][:20]!r}…")
        cut = sorted((utf16_cut(text, s, e), label) for s, e, label in got)
        # None dropped: doccano holds every span of the line ...
        listed = sorted((utf16_cut(line["text"], s, e), label) for s, e, label in line["label"])
        if cut != listed:
            sys.exit(f"line {n}: doccano's spans cut out {cut}, not the file's {listed}")
        # ... and each cuts out a figure of the reference with its kind.
        figures = {(s["text"], s["label"]) for s in want["spans"]}
        wrong = [c for c in cut if c not in figures]
        if wrong:
            sys.exit(f"line {n}: doccano's spans cut out {wrong}, which are no figures of {sorted(figures)}")
        spans += len(got)
    from importlib.metadata import version

    version = version("doccano")
    print(f"{len(examples)} examples, {spans} spans imported by doccano {version}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
