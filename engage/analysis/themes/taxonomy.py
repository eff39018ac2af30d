"""The taxonomy a partnership owns: its areas of focus and the themes that roll up into them.

A theme's ``key`` is a stable slug: tags, actions and reports refer to it, so it never
changes when a facilitator edits the theme's name. ``seeds`` are phrases that always tag
the theme; ``examples`` are answers in young people's words, the training data the
tagger starts from.

Everything here is plain frozen data. Editing returns a new ``Taxonomy``; nothing is
checked until ``validate`` is called (the service that saves a taxonomy calls it), so a
half-edited taxonomy can still be shown back with every problem listed.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import yaml

MAX_KEY = 60
MAX_NAME = 60
MAX_AREA = 80
MAX_DESCRIPTION = 400
MAX_SEED = 60
MIN_SEED = 3
MAX_EXAMPLE = 500
MAX_SEEDS = 100
MAX_EXAMPLES = 500

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REQUIRED = {"key": "key", "name": "name", "area": "area of focus"}


class TaxonomyError(ValueError):
    """The taxonomy cannot be used as it is. ``problems`` lists every reason, in words a
    facilitator understands; the message is all of them, one per line."""

    def __init__(self, problems: str | Iterable[str]):
        self.problems = (problems,) if isinstance(problems, str) else tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Theme:
    key: str
    name: str
    description: str
    area: str
    seeds: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "seeds", tuple(self.seeds))
        object.__setattr__(self, "examples", tuple(self.examples))

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "name": self.name,
            "description": self.description,
            "area": self.area,
            "seeds": list(self.seeds),
            "examples": list(self.examples),
        }

    @classmethod
    def from_dict(cls, d: Mapping) -> Theme:
        if not isinstance(d, Mapping):
            raise TaxonomyError(f"Each theme must be a set of fields (key, name, area, ...), not {d!r}.")
        missing = [words for field, words in _REQUIRED.items() if field not in d]
        if missing:
            label = f'The theme "{d["name"]}"' if d.get("name") else "A theme"
            raise TaxonomyError(f"{label} is missing its {' and '.join(missing)}.")
        return cls(
            key=_text(d["key"], "key"),
            name=_text(d["name"], "name"),
            description=_text(d.get("description") or "", "description"),
            area=_text(d["area"], "area"),
            seeds=_texts(d.get("seeds") or (), "seed phrase", "seed phrases")
            + _texts(_other_languages(d), "seed phrase", "seed phrases"),
            examples=_texts(d.get("examples") or (), "example answer", "example answers"),
        )


def _other_languages(d: Mapping) -> list:
    """The default file's seeds in Welsh, Polish, Romanian, Arabic and Urdu, read as more seeds."""
    by_language = d.get("seeds_in_other_languages") or {}
    if not isinstance(by_language, Mapping):
        raise TaxonomyError("seeds_in_other_languages must list seed phrases under each language's code.")
    return [seed for seeds in by_language.values() for seed in _texts(seeds or (), "seed phrase", "seed phrases")]


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    areas: tuple[str, ...]

    def __post_init__(self):
        object.__setattr__(self, "themes", tuple(self.themes))
        object.__setattr__(self, "areas", tuple(self.areas))

    def theme(self, key: str) -> Theme:
        for theme in self.themes:
            if theme.key == key:
                return theme
        raise KeyError(key)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.themes)

    def to_dict(self) -> dict:
        return {"areas": list(self.areas), "themes": [t.to_dict() for t in self.themes]}

    @classmethod
    def from_dict(cls, d: Mapping) -> Taxonomy:
        """Build from ``to_dict``'s shape (also the YAML file's). Raises TaxonomyError when
        the shape is wrong; the content is checked by ``validate``."""
        if not isinstance(d, Mapping):
            raise TaxonomyError("A taxonomy must have a list of areas of focus and a list of themes.")
        themes = d.get("themes") or ()
        if not isinstance(themes, list | tuple):
            raise TaxonomyError("The themes must be a list.")
        return cls(
            themes=tuple(Theme.from_dict(t) for t in themes),
            areas=_texts(d.get("areas") or (), "area of focus", "areas of focus"),
        )

    def training_examples(self) -> list[tuple[str, list[str]]]:
        return [(example, [t.key]) for t in self.themes for example in t.examples]

    def seeds(self) -> dict[str, tuple[str, ...]]:
        return {t.key: t.seeds for t in self.themes}

    def with_theme(self, theme: Theme) -> Taxonomy:
        """Add ``theme``, or replace the theme with its key (keeping its place)."""
        if theme.key in self.keys:
            return replace(self, themes=tuple(theme if t.key == theme.key else t for t in self.themes))
        return replace(self, themes=(*self.themes, theme))

    def without_theme(self, key: str) -> Taxonomy:
        self.theme(key)  # KeyError for an unknown key, as for ``theme``
        return replace(self, themes=tuple(t for t in self.themes if t.key != key))


def validate(taxonomy: Taxonomy) -> None:
    """Raise TaxonomyError listing every problem, or return None when the taxonomy can be used."""
    problems: list[str] = []
    problems += _area_problems(taxonomy.areas)
    for theme in taxonomy.themes:
        problems += _theme_problems(theme, taxonomy.areas)
    problems += _duplicate_problems(taxonomy.themes)
    if problems:
        raise TaxonomyError(problems)


