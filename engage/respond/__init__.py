"""Pages young people answer on: join, intro, one question a screen, thank you."""
from engage.respond.routes import bp
from engage.respond import contact, privacy, results  # noqa: F401  (their views register on bp)

__all__ = ["bp"]
