"""A small, safe reader for the part of XLSForm's XPath that branching needs.

It reads ``${q} = 'x'``, ``!=``, ``<``, ``>``, ``<=``, ``>=``, function calls
such as ``selected(${q}, 'x')`` and ``not(...)``, ``and``, ``or``, brackets,
numbers and quoted text, and builds a tree. Nothing is evaluated here: the
tree is turned into Engage's conditions or bounds, or refused, elsewhere. No
``eval``; the depth and length are capped so a hostile cell cannot exhaust
the stack.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LENGTH = 2000
MAX_DEPTH = 30

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<ref>\$\{\s*[^{}\s]+\s*\})
    | (?P<number>-?(?:\d+(?:\.\d*)?|\.\d+))
    | (?P<string>'[^']*'|"[^"]*")
    | (?P<op>!=|<=|>=|=|<|>)
    | (?P<punct>[(),])
    | (?P<here>\.(?![\w.]))
    | (?P<word>[A-Za-z_][\w\-:]*)
    )""",
    re.VERBOSE,
)


class ExpressionError(ValueError):
    """An expression outside what Engage can read, said in plain words."""


@dataclass(frozen=True)
class Ref:
    name: str  # ${name}


@dataclass(frozen=True)
class Here:
    """``.``: the question's own answer (in a constraint)."""


@dataclass(frozen=True)
class Literal:
    value: str | int | float


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]


@dataclass(frozen=True)
class Compare:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Logic:
    op: str  # and, or
    items: tuple[Node, ...]


Node = Ref | Here | Literal | Call | Compare | Logic


def tokens(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            rest = text[position:].strip()
            raise ExpressionError(f"cannot read '{rest[:30]}'" + _hint(rest))
        kind = match.lastgroup or ""
        found.append((kind, match.group(kind)))
        position = match.end()
    return found


def _hint(rest: str) -> str:
    if rest.startswith(".."):
        return " (write the other question as ${name})"
    if rest[:1] in "+-*|":
        return " (Engage does not do arithmetic)"
    return ""


def parse(text: str) -> Node:
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the expression is longer than {MAX_LENGTH} characters")
    parser = _Parser(tokens(text))
    node = parser.expression(0)
    if parser.position != len(parser.tokens):
        raise ExpressionError(f"did not expect '{parser.tokens[parser.position][1]}' there")
    return node


class _Parser:
    def __init__(self, found: list[tuple[str, str]]):
        self.tokens = found
        self.position = 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.position] if self.position < len(self.tokens) else ("end", "")

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token[0] == "end":
            raise ExpressionError("the expression ends too soon")
        if value is not None and token[1] != value:
            raise ExpressionError(f"expected '{value}' but found '{token[1]}'")
        self.position += 1
        return token

    def expression(self, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise ExpressionError("the expression is nested too deeply")
        return self._chain("or", lambda: self._chain("and", lambda: self.comparison(depth)))

    def _chain(self, word: str, item) -> Node:
        items = [item()]
        while self.peek() == ("word", word):
            self.take()
            items.append(item())
        return items[0] if len(items) == 1 else Logic(word, tuple(items))

    def comparison(self, depth: int) -> Node:
        left = self.primary(depth)
        if self.peek()[0] == "op":
            op = self.take()[1]
            return Compare(op, left, self.primary(depth))
        return left

    def primary(self, depth: int) -> Node:
        kind, value = self.take()
        if kind == "ref":
            return Ref(value[2:-1].strip())
        if kind == "here":
            return Here()
        if kind == "number":
            number = float(value)
            return Literal(int(number) if number.is_integer() and "." not in value else number)
        if kind == "string":
            return Literal(value[1:-1])
        if value == "(":
            inner = self.expression(depth + 1)
            self.take(")")
            return inner
        if kind == "word" and self.peek()[1] == "(":
            self.take("(")
            args: list[Node] = []
            while self.peek()[1] != ")":
                if args:
                    self.take(",")
                args.append(self.expression(depth + 1))
            self.take(")")
            return Call(value.lower(), tuple(args))
        if kind == "word":
            raise ExpressionError(f"'{value}' is not in quotes (write text as '{value}')")
        raise ExpressionError(f"did not expect '{value}' there")
