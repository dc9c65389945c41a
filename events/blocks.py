"""StreamField blocks of an event page: its programme, its speakers, and the questions people
answer when they register (events.questions turns those into form fields and readable answers)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class ProgrammeItemBlock(blocks.StructBlock):
    """One line of the agenda. The day is for events over several days; the times are Montréal's."""

    day = blocks.DateBlock(required=False, label=_("Day"), help_text=_("Only for events over several days."))
    starts_at = blocks.TimeBlock(label=_("Starts at"))
    ends_at = blocks.TimeBlock(required=False, label=_("Ends at"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    speakers = blocks.CharBlock(required=False, max_length=250, label=_("Speakers"))
    room = blocks.CharBlock(required=False, max_length=120, label=_("Room"))
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "time"
        label = _("Programme item")


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200, label=_("Name"))
    role = blocks.CharBlock(required=False, max_length=250, label=_("Role and organisation"))
    biography = blocks.TextBlock(required=False, label=_("Biography"))
    photo = ImageChooserBlock(required=False, label=_("Photo"))

    class Meta:
        icon = "user"
        label = _("Speaker")


class QuestionBlock(blocks.StructBlock):
    """A question with a free-text answer. The dietary and accommodation kinds come with a label
    of their own, in both languages, that staff may leave empty."""

    label = blocks.CharBlock(required=False, max_length=200, label=_("Question"))
    help_text = blocks.CharBlock(required=False, max_length=250, label=_("Help text"))
    required = blocks.BooleanBlock(required=False, label=_("An answer is required"))

    class Meta:
        icon = "help"


class OwnQuestionBlock(QuestionBlock):
    """A question staff write themselves: its wording is required."""

    label = blocks.CharBlock(max_length=200, label=_("Question"))


class ChoiceQuestionBlock(OwnQuestionBlock):
    """A question answered by picking one option (a workshop, a session, a meal)."""

    options = blocks.ListBlock(blocks.CharBlock(max_length=200, label=_("Option")), label=_("Options"), min_num=2)

    class Meta:
        icon = "list-ul"
        label = _("Choice (workshop, session…)")


class QuestionsBlock(blocks.StreamBlock):
    dietary = QuestionBlock(label=_("Dietary needs"))
    accommodation = QuestionBlock(label=_("Accommodation needs"))
    choice = ChoiceQuestionBlock()
    text = OwnQuestionBlock(label=_("Other question"))


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()


class SpeakersBlock(blocks.StreamBlock):
    speaker = SpeakerBlock()
