"""Who may reach the builder: everyone who runs the consultation, co-facilitators on its team too."""
from tests.web.roles import RUNNERS

EXPECTED = {
    "console.builder_questions": RUNNERS,
    "console.builder_new_question": RUNNERS,
    "console.builder_edit_question": RUNNERS,
    "console.builder_move_question": RUNNERS,
    "console.builder_remove_question": RUNNERS,
    "console.builder_preview": RUNNERS,
    "console.builder_settings": RUNNERS,
    "console.builder_versions": RUNNERS,
    "console.builder_translations": RUNNERS,
    "console.builder_translation_download": RUNNERS,
}
