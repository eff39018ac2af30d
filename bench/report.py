"""Benchmark: the quarterly voice summary over a million responses.

    .venv/bin/python bench/report.py [--responses 1000000] [--database sqlite|postgresql|both]
        [--quarters 4] [--quarter 2026Q3] [--pg-server URL] [--no-analyze] [--runs 3]

1. Makes a throwaway database (an SQLite file in a temporary folder, or a
   fresh PostgreSQL database ``engage_report_bench`` on the server), migrates
   it, and creates three consultations from each survey template but the
   youth ballot (whose survey has only four questions).
2. Loads RESPONSES sent responses with five answers each (the age band and
   three or four choice questions; one response in five also has a free-text
   answer, already tagged with one or two themes and a sentiment; a few of
   those reviewed by a person, a few flagged as possible disclosures and
   left untagged). SQLite takes them by ``executemany``, PostgreSQL by
   ``COPY``. The responses are spread evenly over QUARTERS quarters ending
   with QUARTER, so that QUARTER has a previous quarter to compare against
   (``--quarters 1`` puts all of them in QUARTER: the worst case).
3. Refreshes the planner's statistics (``ANALYZE``; ``--no-analyze`` to see
   SQLite without them, as a fresh install has none).
4. Times ``voice_summary(Period.quarter(QUARTER))`` and hand-written
   ``GROUP BY`` queries over the same tables and the same quarter:
   - choices: sent answers per consultation, question and value, the one pass
     over the quarter's answers any report of choice results must make. Two
     ways of keeping free text out of it (listing the choice questions, or
     leaving out the free-text ones) are timed; the faster is the yardstick;
   - themes: tagged answers per theme and sentiment (a fifth of the
     responses have any; shown for comparison).
   Each is run RUNS times; the best time counts (the first is shown too).
   One consultation's summary (``consultation_summary``) is timed once.
5. Prints the times, the ratios, and whether the goals hold: the summary
   under 10 s, and within 3x of the choices query.

The database is dropped (or its folder removed) at the end.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PG_DATABASE = "engage_report_bench"
TEMPLATES = ("square-table", "lifestyle-secondary", "lifestyle-college", "lifestyle-primary",
             "service-feedback", "staying-safe-conference")
PER_TEMPLATE = 3
CHUNK = 50_000  # responses per batch
GOAL_SECONDS, GOAL_RATIO = 10.0, 3.0
SENTIMENTS = ("negative", "neutral", "positive")

THEMES_SQL = """
SELECT t.theme_key, aa.sentiment, count(*)
FROM answer_tags t
JOIN answer_analyses aa ON aa.answer_id = t.answer_id
JOIN answers a ON a.id = t.answer_id
JOIN responses r ON r.id = a.response_id
WHERE r.status = 'submitted' AND r.submitted_on >= :start AND r.submitted_on <= :end
  AND a.flagged = false
  AND t.source = CASE WHEN aa.reviewed_at IS NULL THEN 'tagger' ELSE 'person' END
GROUP BY t.theme_key, aa.sentiment
"""
# Two ways to keep free text out of the choice counts; the faster on each database is the yardstick.
CHOICES_SQL = """
SELECT r.consultation_id, a.question_id, a.value, count(*)
FROM answers a
JOIN responses r ON r.id = a.response_id
WHERE r.status = 'submitted' AND r.submitted_on >= :start AND r.submitted_on <= :end
  AND a.flagged = false AND a.question_id {test} ({questions})
GROUP BY r.consultation_id, a.question_id, a.value
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--quarters", type=int, default=4)
    parser.add_argument("--quarter", default="2026Q3")
    parser.add_argument("--pg-server", default=PG_SERVER)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-analyze", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    kinds = ("sqlite", "postgresql") if args.database == "both" else (args.database,)
    results = [bench(kind, args) for kind in kinds]
    print()
    print(f"{'database':<11} {'load':>8} {'summary':>9} {'(first)':>9} {'choices':>9} {'themes':>8} "
          f"{'ratio':>6} {'vs themes':>9}  goals")
    ok = True
    for r in results:
        good = r["summary"] < GOAL_SECONDS and r["ratio"] <= GOAL_RATIO
        ok &= good
        print(f"{r['database']:<11} {r['load']:>7.1f}s {r['summary']:>8.2f}s {r['summary_first']:>8.2f}s "
              f"{r['choices']:>8.2f}s {r['themes']:>7.2f}s {r['ratio']:>5.2f}x {r['ratio_themes']:>8.1f}x  "
              f"{'met' if good else 'NOT MET'}")
    print(json.dumps(results))
    sys.exit(0 if ok else 1)


