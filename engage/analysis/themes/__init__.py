"""Theme tagging: a taxonomy the partnership owns, and a tagger trained on coded answers.

Pure analysis: no Flask, no database. ``taxonomy`` holds the themes and the
default taxonomy, ``tagger`` learns and tags, ``emerging`` suggests new themes
from answers that fit none, ``scoring`` measures agreement.
"""
