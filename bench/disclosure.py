"""How well the first disclosure check does on labelled text.

    .venv/bin/python bench/disclosure.py [../shared/data/disclosure/dev.jsonl]

Prints recall on disclosures, the false-positive rate on ordinary text, both
per source, and answers checked per second. The data are adults' posts, not
children's words: see ../shared/data/README.md.
"""
import json
import sys
import time
from collections import Counter
from pathlib import Path

from engage.analysis.safeguarding import possible_disclosure

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared/data/disclosure/dev.jsonl"


def main(path: Path) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    started = time.perf_counter()
    flagged = [possible_disclosure(row["text"]) is not None for row in rows]
    seconds = time.perf_counter() - started
    totals, hits = Counter(), Counter()
    for row, flag in zip(rows, flagged):
        totals[(row["disclosure"], row["source"])] += 1
        hits[(row["disclosure"], row["source"])] += flag
    disclosures = sum(totals[k] for k in totals if k[0] == 1)
    ordinary = sum(totals[k] for k in totals if k[0] == 0)
    caught = sum(hits[k] for k in hits if k[0] == 1)
    false_alarms = sum(hits[k] for k in hits if k[0] == 0)
    print(f"rows {len(rows)}: recall {caught / disclosures:.3f}, "
          f"false-positive rate {false_alarms / ordinary:.3f}, "
          f"precision {caught / max(1, caught + false_alarms):.3f}, "
          f"{len(rows) / seconds:,.0f} answers/s")
    for key in sorted(totals):
        label = "recall" if key[0] else "false positives"
        print(f"  {key[1]:<28} {label:<16} {hits[key] / totals[key]:.3f}  (n={totals[key]})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
