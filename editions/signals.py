"""Set up an edition's permissions and review workflow as soon as its home page exists.

An edition home is created by wagtail-localize (``translate_object`` / ``save_target`` or
"Translate this page" on the English home), sometimes first as an alias that is later
converted into a real page; either way it is saved as a ``HomePage`` that is not an alias,
and that save triggers ``setup_edition``. ``setup_edition`` is idempotent, so running on
every later save of the home page only checks that everything is still in place.
"""

from django.db.models.signals import post_save
from wagtail.models import get_page_models

from editions.permissions import is_edition_home, setup_edition


def set_up_edition_home(sender, instance, raw=False, **kwargs):
    # raw: loaddata restores rows as they were dumped, groups and workflows included.
    if raw or not is_edition_home(instance):
        return
    setup_edition(instance)


def connect():
    """Every page type, without naming one: whichever type an edition's home is."""
    for model in get_page_models():
        post_save.connect(
            set_up_edition_home, sender=model, dispatch_uid=f"editions_home_{model._meta.label}"
        )
