"""The questions an event asks of the people who register (EventPage.questions) and their answers.

Answers are stored by question id (the StreamField block's id, the same in every translation), a
choice by the option's position, so that a French and an English registrant answer the same
question and each reads their answers back in their own language.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_ANSWER_LENGTH = 500

# The wording of the two questions staff pick without writing them.
DEFAULT_LABELS = {
    "dietary": gettext_lazy("Dietary needs (allergies, vegetarian, halal…)"),
    "accommodation": gettext_lazy("Accessibility or accommodation needs (interpretation, mobility, quiet room…)"),
}


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "dietary", "accommodation", "choice" or "text"
    label: str
    help_text: str
    required: bool
    options: tuple[str, ...] = ()

    @property
    def field_name(self):
        return f"question_{self.id}"


def questions_of(event):
    """The event's questions, in the event's language."""
    questions = []
    for block in event.questions:
        value = block.value
        label = value.get("label") or str(DEFAULT_LABELS.get(block.block_type, ""))
        questions.append(
            Question(
                id=block.id,
                kind=block.block_type,
                label=label,
                help_text=value.get("help_text") or "",
                required=bool(value.get("required")),
                options=tuple(value.get("options") or ()),
            )
        )
    return questions


def clean_answers(event, answers):
    """`answers` ({question id: text, or an option's position for a choice}) checked against the
    event's questions: unknown ids dropped, blanks left out. Raises ValidationError listing every
    problem, in the active language."""
    answers = answers or {}
    cleaned, errors = {}, []
    for question in questions_of(event):
        value = str(answers.get(question.id, "") or "").strip()
        if "\x00" in value:
            value = value.replace("\x00", "")
        if not value:
            if question.required:
                errors.append(
                    ValidationError(
                        _("Answer the question “%(question)s”."),
                        code="answer_required",
                        params={"question": question.label},
                    )
                )
            continue
        if question.kind == "choice":
            if value not in {str(position) for position in range(len(question.options))}:
                errors.append(
                    ValidationError(
                        _("Choose one of the options for “%(question)s”."),
                        code="answer_invalid",
                        params={"question": question.label},
                    )
                )
                continue
        elif len(value) > MAX_ANSWER_LENGTH:
            errors.append(
                ValidationError(
                    _("Keep your answer to “%(question)s” under %(limit)d characters."),
                    code="answer_too_long",
                    params={"question": question.label, "limit": MAX_ANSWER_LENGTH},
                )
            )
            continue
        cleaned[question.id] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def answer_texts(event, answers):
    """{question id: the answer as a person reads it, in `event`'s language}; a choice shows its option."""
    texts = {}
    for question in questions_of(event):
        value = (answers or {}).get(question.id)
        if not value:
            continue
        if question.kind == "choice":
            position = int(value) if str(value).isdigit() else -1
            value = question.options[position] if 0 <= position < len(question.options) else value
        texts[question.id] = value
    return texts


def described_answers(event, answers):
    """[(question, answer)] as a person reads them, in `event`'s language."""
    texts = answer_texts(event, answers)
    return [(question.label, texts[question.id]) for question in questions_of(event) if question.id in texts]
