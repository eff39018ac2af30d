"""How well ``suggest_themes`` finds themes it was never told about, in real answers.

    .venv/bin/python bench/emerging.py [--themes "A" "B" "C"] [--seed 0] [--scale 20000]

Real answers come from the shared data folder (ENGAGE_SHARED_DATA, else ../shared/data
beside the repository, else /work/shared/data): the NHS Friends and Family Test answers
coded against a 50-theme framework (themes-nhs-v6/train.jsonl, MIT, © 2021 NHS England).
They are read here and not copied into the project.

Three real themes are held out, as if the partnership's taxonomy lacked them: every
answer coded with one of them, together with every answer coded with no theme at all
(the "nothing", "n/a" and off-topic answers a tagger also leaves untagged), is the pool
of untagged answers given to ``suggest_themes``. For each held-out theme, the
suggestion that best matches it (highest F1) is reported with its

- purity: the share of the suggestion's answers that are coded with that theme, and
- coverage: the share of the theme's answers that are in the suggestion,

then the same for all the suggestions mostly about that theme taken together (as a
facilitator might merge them), and the time taken. ``--scale N`` also times a pool of
N answers drawn (seeded, with repeats) from the whole training file. Prints numbers;
asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engage.analysis.themes.emerging import suggest_themes  # noqa: E402
from shared_data import shared_data  # noqa: E402

HELD_OUT = ("Transport to/ from services", "Food & drink provision & facilities", "Activities & access to fresh air")


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def best_match(suggestions, theme_rows: set[int]):
    best = None
    for n, s in enumerate(suggestions):
        members = set(s.members)
        hit = len(members & theme_rows)
        purity, coverage = hit / len(members), hit / len(theme_rows)
        f1 = 2 * purity * coverage / (purity + coverage) if hit else 0.0
        if best is None or f1 > best[0]:
            best = (f1, n, purity, coverage, s)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--themes", nargs=3, default=HELD_OUT, metavar="THEME")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scale", type=int, default=20000, help="also time a pool this big (0: skip)")
    args = parser.parse_args()

    rows = load(shared_data("themes-nhs-v6") / "themes-nhs-v6" / "train.jsonl")
    held = set(args.themes)
    pool = [r for r in rows if not r["themes"] or held & set(r["themes"])]
    texts = [r["text"] for r in pool]
    untagged = sum(not r["themes"] for r in pool)
    print(f"pool: {len(texts)} untagged answers ({len(texts) - untagged} of the held-out themes, {untagged} coded with no theme)")

    started = time.perf_counter()
    suggestions = suggest_themes(texts, seed=args.seed)
    elapsed = time.perf_counter() - started
    print(f"{len(suggestions)} suggestions in {elapsed:.2f} s")
    for n, s in enumerate(suggestions):
        print(f"  {n}. {s.suggested_name!r:40} {len(s.members):5} answers  key words: {', '.join(s.key_words)}")

    print(f"\n{'held-out theme':40} {'answers':>7}  {'best':>4}  {'purity':>6}  {'coverage':>8}   "
          f"{'all mainly it':>13}  {'purity':>6}  {'coverage':>8}")
    for theme in args.themes:
        theme_rows = {i for i, r in enumerate(pool) if theme in r["themes"]}
        match = best_match(suggestions, theme_rows)
        if match is None or match[0] == 0:
            print(f"{theme:40} {len(theme_rows):7}  none")
            continue
        _, n, purity, coverage, _ = match
        # The suggestions mostly about this theme, as a facilitator might merge them.
        mainly = [k for k, s in enumerate(suggestions) if len(set(s.members) & theme_rows) > len(s.members) / 2]
        merged = {i for k in mainly for i in suggestions[k].members}
        hit = len(merged & theme_rows)
        union = f"{','.join(map(str, mainly)):>13}  {hit / len(merged):6.2f}  {hit / len(theme_rows):8.2f}" if merged else ""
        print(f"{theme:40} {len(theme_rows):7}  {n:4}  {purity:6.2f}  {coverage:8.2f}   {union}")

    if args.scale:
        rng = random.Random(args.seed)
        big = [rng.choice(rows)["text"] for _ in range(args.scale)]
        started = time.perf_counter()
        found = suggest_themes(big, seed=args.seed)
        print(f"\n{args.scale} answers drawn from the whole file: {len(found)} suggestions in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
