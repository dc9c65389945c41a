from django.db import migrations

# The services member schools commonly offer; staff can rename, reorder and add to them.
DEFAULT_SERVICES = [
    ("diploma-studies", "Formation générale des adultes vers un diplôme reconnu", "Adult general education towards a recognised diploma"),
    ("psychosocial-support", "Accompagnement psychosocial", "Psychosocial support"),
    ("work-internships", "Stages et plateaux de travail", "Work internships and work platforms"),
    ("socio-professional-integration", "Insertion socioprofessionnelle", "Socio-professional integration"),
    ("literacy", "Alphabétisation", "Literacy"),
    ("french-for-newcomers", "Francisation des personnes immigrantes", "French for newcomers"),
    ("distance-learning", "Formation à distance", "Distance learning"),
    ("student-parents", "Soutien aux parents étudiants", "Support for student parents"),
]


def create_default_services(apps, schema_editor):
    Service = apps.get_model("members", "Service")
    for order, (slug, name_fr, name_en) in enumerate(DEFAULT_SERVICES):
        Service.objects.get_or_create(slug=slug, defaults={"name_fr": name_fr, "name_en": name_en, "sort_order": order})


def remove_default_services(apps, schema_editor):
    Service = apps.get_model("members", "Service")
    Service.objects.filter(slug__in=[slug for slug, _fr, _en in DEFAULT_SERVICES], schools__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(create_default_services, remove_default_services)]
