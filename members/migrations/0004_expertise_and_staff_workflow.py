from django.contrib.auth.management import create_permissions
from django.db import migrations


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


# A frozen copy of members/services/staff_setup.py as it was when this migration was written
# (the group, permissions and workflow of that time): a migration must not import live code,
# which changes after it, nor could it run on a project where that code has moved.
STAFF_GROUP_NAME = "AMASQ staff"
DIRECTORY_WORKFLOW_NAME = "Directory entry changes"
DIRECTORY_TASK_NAME = "AMASQ staff review"

GLOBAL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("members", "view_accessrequest"),
    ("members", "change_accessrequest"),
    ("members", "add_invitation"),
    ("members", "view_invitation"),
    ("members", "view_membership"),
    ("members", "view_memberprofile"),
    ("members", "add_service"),
    ("members", "change_service"),
    ("members", "delete_service"),
    ("members", "add_expertise"),
    ("members", "change_expertise"),
    ("members", "delete_expertise"),
    ("home", "add_footertext"),
    ("home", "change_footertext"),
    ("home", "delete_footertext"),
    ("home", "change_sitesettings"),
    ("wagtail_localize", "submit_translation"),
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in pairs:
        # A permission of a model that another app has not created yet is skipped, not an error.
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission:
            found.append(permission)
    return found


def ensure_staff_group_and_workflow(apps):
    """Create (or complete) the staff group, its permissions and the directory workflow."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _created = Group.objects.get_or_create(name=STAFF_GROUP_NAME)
    group.permissions.add(*_permissions(apps, GLOBAL_PERMISSIONS))

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    if root_page:
        for permission in _permissions(apps, [("wagtailcore", codename) for codename in PAGE_PERMISSIONS]):
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection:
        for permission in _permissions(apps, COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )

    _ensure_workflow(apps, group)
    return group


def _ensure_workflow(apps, group):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow = Workflow.objects.filter(name=DIRECTORY_WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=DIRECTORY_WORKFLOW_NAME, active=True)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        # Task is polymorphic like Page: its content_type says which subclass a row is.
        content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=DIRECTORY_TASK_NAME, content_type=content_type, active=True)
        task.groups.add(group)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


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
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=DIRECTORY_WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=DIRECTORY_TASK_NAME).delete()
    apps.get_model("auth", "Group").objects.filter(name=STAFF_GROUP_NAME).delete()


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
