"""Hostile input young people's forms and the chat must survive.

Shared by the HTTP tests (nothing breaks, nothing is lost or duplicated) and
the browser tests (markup is shown as words and never runs). A payload that
runs sets ``window.__engage_pwned``, so a test can tell.
"""
from __future__ import annotations

PWNED = "window.__engage_pwned"

# Script and HTML that would run if any page rendered an answer unescaped.
MARKUP = [
    "<script>window.__engage_pwned=1</script>",
    "<img src=x onerror=\"window.__engage_pwned=1\">",
    "<svg onload=window.__engage_pwned=1>",
    "\"><script>window.__engage_pwned=1</script>",
    "'><img src=x onerror=window.__engage_pwned=1>",
    "<iframe srcdoc=\"<script>parent.__engage_pwned=1</script>\"></iframe>",
    "<a href=\"javascript:window.__engage_pwned=1\">click me</a>",
    "<details open ontoggle=window.__engage_pwned=1>",
    "{{ 7*7 }} {% print(7*7) %}",
    "</textarea><script>window.__engage_pwned=1</script>",
    "<style>body{display:none}</style>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__engage_pwned=1>",
]

SQL = [
    "'; DROP TABLE responses; --",
    "1 OR 1=1",
    "\" OR \"\"=\"",
    "1; SELECT pg_sleep(5); --",
    "admin'--",
    "%' UNION SELECT * FROM users --",
]

# Text that is awkward rather than dangerous: it must be kept as written.
AWKWARD = [
    "right\u202eto\u202cleft override",
    "zero\u200bwidth\u200djoiner\ufeff",
    "emoji 👩🏽‍🦱🏳️‍🌈 and combining é",
    "العربية مع English mixed",
    "a" * 5000,
]
