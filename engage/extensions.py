"""Flask extensions, created unbound and initialised by the app factory."""
from flask import current_app
from flask_babel import Babel, Domain
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase
from werkzeug.utils import cached_property


class Base(DeclarativeBase):
    pass


# Objects stay readable after commit, so a page can be drawn from what was
# just written without reading it back.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})
migrate = Migrate()
csrf = CSRFProtect()
class _AppDomain(Domain):
    """Flask-Babel's domain, with the catalogues it has read kept per app.

    Its own cache is one per process, keyed by locale alone: a second app in
    the process (tests, or a tool) with other BABEL_TRANSLATION_DIRECTORIES
    would be handed the first app's words.
    """

    def get_translations_cache(self, ctx):
        return current_app.extensions.setdefault("engage_translations", {})


class _Babel(Babel):
    @cached_property
    def domain_instance(self):
        return _AppDomain(domain=self.domain)


babel = _Babel()
# No limits by default: only sign-in is limited, by its own decorator.
limiter = Limiter(key_func=get_remote_address, default_limits=[])
