"""Checks a Tualek Label Studio export with Label Studio's own SDK.

usage: labelstudio_check.py TASKS.json [CONFIG.xml]
(the config defaults to TASKS.config.xml beside the tasks, where Tualek writes it).
The labeling config must pass the SDK's validation; every annotation and
prediction must pass LabelInterface.validate_prediction against it (labels
declared, controls and types right, relations joining regions of the same
result list); then the SDK's converter turns the tasks into JSON-MIN, and
every region it gives back must cut its own text out of the task's text at
start..end (code points, or UTF-16 units when the task's meta says so).
Exits 1 with the first problem.
"""
import json
import sys
import tempfile
from pathlib import Path

from label_studio_sdk.converter import Converter
from label_studio_sdk.label_interface import LabelInterface


def cut(text, start, end, unit):
    if unit == "UTF-16 units":
        units = text.encode("utf-16-le")
        return units[2 * start : 2 * end].decode("utf-16-le", errors="replace")
    return text[start:end]


def check_regions(where, text, results, unit):
    for r in results:
        v = r.get("value", {})
        # A per-region TextArea's `text` is its list of lines, not the region's text.
        if "start" in v and isinstance(v.get("text"), str):
            got = cut(text, v["start"], v["end"], unit)
            if got != v.get("text"):
                sys.exit(f"{where}: region {r.get('id')} at {v['start']}..{v['end']} is {got!r}, not {v.get('text')!r}")


def validate(tasks, li):
    regions = 0
    for n, task in enumerate(tasks, 1):
        unit = task.get("meta", {}).get("offsets", "code points")
        text = task["data"]["text"]
        for kind in ("annotations", "predictions"):
            for i, obj in enumerate(task.get(kind, []), 1):
                errors = li.validate_prediction(obj, return_errors=True)
                if errors:
                    sys.exit(f"task {n}, {kind[:-1]} {i}: {errors[0]}")
                check_regions(f"task {n}, {kind[:-1]} {i}", text, obj["result"], unit)
                regions += sum(1 for r in obj["result"] if r["type"] == "labels")
    return regions


def converted(tasks_path, config, tasks):
    """The regions of every annotation as the SDK's JSON-MIN export gives them."""
    units = {t["id"]: t.get("meta", {}).get("offsets", "code points") for t in tasks}
    with tempfile.TemporaryDirectory() as out:
        Converter(config=config, project_dir=out, download_resources=False).convert(
            tasks_path, out, "JSON_MIN", is_dir=False
        )
        records = json.loads((Path(out) / "result.json").read_text(encoding="utf-8"))
    count = 0
    for rec in records:
        labels = rec.get("label", [])
        if isinstance(labels, dict):
            labels = [labels]
        for v in labels:
            count += 1
            got = cut(rec["text"], v["start"], v["end"], units[rec["id"]])
            if got != v["text"]:
                sys.exit(f"JSON-MIN task {rec['id']}: {v['start']}..{v['end']} is {got!r}, not {v['text']!r}")
    return count


def main(tasks_path, config_path):
    config = Path(config_path).read_text(encoding="utf-8")
    li = LabelInterface(config)
    li.validate()
    tasks = json.loads(Path(tasks_path).read_text(encoding="utf-8"))
    regions = validate(tasks, li)
    minimal = converted(tasks_path, config, tasks)
    print(f"{len(tasks)} tasks, {regions} regions valid; {minimal} annotated regions through the JSON-MIN converter")


if __name__ == "__main__":
    tasks_file = Path(sys.argv[1])
    main(tasks_file, sys.argv[2] if len(sys.argv) > 2 else tasks_file.with_name(tasks_file.stem + ".config.xml"))