# --------------------------------------------------------------------------- one database


def bench(kind: str, args) -> dict:
    from engage.services.voice_model import Period

    period = Period.quarter(args.quarter)
    workdir = Path(tempfile.mkdtemp(prefix="engage-report-bench-"))
    url = _make_database(kind, workdir, args.pg_server)
    try:
        app = _app(url, workdir)
        plan = _prepare(app)
        quarters = [period]
        while len(quarters) < args.quarters:
            quarters.insert(0, quarters[0].previous())
        print(f"{kind}: loading {args.responses:,} responses over {', '.join(q.label for q in quarters)} ...",
              flush=True)
        began = time.perf_counter()
        counts = _load(kind, url, plan, quarters, args.responses, random.Random(args.seed))
        loaded = time.perf_counter() - began
        print(f"{kind}: loaded {counts} in {loaded:.1f}s", flush=True)
        if not args.no_analyze:
            began = time.perf_counter()
            _analyze(kind, url)
            print(f"{kind}: ANALYZE in {time.perf_counter() - began:.1f}s", flush=True)
        result = _time(app, kind, period, plan, args.runs)
        result.update(database=kind, load=round(loaded, 1), responses=args.responses,
                      quarters=args.quarters, analyzed=not args.no_analyze)
        with app.app_context():
            from engage.extensions import db

            db.session.remove()
            db.engine.dispose()
        return result
    finally:
        _drop_database(kind, workdir, args.pg_server)


def _make_database(kind: str, workdir: Path, pg_server: str) -> str:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'engage.db'}"
    _pg_admin(pg_server, f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)', f'CREATE DATABASE "{PG_DATABASE}"')
    return pg_server.rsplit("/", 1)[0] + f"/{PG_DATABASE}"


