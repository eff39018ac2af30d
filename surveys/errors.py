"""Errors raised by the survey core."""
from collections.abc import Mapping


class SurveyDefinitionError(ValueError):
    """A survey definition that the engine cannot run, with where and why."""


class UnknownQuestionType(SurveyDefinitionError):
    """A question names a type the engine does not have."""


class AnswerError(ValueError):
    """An answer that does not fit its question.

    ``message`` is English marked for translation and ``params`` fill its
    ``%(name)s`` placeholders, so each channel can translate before formatting.
    """

    def __init__(self, message: str, params: Mapping[str, object] | None = None):
        super().__init__(message)
        self.message = message
        self.params = dict(params or {})

    def __str__(self) -> str:
        return self.message % self.params if self.params else self.message
