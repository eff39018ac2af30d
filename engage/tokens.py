"""The one way a secret token is kept: its SHA-256, never the token itself.

Resume tokens, invitation links and API tokens are long and random, so a
plain hash (no salt, no slow hash) is enough and can be looked up directly.
"""
import hashlib


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