def _drop_database(kind: str, workdir: Path, pg_server: str) -> None:
    if kind == "postgresql":
        try:
            _pg_admin(pg_server, f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
        except Exception as error:  # noqa: BLE001 - cleanup must not hide the real error
            print(f"warning: could not drop database {PG_DATABASE}: {error}", file=sys.stderr)
    shutil.rmtree(workdir, ignore_errors=True)


def _pg_admin(server: str, *statements: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in statements:
                connection.execute(sa.text(statement))
    finally:
        engine.dispose()


def _app(url: str, workdir: Path):
    import os

    os.environ["ENGAGE_INSTANCE_PATH"] = str(workdir / "instance")
    from engage import create_app
    from engage.config import TestConfig

    app = create_app({**{k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()},
                      "SQLALCHEMY_DATABASE_URI": url})
    return app


class Plan:
    """What the loader writes into: consultations, their questions and possible answers."""

    def __init__(self):
        self.consultations: list[dict] = []
        self.taxonomy_version_id = 0
        self.examples: dict[str, list[str]] = {}
        self.choice_question_ids: set[str] = set()
        self.free_text_question_ids: set[str] = set()


def _prepare(app) -> Plan:
    from flask_migrate import upgrade

    from engage.models import OPEN
    from engage.services import themes
    from engage.services.consultations import create_from_template, survey_of
    from surveys.question_types import AnswerContext

    plan = Plan()
    rng = random.Random(1)
    with app.app_context():
        upgrade()
        version, taxonomy = themes.current_taxonomy()
        plan.taxonomy_version_id = version.id
        plan.examples = {t.key: [e for e in t.examples if len(e.split()) >= 5] or list(t.examples)
                         for t in taxonomy.themes if t.examples}
        for template in TEMPLATES:
            for n in range(PER_TEMPLATE):
                consultation = create_from_template(template, title=f"{template} {n + 1}", status=OPEN)
                survey = survey_of(consultation)
                answerable = [q for q in survey.questions if q.kind.takes_answer]
                age = next(q for q in answerable if q.type == "age_band")
                choices = [q for q in answerable if q.type not in ("age_band", "free_text", "number")]
                words = [q.id for q in answerable if q.type == "free_text"]
                pools = {q.id: _pool(q, rng, AnswerContext()) for q in [age, *choices]}
                plan.choice_question_ids |= {q.id for q in choices}
                plan.free_text_question_ids |= set(words)
                plan.consultations.append({
                    "id": consultation.id,
                    "version_id": consultation.current_version_id,
                    "age": age.id,
                    "choices": [q.id for q in choices],
                    "words": words,
                    "pools": pools,
                })
    return plan


def _pool(question, rng: random.Random, context) -> list[tuple[str, str | None]]:
    """(stored value as JSON, age band if it is one) for 40 valid answers."""
    found = []
    for _ in range(40):
        value = question.kind.parse(question, question.kind.example(question, rng, context), context)
        found.append((json.dumps(value), value if question.type == "age_band" else None))
    return found


# --------------------------------------------------------------------------- loading


def _load(kind: str, url: str, plan: Plan, quarters, total: int, rng: random.Random) -> dict:
    writer = _SqliteWriter(url) if kind == "sqlite" else _PostgresWriter(url)
    counts = {"responses": 0, "answers": 0, "analyses": 0, "tags": 0}
    ids = {"answer": 0, "tag": 0}
    days = [(q.start, (q.end - q.start).days + 1) for q in quarters]
    keys = sorted(plan.examples)
    tagged_at = datetime(2026, 1, 1, 12, 0, 0)
    try:
        for first in range(1, total + 1, CHUNK):
            responses, answers, analyses, tags = [], [], [], []
            for rid in range(first, min(first + CHUNK, total + 1)):
                c = plan.consultations[rid % len(plan.consultations)]
                start, length = days[rid % len(days)]
                submitted = start + timedelta(days=rng.randrange(length))
                value, band = rng.choice(c["pools"][c["age"]])
                free = rid % 5 == 0 and c["words"]
                asked = rng.sample(c["choices"], 3 if free else 4)
                responses.append((rid, c["id"], c["version_id"], "chat" if rid % 7 == 0 else "web",
                                  f"{rid:064d}", "submitted", None, "[]", "en", band, submitted, submitted))
                ids["answer"] += 1
                answers.append((ids["answer"], rid, c["age"], value, False))
                for question in asked:
                    ids["answer"] += 1
                    answers.append((ids["answer"], rid, question, rng.choice(c["pools"][question])[0], False))
                if free:
                    ids["answer"] += 1
                    answer_id = ids["answer"]
                    theme = rng.choice(keys)
                    flagged = rng.random() < 0.001
                    text = ("BENCH-FLAGGED my stepdad hits me" if flagged else rng.choice(plan.examples[theme]))
                    answers.append((answer_id, rid, rng.choice(c["words"]), json.dumps(text), flagged))
                    if flagged:
                        continue
                    reviewed = tagged_at if rng.random() < 0.02 else None
                    mood = rng.choices(SENTIMENTS, (5, 3, 2))[0]
                    analyses.append((answer_id, mood, 0.0, tagged_at, plan.taxonomy_version_id, None, reviewed, None))
                    if rng.random() < 0.1:
                        continue  # untagged: fits no theme
                    themes = [theme] + ([rng.choice(keys)] if rng.random() < 0.25 else [])
                    for key in dict.fromkeys(themes):
                        for source in ("tagger", "person") if reviewed else ("tagger",):
                            ids["tag"] += 1
                            tags.append((ids["tag"], answer_id, key, 0.9, "", source, plan.taxonomy_version_id, None))
            writer.write(responses, answers, analyses, tags)
            counts["responses"] += len(responses)
            counts["answers"] += len(answers)
            counts["analyses"] += len(analyses)
            counts["tags"] += len(tags)
        writer.finish(ids)
    finally:
        writer.close()
    return counts


RESPONSE_COLUMNS = ("id", "consultation_id", "survey_version_id", "channel", "resume_key", "status",
                    "current_question", "path", "language", "age_band", "started_on", "submitted_on")
ANSWER_COLUMNS = ("id", "response_id", "question_id", "value", "flagged")
ANALYSIS_COLUMNS = ("answer_id", "sentiment", "sentiment_score", "tagged_at", "taxonomy_version_id",
                    "tagger_model_id", "reviewed_at", "reviewed_by_id")
TAG_COLUMNS = ("id", "answer_id", "theme_key", "confidence", "reason", "source", "taxonomy_version_id",
               "tagger_model_id")
TABLES = (("responses", RESPONSE_COLUMNS), ("answers", ANSWER_COLUMNS),
          ("answer_analyses", ANALYSIS_COLUMNS), ("answer_tags", TAG_COLUMNS))


class _SqliteWriter:
    """executemany in one transaction per batch; dates and times as SQLAlchemy stores them."""

    def __init__(self, url: str):
        self.connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        self.connection.execute("PRAGMA synchronous=OFF")

    def write(self, *batches) -> None:
        self.connection.execute("BEGIN")
        for (table, columns), rows in zip(TABLES, batches):
            marks = ", ".join("?" for _ in columns)
            self.connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                (tuple(_sqlite(v) for v in row) for row in rows),
            )
        self.connection.execute("COMMIT")

    def finish(self, ids) -> None:
        pass

    def close(self) -> None:
        self.connection.close()


def _sqlite(value):
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


class _PostgresWriter:
    """COPY per batch. Foreign-key triggers are off while loading (rows are made consistent)."""

    def __init__(self, url: str):
        import psycopg

        self.connection = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
        self.connection.execute("SET session_replication_role = replica")

    def write(self, *batches) -> None:
        with self.connection.cursor() as cursor:
            for (table, columns), rows in zip(TABLES, batches):
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        self.connection.commit()

    def finish(self, ids) -> None:
        for table, column in (("responses", "id"), ("answers", "id"), ("answer_tags", "id")):
            self.connection.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), (SELECT max({column}) FROM {table}))"
            )
        self.connection.execute("SET session_replication_role = DEFAULT")
        self.connection.commit()

    def close(self) -> None:
        self.connection.close()


