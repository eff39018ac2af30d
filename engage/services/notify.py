"""Telling the safeguarding leads that an alert is waiting: an email with a link, never the words.

Email is copied, forwarded and read on shared screens, so it carries only a
link to sign in and read the alert. It is sent after the alert is committed
(an alert is never lost to a mail failure), from a daemon thread per
notification (a young person's page never waits on a mail server). A failure
is logged with the alert's number and the kind of error only: no words, no
addresses. A process that stops mid-send loses that email, not the alert;
the queue still shows it, and after 24 hours it stands out as overdue.
"""
from __future__ import annotations

import logging
import smtplib
import ssl
import threading
from collections.abc import Iterable, Mapping
from email.message import EmailMessage
from typing import Any

from flask import Flask, current_app, has_request_context, request, url_for
from sqlalchemy import select
from sqlalchemy.event import listens_for
from sqlalchemy.orm import Session

from engage.extensions import db
from engage.models import SAFEGUARDING_LEAD, User

logger = logging.getLogger(__name__)

ALERT_PAGE = "console.safeguarding_alert"
SUBJECT = "Engage: a safeguarding alert is waiting"
SMTP_TIMEOUT = 20  # seconds; a hung server ends the thread, not the process
_PENDING = "engage_alerts_to_notify"  # session.info key: alert ids waiting for the commit
_SENDING: set[threading.Thread] = set()
_SENDING_LOCK = threading.Lock()


def message_text(link: str) -> str:
    return f"A new safeguarding alert is waiting in Engage: {link}\n"


def after_commit(alert_id: int) -> None:
    """Tell the leads about this alert once the current unit of work commits (not if it rolls back)."""
    db.session().info.setdefault(_PENDING, []).append(alert_id)


@listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    for alert_id in session.info.pop(_PENDING, ()):
        try:
            notify_leads(alert_id)
        except Exception as error:  # noqa: BLE001 - the alert is saved; the page must not fail
            logger.warning("Safeguarding alert %s: could not start the email (%s)", alert_id, type(error).__name__)


@listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)


def notify_leads(alert_id: int) -> threading.Thread | None:
    """Email every active safeguarding lead in the background, if SMTP is configured."""
    app = current_app._get_current_object()
    if not app.config.get("SMTP_HOST"):
        return None
    link = alert_link(alert_id)
    thread = threading.Thread(
        target=_send_in_background, args=(app, alert_id, link), name=f"notify-alert-{alert_id}", daemon=True
    )
    with _SENDING_LOCK:
        _SENDING.add(thread)
    thread.start()
    return thread


def wait_for_sending(timeout: float = 10) -> None:
    """Wait for notifications still being sent (tests; a tidy shutdown)."""
    with _SENDING_LOCK:
        threads = list(_SENDING)
    for thread in threads:
        thread.join(timeout)


def alert_link(alert_id: int) -> str:
    """The alert's page, absolute: PUBLIC_URL if set, else the address this request came to."""
    base = current_app.config.get("PUBLIC_URL") or ""
    if has_request_context():
        base = base or request.host_url.rstrip("/")
        return base + url_for(ALERT_PAGE, alert_id=alert_id)
    # No request (the chatbot's poller, a command): build the path from the URL map alone.
    path = current_app.url_map.bind("localhost").build(ALERT_PAGE, {"alert_id": alert_id})
    return base + path


def lead_addresses() -> list[str]:
    """Leads who can sign in and act: active, with a password chosen."""
    query = select(User.email).where(
        User.role == SAFEGUARDING_LEAD, User.active, User.password_hash.is_not(None)
    )
    return list(db.session.scalars(query.order_by(User.id)))


def send_email(config: Mapping[str, Any], recipients: Iterable[str], body: str) -> int:
    """One message per lead, so no lead's address is shown to another; returns how many failed."""
    failed = 0
    with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=SMTP_TIMEOUT) as smtp:
        if config.get("SMTP_STARTTLS"):
            smtp.starttls(context=ssl.create_default_context())
        if config.get("SMTP_USER"):
            smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD") or "")
        for recipient in recipients:
            message = EmailMessage()
            message["Subject"] = SUBJECT
            message["From"] = config["SMTP_FROM"]
            message["To"] = recipient
            message.set_content(body)
            try:
                smtp.send_message(message)
            except smtplib.SMTPRecipientsRefused:
                failed += 1  # one refused address must not stop the others
    return failed


def _send_in_background(app: Flask, alert_id: int, link: str) -> None:
    try:
        with app.app_context():
            recipients = lead_addresses()
            if not recipients:
                logger.warning("Safeguarding alert %s: no active safeguarding lead to email", alert_id)
                return
            failed = send_email(app.config, recipients, message_text(link))
        if failed:
            logger.warning("Safeguarding alert %s: %d of %d lead emails refused", alert_id, failed, len(recipients))
    except Exception as error:  # noqa: BLE001 - a background thread has no one else to tell
        # The kind of error only: an SMTP error's text can hold addresses.
        logger.warning("Safeguarding alert %s: could not email the leads (%s)", alert_id, type(error).__name__)
    finally:
        with _SENDING_LOCK:
            _SENDING.discard(threading.current_thread())
