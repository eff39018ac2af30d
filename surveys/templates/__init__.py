"""Built-in survey templates, one YAML file per consultation kind."""
from importlib import resources

from surveys.errors import SurveyDefinitionError
from surveys.model import Survey
from surveys.textformat import loads


def template_names() -> list[str]:
    return sorted(
        entry.name.removesuffix(".yaml")
        for entry in resources.files(__package__).iterdir()
        if entry.name.endswith(".yaml")
    )


def template_text(name: str) -> str:
    if name not in template_names():
        raise SurveyDefinitionError(
            f"no template '{name}' (templates: {', '.join(template_names())})"
        )
    return resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")


def load_template(name: str) -> Survey:
    return loads(template_text(name))
