from django.contrib.auth.management import create_permissions
from django.db import migrations

from members.services.staff_setup import ensure_staff_group_and_workflow

# Areas of expertise to start from; staff rename, reorder and add to them as snippets.
DEFAULT_EXPERTISE = [
    ("adapted-teaching", "Pédagogie adaptée", "Adapted teaching"),
    ("psychosocial-intervention", "Intervention psychosociale", "Psychosocial intervention"),
    ("mental-health", "Santé mentale", "Mental health"),
    ("addiction", "Dépendances", "Addiction"),
    ("school-perseverance", "Persévérance scolaire", "School perseverance"),
    ("socio-professional-integration", "Insertion socioprofessionnelle", "Socio-professional integration"),
    ("literacy-and-french", "Alphabétisation et francisation", "Literacy and French for newcomers"),
    ("prior-learning-recognition", "Reconnaissance des acquis", "Recognition of prior learning"),
    ("organisation-management", "Gestion d’organisme communautaire", "Managing a community organisation"),
    ("funding-and-reporting", "Financement et reddition de comptes", "Funding and reporting"),
    ("school-partnerships", "Partenariats avec le réseau scolaire", "Partnerships with the school network"),
]
# Apps whose permissions the staff group receives; Django only creates permissions after the
# whole migration run, so they are created here first.
PERMISSION_APPS = ["members", "home", "wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "wagtail_localize"]


def create_default_expertise(apps, schema_editor):
    Expertise = apps.get_model("members", "Expertise")
    for order, (slug, name_fr, name_en) in enumerate(DEFAULT_EXPERTISE):
        Expertise.objects.get_or_create(slug=slug, defaults={"name_fr": name_fr, "name_en": name_en, "sort_order": order})


def remove_default_expertise(apps, schema_editor):
    Expertise = apps.get_model("members", "Expertise")
    Expertise.objects.filter(slug__in=[slug for slug, _fr, _en in DEFAULT_EXPERTISE], profiles__isnull=True).delete()


def create_staff_group_and_workflow(apps, schema_editor):
    for label in PERMISSION_APPS:
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    ensure_staff_group_and_workflow(apps)


def remove_staff_group_and_workflow(apps, schema_editor):
    from members.services.staff_setup import DIRECTORY_TASK_NAME, DIRECTORY_WORKFLOW_NAME

    apps.get_model("wagtailcore", "Workflow").objects.filter(name=DIRECTORY_WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=DIRECTORY_TASK_NAME).delete()
    apps.get_model("auth", "Group").objects.filter(name="AMASQ staff").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_member_accounts"),
        ("home", "0002_locales_and_french_search"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(create_default_expertise, remove_default_expertise),
        migrations.RunPython(create_staff_group_and_workflow, remove_staff_group_and_workflow),
    ]
