"""Invitation and access-request addresses are now stored lowercased (members.services.accounts
normalise_email); lowercase the ones stored as typed. Self-contained: it uses no live code."""

from django.db import migrations
from django.db.models.functions import Lower


def lowercase_addresses(apps, schema_editor):
    for model_name in ("Invitation", "AccessRequest"):
        apps.get_model("members", model_name).objects.exclude(email="").update(email=Lower("email"))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0006_shared_term_slug_help"),
    ]

    operations = [
        migrations.RunPython(lowercase_addresses, migrations.RunPython.noop, elidable=True),
    ]
