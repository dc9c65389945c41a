"""The two lists AMASQ sends: the public newsletter, and members' news (members only, through
their membership). Self-contained: no import of the project's code."""

from django.db import migrations

LISTS = [
    ("public", "Infolettre de l’AMASQ", "AMASQ newsletter", True),
    ("members", "Nouvelles des membres", "Members’ news", False),
]


def create_lists(apps, schema_editor):
    MailingList = apps.get_model("newsletter", "MailingList")
    for key, name_fr, name_en, open_to_public in LISTS:
        MailingList.objects.get_or_create(
            key=key, defaults={"name_fr": name_fr, "name_en": name_en, "open_to_public": open_to_public}
        )


class Migration(migrations.Migration):
    dependencies = [("newsletter", "0001_initial")]

    operations = [migrations.RunPython(create_lists, migrations.RunPython.noop)]
