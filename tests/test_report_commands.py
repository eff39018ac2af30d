"""`engage report`: the board's reports written to a file from the command line."""
from __future__ import annotations

import json

import pytest

from engage.reports import tables
from engage.services.responding import today
from tests.reports.helpers import csv_rows, pdf_text, pdf_title
from tests.reports.samples import FEW, stub_summaries


@pytest.fixture
def summaries(monkeypatch):
    """voice_summary and consultation_summary answering with summaries built by hand."""
    return stub_summaries(monkeypatch)


def test_the_quarterly_report_is_written_to_a_pdf_named_for_the_quarter(runner, summaries, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(args=["report", "quarterly", "--period", "2026Q3"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "engagement-2026Q3.pdf"
    assert f"Wrote {written}" in result.output
    assert "Report for 2026 Q3" in result.output  # the progress bar's label
    assert pdf_title(written.read_bytes()) == "Engagement with children and young people: 2026 Q3"
    assert FEW in pdf_text(written.read_bytes())
    assert [p.label for p in summaries] == ["2026 Q3"]


@pytest.mark.parametrize("fmt", ["html", "csv"])
def test_the_quarterly_report_goes_to_the_file_asked_for(runner, summaries, tmp_path, fmt):
    target = tmp_path / f"board-pack.{fmt}"
    result = runner.invoke(args=["report", "quarterly", "--period", "2026-q3", "--format", fmt, "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {target}" in result.output
    data = target.read_bytes()
    if fmt == "html":
        assert b"Engagement with children and young people" in data and b"fewer than 10" in data
    else:
        assert {row["table"] for row in csv_rows(data)} == set(tables.TABLES)


@pytest.mark.parametrize("period", ["2026Q5", "Q3 2026", "last quarter", ""])
def test_a_period_that_is_not_a_quarter_is_refused_with_how_to_write_one(runner, summaries, period):
    result = runner.invoke(args=["report", "quarterly", "--period", period])
    assert result.exit_code == 2
    assert "write it like 2026Q3" in result.output
    assert summaries == []


def test_a_consultations_write_up_is_written_for_its_code(runner, summaries, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(args=["report", "consultation", "sqt7k2", "--format", "html"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "consultation-SQT7K2.html").read_text()
    assert "<h1>Square Table, July</h1>" in page


def test_the_young_peoples_version_is_written_as_a_web_page(runner, summaries, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(args=["report", "consultation", "SQT7K2", "--format", "html", "--version", "young-people"])
    assert result.exit_code == 0, result.output
    assert "What you told us" in (tmp_path / "consultation-SQT7K2-young-people.html").read_text()


def test_the_young_peoples_version_as_a_pdf_is_refused_before_any_work(runner, summaries):
    result = runner.invoke(args=["report", "consultation", "SQT7K2", "--format", "pdf", "--version", "young-people"])
    assert result.exit_code == 2 and "choose html" in result.output
    assert summaries == []


def test_an_unknown_code_is_a_clear_error_and_writes_nothing(runner, summaries, tmp_path, monkeypatch):
    here = tmp_path / "reports"
    here.mkdir()
    monkeypatch.chdir(here)
    result = runner.invoke(args=["report", "consultation", "NOPE22"])
    assert result.exit_code == 1
    assert "no consultation has the join code 'NOPE22'" in result.output
    assert list(here.iterdir()) == []


def test_the_reports_come_from_real_answers_end_to_end(runner, tmp_path):
    """The demo's answers, through the voice summaries, into every format."""
    assert runner.invoke(args=["demo", "--responses", "12"]).exit_code == 0
    quarter = f"{today().year}Q{(today().month - 1) // 3 + 1}"
    pdf = tmp_path / "quarter.pdf"
    result = runner.invoke(args=["report", "quarterly", "--period", quarter, "--output", str(pdf)])
    assert result.exit_code == 0, result.output
    text = " ".join(pdf_text(pdf.read_bytes()).split())
    assert "1. The activity" in text and "2. The views and voices" in text and "3. The impact" in text
    assert "Responses 84" in text  # seven demo consultations of twelve responses each

    listed = json.loads(runner.invoke(args=["consultations", "list", "--json"]).output)
    code = next(c["join_code"] for c in listed if c["kind"] == "youth_ballot")
    out = tmp_path / "ballot.csv"
    result = runner.invoke(args=["report", "consultation", code, "--format", "csv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = csv_rows(out.read_bytes())
    assert ("participation", "responses", "12") in {(r["table"], r["label"], r["value"]) for r in rows}
    assert "choices" in {r["table"] for r in rows}


def test_the_young_peoples_version_is_a_web_page_unless_told_otherwise(runner, summaries, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(args=["report", "consultation", "SQT7K2", "--version", "young-people"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "consultation-SQT7K2-young-people.html").exists()
    assert runner.invoke(args=["report", "consultation", "SQT7K2"]).exit_code == 0
    assert (tmp_path / "consultation-SQT7K2.pdf").exists()
