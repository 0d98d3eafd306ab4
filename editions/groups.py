"""The people who work on the editions, and what each may do.

Wagtail has no per-language permission, so each edition gets a group with page permissions
on that edition's home page (and so its whole tree) and a review workflow there. Creating
translations (``submit_translation``) is global in wagtail-localize, so only coordinators
have it.
"""

EDITION_TRANSLATOR_GROUPS = {
    "ar": "Arabic translators",
    "fa": "Persian translators",
    "sq": "Albanian translators",
}
COORDINATORS_GROUP = "Translation coordinators"
REVIEWERS_GROUP = "Moderators"  # Wagtail's own group; approves translations for publication

# Page permissions a translator has inside their own edition only. Publishing goes through
# the edition's review workflow, approved by a moderator.
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]


def workflow_name(language_code):
    from django.conf import settings

    return f"{dict(settings.LANGUAGES)[language_code]} review ({language_code})"
