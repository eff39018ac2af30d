"""A real browser against the real app: one server per module, one browser per run.

The server is the app fixture's app (so it uses ENGAGE_TEST_DATABASE_URL when
set) served by werkzeug on a free loopback port in a thread, seeded with the
demo consultations, a consultation with one question of every type, a closed
one and an account per role. The browser is Debian's chromium, driven by
Playwright; every context refuses any request that would leave 127.0.0.1 and
the test fails if one was tried.
"""
from __future__ import annotations

import itertools
import os
import re
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from tests.conftest import PASSWORD, fresh_database, migrated_app
from tests.net import free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
EVERY_TYPE = (Path(__file__).parent / "every_type.yaml").read_text()
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
ROLES = ("facilitator", "board_member", "safeguarding_lead", "admin")


@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class LiveServer:
    """The app being served, its address, and the join codes it was seeded with."""

    app: object
    url: str
    codes: dict[str, str] = field(default_factory=dict)  # what -> join code
    signed_in: dict[str, dict] = field(default_factory=dict)  # role -> storage state

    def call(self, function, *args, **kwargs):
        """Run a service (or a query) in an app context, as the server would."""
        with self.app.app_context():
            return function(*args, **kwargs)

    def email(self, role: str) -> str:
        return f"{role.replace('_', '-')}@example.org"


def _seed(server: LiveServer) -> None:
    from engage.models import CLOSED, OPEN
    from engage.services.consultations import create_consultation
    from engage.services.demo import create_demo
    from engage.services.safeguarding import set_contact_offer
    from engage.services.users import create_user
    from surveys.textformat import loads

    made = create_demo(responses_each=12, seed=8)
    server.codes.update({c.template: c.join_code for c in made})
    server.codes["every"] = create_consultation(loads(EVERY_TYPE), status=OPEN).join_code
    server.codes["closed"] = create_consultation(loads(EVERY_TYPE), title="Last year's club survey",
                                                 status=CLOSED).join_code
    users = {role: create_user(server.email(role), role.replace("_", " ").title(), role,
                               password=PASSWORD)[0] for role in ROLES}
    set_contact_offer(server.codes["every"], True, by=users["admin"])


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    with fresh_database(folder) as database, migrated_app(database, folder) as app:
        port = free_port()
        live = LiveServer(app, f"http://127.0.0.1:{port}")
        live.call(_seed, live)
        http = make_server("127.0.0.1", port, app, threaded=True)
        thread = threading.Thread(target=http.serve_forever, name="live-server", daemon=True)
        thread.start()
        try:
            yield live
        finally:
            http.shutdown()
            thread.join(10)
            http.server_close()


class Contexts:
    """Makes browser contexts that stay on loopback and notice dialogs and script errors."""

    def __init__(self, browser, server: LiveServer):
        self.browser, self.server = browser, server
        self.made = []
        self.left_loopback: list[str] = []
        self.dialogs: list[str] = []
        self.script_errors: list[str] = []

    def new(self, language: str = "en", role: str | None = None, **options):
        if role:
            options["storage_state"] = self.signed_in_state(role)
        context = self.browser.new_context(
            base_url=self.server.url, locale=language,
            extra_http_headers={"Accept-Language": language}, **options,
        )
        context.set_default_timeout(10_000)
        context.route("**/*", self._stay_on_loopback)
        context.on("page", self._watch)
        self.made.append(context)
        return context

    def page(self, language: str = "en", role: str | None = None, **options):
        return self.new(language, role, **options).new_page()

    def _stay_on_loopback(self, route):
        host = urlsplit(route.request.url).hostname or ""
        if host in LOOPBACK:
            route.continue_()
        else:
            self.left_loopback.append(route.request.url)
            route.abort("blockedbyclient")

    def _watch(self, page):
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.script_errors.append(f"{page.url}: {error}"))
        page.on("console", lambda message: message.type == "error" and self.script_errors.append(
            f"{page.url}: {message.text}"))

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def signed_in_state(self, role: str) -> dict:
        """Cookies of a member of staff signed in through the sign-in page (once per module)."""
        if role not in self.server.signed_in:
            page = self.page()
            sign_in(page, self.server.email(role))
            self.server.signed_in[role] = page.context.storage_state()
            page.context.close()
            self.made.remove(page.context)
        return self.server.signed_in[role]

    def close(self):
        for context in self.made:
            context.close()


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/console/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_url(re.compile(r"/(console|board)/?"))


@pytest.fixture
def contexts(browser, server):
    made = Contexts(browser, server)
    yield made
    made.close()
    assert not made.left_loopback, f"requests tried to leave 127.0.0.1: {made.left_loopback}"


@pytest.fixture
def screenshots(request):
    """``shoot(page, "step")`` saves test-artifacts/screenshots/<test>/NN-step.png."""
    base = Path(os.environ.get("ENGAGE_ARTIFACTS") or ROOT / "test-artifacts")
    folder = base / "screenshots" / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    numbers = itertools.count(1)

    def shoot(page, step: str) -> Path:
        path = folder / f"{next(numbers):02d}-{step}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return shoot
