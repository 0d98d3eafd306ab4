"""Who may work on which edition, set up from the page tree itself.

Wagtail has no per-language permission. Each edition's tree hangs under its own home page
(a translation of the English home at depth 2), so page permissions and a review workflow
on that home cover the whole edition:

- the edition's translator group gets ``add_page`` and ``change_page`` there, never
  ``publish_page``: a translation goes live when a moderator approves it;
- a workflow named ``workflow_name(code)`` with one group approval task (Wagtail's own
  "Moderators" group) is assigned to that home.

``setup_edition`` runs whenever an edition home is saved (``editions.signals``) and from
``manage.py setup_editions`` for existing databases. It only ever adds what is missing, so
running it again, or after an administrator has changed something, does no harm: it never
removes permissions, never replaces a workflow someone assigned to the home by hand and
never re-activates a workflow someone deactivated.

Snippet permissions in Wagtail are global (``news.change_category`` covers every locale);
``translator_language_codes`` is what the admin hooks use to keep translators to their own
editions' snippets.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editions.groups import (
    EDITION_TRANSLATOR_GROUPS,
    REVIEWERS_GROUP,
    TRANSLATOR_PAGE_PERMISSIONS,
    workflow_name,
)


@dataclass
class EditionSetup:
    """What ``setup_edition`` found or created, for the management command's report."""

    language_code: str
    home_page: Page
    group: Group | None = None
    workflow: Workflow | None = None
    created: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def is_edition_home(page):
    """A real (non-alias) home page of an edition other than the default one: each
    edition's tree hangs from its home, a child of the tree's root."""
    return (
        isinstance(page, Page)
        and page.depth == 2
        and page.alias_of_id is None
        and page.locale_id is not None
        and page.locale_id != Locale.get_default().pk
    )


def edition_home_pages():
    """Every existing edition home page (non-default locale, not an alias)."""
    return (
        Page.objects.filter(depth=2, alias_of__isnull=True)
        .exclude(locale=Locale.get_default())
        .select_related("locale")
        .order_by("path")
    )


def review_task_name(language_code):
    return f"{REVIEWERS_GROUP} approval ({language_code})"


@transaction.atomic
def setup_edition(home_page):
    """Grant the edition's translators their page permissions on ``home_page`` and make
    sure the edition's review workflow exists and applies to it. Idempotent."""
    language_code = home_page.locale.language_code
    result = EditionSetup(language_code=language_code, home_page=home_page)
    group_name = EDITION_TRANSLATOR_GROUPS.get(language_code)
    if group_name is None:
        result.notes.append(f"no translator group is defined for {language_code!r}")
        return result

    group, created = Group.objects.get_or_create(name=group_name)
    result.group = group
    if created:
        result.created.append(f"group {group_name!r}")

    page_content_type = ContentType.objects.get_for_model(Page)
    for permission in Permission.objects.filter(
        content_type=page_content_type, codename__in=TRANSLATOR_PAGE_PERMISSIONS
    ):
        _, created = GroupPagePermission.objects.get_or_create(
            group=group, page=home_page, permission=permission
        )
        if created:
            result.created.append(f"{permission.codename} for {group_name!r}")

    name = workflow_name(language_code)
    workflow = Workflow.objects.filter(name=name).order_by("pk").first()
    if workflow is None:
        reviewers, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
        workflow = Workflow.objects.create(name=name, active=True)
        task = (
            GroupApprovalTask.objects.filter(name=review_task_name(language_code))
            .order_by("pk")
            .first()
        )
        if task is None:
            task = GroupApprovalTask.objects.create(
                name=review_task_name(language_code), active=True
            )
        task.groups.add(reviewers)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        result.created.append(f"workflow {name!r}")
    result.workflow = workflow

    if not workflow.active:
        result.notes.append(f"workflow {name!r} is deactivated; left as it is")
        return result

    assigned = WorkflowPage.objects.filter(page=home_page).select_related("workflow").first()
    if assigned is None:
        WorkflowPage.objects.create(page=home_page, workflow=workflow)
        result.created.append(f"workflow {name!r} assigned to the home page")
    elif assigned.workflow_id != workflow.pk:
        result.notes.append(
            f"the home page already has workflow {assigned.workflow.name!r}; left as it is"
        )
    return result


# --- Translators and locales -------------------------------------------------------------

_CACHE_ATTR = "_editions_translator_codes"


def translator_language_codes(user):
    """The editions a restricted translator may work on, or ``None`` for anyone who is
    not restricted (anonymous users, superusers, and users in no translator group).

    Cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return None
    if not hasattr(user, _CACHE_ATTR):
        names = set(user.groups.values_list("name", flat=True))
        codes = frozenset(
            code for code, group_name in EDITION_TRANSLATOR_GROUPS.items() if group_name in names
        )
        setattr(user, _CACHE_ATTR, codes or None)
    return getattr(user, _CACHE_ATTR)


def user_may_work_on_locale(user, locale):
    """False only for a translator and a locale that is not one of their editions (the
    default locale included: translators do not edit the English source)."""
    codes = translator_language_codes(user)
    if codes is None:
        return True
    if locale is None:
        return False
    language_code = locale if isinstance(locale, str) else locale.language_code
    return language_code in codes