def _analyze(kind: str, url: str) -> None:
    if kind == "sqlite":
        connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        connection.execute("ANALYZE")
        connection.close()
        return
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


# --------------------------------------------------------------------------- timing


def _time(app, kind: str, period, plan: Plan, runs: int) -> dict:
    from sqlalchemy import text

    from engage.extensions import db
    from engage.services import voice, voice_queries
    from engage.services.voice import voice_summary

    start, end = (period.start, period.end) if kind == "postgresql" else (period.start.isoformat(), period.end.isoformat())
    listed = {
        "choices (IN)": CHOICES_SQL.format(test="IN", questions=_quoted(plan.choice_question_ids)),
        "choices (NOT IN)": CHOICES_SQL.format(test="NOT IN", questions=_quoted(plan.free_text_question_ids)),
        "themes": THEMES_SQL,
    }
    timings: dict[str, list[float]] = {"summary": [], **{name: [] for name in listed}}
    summary = None
    with app.app_context():
        for _ in range(runs):
            for name in timings:
                began = time.perf_counter()
                if name == "summary":
                    summary = voice_summary(period)
                else:
                    db.session.execute(text(listed[name]), {"start": start, "end": end}).all()
                timings[name].append(time.perf_counter() - began)
                db.session.rollback()
        _check(summary)
        began = time.perf_counter()
        voice.consultation_summary(voice_queries.consultations([plan.consultations[0]["id"]])[0].join_code)
        one = time.perf_counter() - began
        db.session.rollback()
    print(f"{kind}: one consultation's summary {one:.2f}s")
    print(f"{kind}: " + ", ".join(f"{n} " + "/".join(f"{v:.2f}" for v in values) + "s" for n, values in timings.items()))
    timings["choices"] = timings["choices (IN)"] + timings["choices (NOT IN)"]
    best = {name: min(values) for name, values in timings.items()}
    return {
        "summary": round(best["summary"], 3),
        "summary_first": round(timings["summary"][0], 3),
        "choices": round(best["choices"], 3),
        "themes": round(best["themes"], 3),
        "ratio": round(best["summary"] / best["choices"], 2),
        "ratio_themes": round(best["summary"] / best["themes"], 1),
        "consultation": round(one, 3),
    }


def _quoted(names) -> str:
    return ", ".join(f"'{name}'" for name in sorted(names))


def _check(summary) -> None:
    """The summary must have found the loaded data, and no flagged words."""
    from engage.services.voice import summary_as_dict

    assert summary.participation.responses.count, "no responses counted"
    assert summary.themes and any(t.quotes for t in summary.themes), "no themes or quotes"
    assert summary.choices, "no choice results"
    assert "BENCH-FLAGGED" not in json.dumps(summary_as_dict(summary)), "a flagged answer leaked"
    print(f"  {summary.participation.responses.display} responses, {summary.free_text_answers.display} free-text "
          f"answers, {len(summary.themes)} themes, {sum(len(t.quotes) for t in summary.themes)} quotes, "
          f"{len(summary.choices)} choice results")


if __name__ == "__main__":
    main()
