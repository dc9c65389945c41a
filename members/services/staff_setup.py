"""The "AMASQ staff" group (the Wagtail editors who also approve member accounts) and the
moderation workflow that reviews the directory changes coordinators propose.

Written against an app registry passed in (`apps`), so that members/migrations can run it on
historical models and the demo loader and tests on the real ones. Idempotent.
"""

from members.models.accounts import AMASQ_STAFF_GROUP

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

    group, _created = Group.objects.get_or_create(name=AMASQ_STAFF_GROUP)
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
