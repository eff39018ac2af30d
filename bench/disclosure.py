"""How well the disclosure check does on the shared, labelled dev set.

    .venv/bin/python bench/disclosure.py [../shared/data/disclosure/dev.jsonl]

Prints one JSON object, the same as ``engage safeguarding eval --test FILE``
(recall, precision, false-positive rate, n, answers per second on one core),
with recall or the false-positive rate per source added, and per half of the set
split by a hash of the text: "read" is the half whose misses were read while the
lexicon's suicide warning signs and the long-account route were written
(2026-11-26), "unread" the half nobody looked at, so the second is the fairer
figure for anything added since. The data are adults' posts, for evaluation only
(research use): nothing in the check was trained on them or copied from them.
See ../shared/data/README.md.

``reread`` is what the check does on 200 of the set's posts labelled 1 that the
project read again (``disclosure_reread.tsv``: harm, distress or neither), and
the most recall could be if the check heard every post of harm and distress and
no more of the others than it does now: the set's labels come from the forum a
post was written in, and some of its posts tell of nothing at all.
"""
import hashlib
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from engage.analysis.safeguarding import agreement, possible_disclosure

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared/data/disclosure/dev.jsonl"
REREAD = Path(__file__).resolve().parent / "disclosure_reread.tsv"


def main(path: Path) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    fired, seconds = [], []  # the check runs once a post; every figure below is read off these
    for row in rows:
        started = time.perf_counter()
        fired.append(possible_disclosure(row["text"]) is not None)
        seconds.append(time.perf_counter() - started)
    report = _figures(rows, fired, seconds, range(len(rows)))
    by_source: dict[str, list[bool]] = defaultdict(list)
    for row, flag in zip(rows, fired):
        by_source[row.get("source", "?")].append(flag)
    report["by_source"] = {
        source: {
            ("recall" if rows_of[0]["disclosure"] else "false_positive_rate"): round(sum(flags) / len(flags), 3),
            "n": len(flags),
        }
        for source, flags in sorted(by_source.items())
        for rows_of in [[r for r in rows if r.get("source", "?") == source]]
    }
    report["by_half"] = {
        name: _figures(rows, fired, seconds, [i for i, row in enumerate(rows) if _half(row["text"]) == name])
        for name in ("read", "unread")
    }
    report["reread"] = _reread(rows, fired)
    print(json.dumps(report, indent=2))


def _figures(rows: list[dict], fired: list[bool], seconds: list[float], chosen) -> dict:
    """``engage safeguarding eval``'s figures for the chosen posts."""
    return agreement([bool(rows[i]["disclosure"]) for i in chosen], [fired[i] for i in chosen],
                     sum(seconds[i] for i in chosen))


def _reread(rows: list[dict], fired: list[bool]) -> dict:
    """Recall on the re-read posts per label, and the recall the labels leave room for."""
    labels = {}
    for line in REREAD.open(encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            digest, label = line.split()
            labels[digest] = label
    heard: dict[str, list[bool]] = defaultdict(list)
    for row, flag in zip(rows, fired):
        label = labels.get(hashlib.sha256(row["text"].encode("utf-8")).hexdigest()[:16])
        if label and row["disclosure"]:
            heard[label].append(flag)
    total = sum(len(flags) for flags in heard.values())
    neither = heard.get("neither", [])
    return {
        "posts": total,
        "share": {label: round(len(flags) / total, 3) for label, flags in sorted(heard.items())},
        "recall": {label: round(sum(flags) / len(flags), 3) for label, flags in sorted(heard.items())},
        "most_recall_possible": round((total - len(neither) + sum(neither)) / total, 3),
    }


def _half(text: str) -> str:
    return "read" if hashlib.sha256(text.encode("utf-8")).digest()[0] < 128 else "unread"


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
