from django.conf import settings
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

# A French text-search configuration that also folds accents, so "ecole" finds "école".
CREATE_FRENCH_UNACCENT = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""
DROP_FRENCH_UNACCENT = "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;"


def create_french_unaccent(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_FRENCH_UNACCENT)


def drop_french_unaccent(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_FRENCH_UNACCENT)


def create_site_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def remove_nothing(apps, schema_editor):
    """Locales may already hold pages; leave them in place."""


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(create_french_unaccent, drop_french_unaccent),
        migrations.RunPython(create_site_locales, remove_nothing),
    ]
