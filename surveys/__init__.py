"""The survey core: definitions, question types, branching and the runner.

Pure Python. Nothing here knows about Flask, SQL or Telegram, so the web pages
and the chatbot drive exactly the same rules.
"""
from surveys.errors import AnswerError, SurveyDefinitionError, UnknownQuestionType
from surveys.model import PREFER_NOT_TO_SAY, Choice, Question, Survey
from surveys.question_types import QUESTION_TYPES, get_question_type
from surveys.runner import AnswerContext, RunnerState, Screen

__all__ = [
    "PREFER_NOT_TO_SAY",
    "QUESTION_TYPES",
    "AnswerContext",
    "AnswerError",
    "Choice",
    "Question",
    "RunnerState",
    "Screen",
    "Survey",
    "SurveyDefinitionError",
    "UnknownQuestionType",
    "get_question_type",
]
