"""Every page type: where editors may create it, that it renders, routes and edits."""

from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from home.models import ContactPage, HomePage, StandardPage
from media_pages.models import (
    CartoonPage,
    GalleryPage,
    MediaIndexPage,
    MediaItemPage,
    MediaSectionPage,
    NewsPicturePage,
    VideoPage,
)
from news.models import ArticleIndexPage, ArticlePage
from publications.models import (
    BookIndexPage,
    BookPage,
    PeriodicalIssuePage,
    PeriodicalSeriesPage,
    PublicationPage,
    PublicationsIndexPage,
)
from tests.site_builder import build_site


class PageTreeRulesTests(WagtailPageTestCase):
    """Editors cannot build a tree the templates do not expect."""

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {ArticleIndexPage, MediaIndexPage, PublicationsIndexPage, StandardPage, ContactPage},
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_articles(self):
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanNotCreateAt(HomePage, ArticlePage)

    def test_media(self):
        self.assertAllowedSubpageTypes(MediaIndexPage, {MediaSectionPage})
        self.assertAllowedSubpageTypes(
            MediaSectionPage, {CartoonPage, NewsPicturePage, GalleryPage, VideoPage}
        )
        for item in (CartoonPage, NewsPicturePage, GalleryPage, VideoPage):
            self.assertAllowedParentPageTypes(item, {MediaSectionPage})
            self.assertCanNotCreateAt(ArticleIndexPage, item)

    def test_publications(self):
        self.assertAllowedSubpageTypes(PublicationsIndexPage, {BookIndexPage, PeriodicalSeriesPage})
        self.assertAllowedSubpageTypes(BookIndexPage, {BookPage})
        self.assertAllowedSubpageTypes(PeriodicalSeriesPage, {PeriodicalIssuePage})
        self.assertCanNotCreateAt(BookIndexPage, PeriodicalIssuePage)
        self.assertCanNotCreateAt(PeriodicalSeriesPage, BookPage)

    def test_shared_base_types_are_not_offered_to_editors(self):
        assert not MediaItemPage.is_creatable
        assert not PublicationPage.is_creatable
        for concrete in (CartoonPage, NewsPicturePage, GalleryPage, VideoPage, BookPage):
            assert concrete.is_creatable

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})


class EveryPageTypeWorksTests(WagtailPageTestCase):
    """Each page type renders for visitors, routes from its URL and opens in the editor."""

    @classmethod
    def setUpTestData(cls):
        cls.pages = list(build_site().pages().values())

    def setUp(self):
        self.user = self.login()

    def test_every_page_type_is_covered(self):
        creatable = {
            model for model in Page.__subclasses__() + self._all_page_models() if model.is_creatable
        }
        covered = {type(page) for page in self.pages}
        assert creatable <= covered, creatable - covered

    @staticmethod
    def _all_page_models():
        from wagtail.models import get_page_models

        return list(get_page_models())

    def test_renders(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRenderable(page)

    def test_routable(self):
        # Wagtail's assertPageIsRoutable does not know about the /en/ language prefix that
        # i18n_patterns adds, so route the path below the prefix from the edition's home.
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                url = page.get_url(self.dummy_request)
                language, *components = [part for part in url.split("/") if part]
                assert language == "en"
                home = page.get_site().root_page.localized.specific
                routed, _args, _kwargs = home.route(self.dummy_request, components)
                assert routed.pk == page.pk

    def test_editable_in_admin(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsEditable(page, post_data=self.edit_form_data(page))

    def test_an_editor_can_change_and_publish_every_page_type(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                data = self.edit_form_data(page)
                data["title"] = f"{page.title} (edited)"
                response = self.client.post(
                    reverse("wagtailadmin_pages:edit", args=[page.pk]), data
                )
                assert response.status_code == 302, self.form_errors(response)
                page.refresh_from_db()
                assert page.title.endswith("(edited)")
                assert page.live and not page.has_unpublished_changes

    def edit_form_data(self, page):
        """The edit form as the admin renders it, ready to publish.

        StreamFields are drawn by JavaScript from JSON, so they are posted here with one
        paragraph, as an editor typing into an empty body would.
        """
        self.client.force_login(self.user)  # assertPageIsEditable logs out when done
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        for field in page.specific._meta.get_fields():
            if isinstance(field, StreamField):
                data.update(
                    nested_form_data(
                        {field.name: streamfield([("paragraph", rich_text("<p>Edited.</p>"))])}
                    )
                )
        data["action-publish"] = "action-publish"
        return data

    @staticmethod
    def form_errors(response):
        form = response.context and response.context.get("form")
        return form.errors if form is not None else response

    def test_previewable_in_admin(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsPreviewable(page, post_data=self.edit_form_data(page))

    def test_preview_can_be_shown_in_the_editors_preview_panel(self):
        # The preview is rendered for the page's public URL, whose policy forbids framing;
        # the admin response must carry the admin's policy or the panel stays blank.
        page = self.pages[0]
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.id])
        self.client.post(url, self.edit_form_data(page))
        response = self.client.get(url)
        assert response.status_code == 200
        assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "SAMEORIGIN"

    def test_served_under_the_english_prefix(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                url = page.get_url()
                assert url.startswith("/en/"), url
                assert self.client.get(url).status_code == 200
