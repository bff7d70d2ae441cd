"""Print the eval_floors.json entries for our gold's dev sets from a run of eval/run.py, rounded
down (the gate compares with a tolerance; a floor only goes up unless its history says why), with
eval/merging.py's same-story pairs merged (a floor) and distinct events over-merged (a ceiling).

    python eval/run.py --sets dev-dated,dev-undated --out /tmp/r && python eval/floors.py /tmp/r
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

KEYS = ("events_f1", "events_precision", "events_recall", "persons_recall", "persons_one_id", "roles_recall",
        "ranks_recall", "asof_accuracy", "doc_dates_accuracy")


def floors(out: Path) -> dict:
    result = {}
    for name in ("dev-dated", "dev-undated", "dev2-dated", "dev2-undated", "dev3-dated", "dev3-undated",
                 "dev4-dated", "dev4-undated", "dev5-dated", "dev5-undated", "dev6-dated", "dev6-undated",
                 "dev7-dated", "dev7-undated", "dev8-dated", "dev8-undated", "dev9-dated", "dev9-undated",
                 "dev10-dated", "dev10-undated", "dev11-dated", "dev11-undated"):
        if not (out / f"{name}.score").exists():
            continue   # the second wave is floored when the run scored it
        r = json.loads((out / f"{name}.score").read_text(encoding="utf-8"))
        result[name.replace("-", "_")] = {k: math.floor(r[k] * 1000) / 1000 for k in KEYS}
        result[name.replace("-", "_")]["same_as_merged"] = r["same_as_merged"]
        result[name.replace("-", "_") + "_max"] = {
            "doc_dates_contradicted": math.ceil(r["doc_dates_contradicted"] * 1000) / 1000,
            "over_merged": r["over_merged"]}   # a ceiling: reports of two gold events in one event
    return result


if __name__ == "__main__":
    print(json.dumps(floors(Path(sys.argv[1])), indent=2))
