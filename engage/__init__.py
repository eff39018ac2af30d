"""Engage: hear young people's voices in local safeguarding, and show adults listened."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from flask import Flask

from engage.config import ROOT, Config, database_url


def create_app(test_config: type[Config] | dict | None = None) -> Flask:
    app = Flask(
        __name__,
        static_folder=str(ROOT / "static"),
        instance_path=os.environ.get("ENGAGE_INSTANCE_PATH") or str(ROOT / "instance"),
    )
    app.config.from_object(Config)
    if isinstance(test_config, dict):
        app.config.update(test_config)
    elif test_config is not None:
        app.config.from_object(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = database_url(app.instance_path)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))

    from engage import cli, database, errors, web
    from engage.console.access import login_manager
    from engage.extensions import babel, csrf, db, limiter, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    web.allow_larger_uploads(app)  # before CSRF, which reads the form first
    csrf.init_app(app)
    babel.init_app(app, locale_selector=web.choose_locale)
    login_manager.init_app(app)
    limiter.init_app(app)
    # Its breach message names the address and email being limited: not for logs.
    logging.getLogger("flask-limiter").setLevel(logging.WARNING)
    with app.app_context():
        database.tune_engine(db.engine)

    from engage.respond import bp as respond_bp

    from engage.api import bp as api_bp
    from engage.board import bp as board_bp
    from engage.console import bp as console_bp
    from engage.language_choice import bp as language_bp
    from bots.telegram.webhook import bp as telegram_bp

    app.register_blueprint(respond_bp)
    app.register_blueprint(console_bp)
    app.register_blueprint(board_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(language_bp)
    csrf.exempt(api_bp)  # bearer tokens, not cookies: nothing for a forged form to ride on
    app.register_blueprint(telegram_bp)
    csrf.exempt(telegram_bp)  # Telegram's secret header, not cookies, proves who is calling
    errors.register(app)
    web.register(app)
    cli.register(app)
    return app


def _instance_secret(instance: Path) -> str:
    """A random key kept in the instance folder, so a demo needs no set-up."""
    path = instance / "secret_key"
    if not path.exists():
        import secrets

        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
