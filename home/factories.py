"""Factories for the home app's pages: each edition's home, plain pages and the contact
form (see ``core.factories`` for the rest)."""

import factory
import wagtail_factories
from wagtail.models import Page, Site

from core.factories import BodyBlockFactory, default_locale
from home.models import ContactFormField, ContactPage, HomePage, StandardPage


def default_home_page():
    """The English home page served by the default site (created if missing)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePage.objects.filter(depth=2, locale=default_locale()).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Home", slug="home"))
    return home


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page under the tree root (depth 2), e.g. for another site or edition."""

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = ""
    featured_count = 3

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    parent = factory.LazyFunction(default_home_page)
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)

    class Meta:
        model = StandardPage


class ContactFormFieldFactory(factory.django.DjangoModelFactory):
    """One field of a contact form. ``clean_name`` is derived from the label on save."""

    page = factory.SubFactory("home.factories.ContactPageFactory")
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ContactFormField


def default_contact_fields():
    return [
        ContactFormField(label="Name", field_type="singleline", required=True, sort_order=0),
        ContactFormField(label="Email", field_type="email", required=True, sort_order=1),
        ContactFormField(label="Message", field_type="multiline", required=True, sort_order=2),
    ]


class ContactPageFactory(wagtail_factories.PageFactory):
    """Contact us, with Name, Email and Message fields unless ``form_fields=[...]`` is given.

    The one contact page of the parent is reused (``max_count_per_parent = 1``).
    """

    parent = factory.LazyFunction(default_home_page)
    title = "Contact us"
    slug = "contact-us"
    intro = "<p>Write to us.</p>"
    thank_you_text = "<p>Thank you, your message has been sent.</p>"
    to_address = ""
    from_address = ""
    subject = "Message from the website"
    form_fields = factory.LazyFunction(default_contact_fields)

    class Meta:
        model = ContactPage
        django_get_or_create = ("parent", "slug")


# --- Settings -----------------------------------------------------------------------------