def slugify(name: str, existing: Iterable[str] = ()) -> str:
    """A key for a new theme from its name: "Buses & late nights" -> "buses-and-late-nights".
    Unique against ``existing`` keys by adding -2, -3, ..."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", " and ")).strip("-")
    base = _shorten(text, MAX_KEY - 4) or "theme"
    taken = set(existing)
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def default_taxonomy() -> Taxonomy:
    """The project's own taxonomy (``analysis/data/taxonomy.yaml``), checked."""
    return _default()


@lru_cache(maxsize=1)
def _default() -> Taxonomy:
    text = resources.files("engage.analysis").joinpath("data/taxonomy.yaml").read_text("utf-8")
    taxonomy = Taxonomy.from_dict(yaml.safe_load(text))
    validate(taxonomy)
    return taxonomy


def _area_problems(areas: tuple[str, ...]) -> list[str]:
    problems = []
    if not areas:
        problems.append("Add at least one area of focus: every theme rolls up into one.")
    seen: set[str] = set()
    for area in areas:
        if not area.strip():
            problems.append("An area of focus has no name.")
        elif len(area) > MAX_AREA:
            problems.append(f'The area of focus "{_clip(area)}" is too long: keep it to {MAX_AREA} characters.')
        folded = _fold(area)
        if folded and folded in seen:
            problems.append(f'The area of focus "{area}" is listed twice.')
        seen.add(folded)
    return problems


def _theme_problems(theme: Theme, areas: tuple[str, ...]) -> list[str]:
    label = f'The theme "{_clip(theme.name)}"' if theme.name.strip() else f'The theme with key "{theme.key}"'
    problems = []
    if not theme.name.strip():
        problems.append(f"{label} has no name: give it a short name people will recognise.")
    elif len(theme.name) > MAX_NAME:
        problems.append(f"{label} has a name that is too long: keep it to {MAX_NAME} characters.")
    if not _SLUG.match(theme.key) or len(theme.key) > MAX_KEY:
        problems.append(
            f'{label} has the key "{_clip(theme.key)}": a key is lower-case letters, digits and '
            f"single hyphens, at most {MAX_KEY} characters (made from the name when the theme is added)."
        )
    if len(theme.description) > MAX_DESCRIPTION:
        problems.append(f"{label} has a description that is too long: keep it to {MAX_DESCRIPTION} characters.")
    if theme.area not in areas:
        problems.append(f'{label} rolls up into "{theme.area}", which is not one of the areas of focus.')
    if len(theme.seeds) > MAX_SEEDS:
        problems.append(f"{label} has {len(theme.seeds)} seed phrases: keep it to {MAX_SEEDS}.")
    for seed in theme.seeds:
        if len(seed.strip()) < MIN_SEED:
            problems.append(
                f'{label} has the seed phrase "{seed}": seed phrases need at least {MIN_SEED} characters, '
                "as shorter ones would tag answers that have nothing to do with the theme."
            )
        elif len(seed) > MAX_SEED:
            problems.append(
                f'{label} has the seed phrase "{_clip(seed)}", which is too long: '
                f"keep seed phrases to {MAX_SEED} characters."
            )
    if len(theme.examples) > MAX_EXAMPLES:
        problems.append(f"{label} has {len(theme.examples)} example answers: keep it to {MAX_EXAMPLES}.")
    for example in theme.examples:
        if not example.strip():
            problems.append(f"{label} has an empty example answer.")
        elif len(example) > MAX_EXAMPLE:
            problems.append(
                f'{label} has the example "{_clip(example)}", which is too long: '
                f"keep examples to {MAX_EXAMPLE} characters."
            )
    return problems


def _duplicate_problems(themes: tuple[Theme, ...]) -> list[str]:
    problems = []
    keys: dict[str, Theme] = {}
    names: dict[str, Theme] = {}
    examples: dict[str, Theme] = {}
    for theme in themes:
        if theme.key in keys:
            problems.append(
                f'The themes "{keys[theme.key].name}" and "{theme.name}" have the same key "{theme.key}": '
                "each theme needs its own."
            )
        keys.setdefault(theme.key, theme)
        name = _fold(theme.name)
        if name and name in names:
            problems.append(
                f'The themes "{names[name].name}" and "{theme.name}" have the same name: each theme needs its own.'
            )
        names.setdefault(name, theme)
        for example in theme.examples:
            text = _fold(example)
            other = examples.setdefault(text, theme)
            if text and other is not theme:
                problems.append(
                    f'The example "{_clip(example)}" is under both "{other.name}" and "{theme.name}": '
                    "keep it under the theme it is mostly about."
                )
    return problems


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _clip(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _shorten(slug: str, n: int) -> str:
    """Cut a long slug at a hyphen, so that a key does not end in half a word."""
    if len(slug) <= n:
        return slug
    cut = slug[: n + 1]
    return cut.rsplit("-", 1)[0] if "-" in cut else slug[:n]


def _text(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise TaxonomyError(f"The {field} {value!r} must be text.")
    return value


def _texts(values: object, one: str, many: str) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, list | tuple):
        raise TaxonomyError(f"The {many} must be a list.")
    return tuple(_text(v, one) for v in values)
