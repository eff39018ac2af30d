"""Pages young people answer on: join, intro, one question a screen, thank you."""
from engage.respond.routes import bp

__all__ = ["bp"]
