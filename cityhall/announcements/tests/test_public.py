"""The public side: the portal's top page and the news pages show live notices only, the Atom feed
reads in a real feed reader, and emergency mode turns the top page into a small cacheable page."""

from __future__ import annotations

import feedparser  # type: ignore[import-untyped]  # ships no type information
import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from cityhall.announcements import selectors, services
from cityhall.announcements.models import Notice


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)


def test_top_page_and_news_list_show_live_notices_only(demo):
    live = list(selectors.live_notices())
    pending = Notice.objects.get(status=Notice.Status.PENDING)
    assert len(live) == 3
    home = Client().get(reverse("portal:home")).content.decode()
    news = Client().get(reverse("announcements:index")).content.decode()
    for page in (home, news):
        assert all(n.title in page for n in live)
        assert pending.title not in page
    assert Client().get(reverse("announcements:detail", args=[pending.pk])).status_code == 404


def test_news_filters_by_category_and_area(demo):
    index = reverse("announcements:index")
    events = Client().get(index, {"category": "event"}).content.decode()
    assert "花火大会" in events and "年末年始" not in events
    chikazono = Client().get(index, {"area": "chikazono"}).content.decode()
    assert "親子ふれあい教室" in chikazono, "a notice for the district"
    assert "年末年始" in chikazono, "a notice for the whole city shows in every district"
    assert "花火大会" not in chikazono
    unknown = Client().get(index, {"category": "<script>", "area": "nowhere"})
    assert unknown.status_code == 200 and "年末年始" in unknown.content.decode()


def test_the_atom_feed_reads_in_a_feed_reader(demo):
    response = Client().get(reverse("announcements:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    titles = [entry.title for entry in feed.entries]
    assert titles == [n.title for n in selectors.live_notices()]
    first = feed.entries[0]
    assert first.link.endswith(reverse("announcements:detail", args=[selectors.live_notices()[0].pk]))
    assert first.tags[0].term == selectors.live_notices()[0].category.name
    assert "大田原市" in feed.feed.title


def test_emergency_mode_turns_home_into_a_small_cacheable_page(demo):
    from cityhall.accounts.models import User

    policy_officer = User.objects.get(email="policy@demo.ohtawara.example.jp")
    normal = Client().get(reverse("portal:home"))
    assert "どんな手続きをしたいですか" in normal.content.decode()
    services.emergency_mode_set(actor=policy_officer, on=True, message="大雨のため避難指示が出ています")
    response = Client().get(reverse("portal:home"))
    body = response.content.decode()
    assert "大雨のため避難指示が出ています" in body
    assert "public" in response["Cache-Control"] and "s-maxage=60" in response["Cache-Control"]
    assert "<script" not in body and "csrf" not in body.lower()
    assert len(response.content) < 4000


def test_an_emergency_notice_shows_on_the_emergency_page(demo):
    from cityhall.accounts.models import User

    policy_officer = User.objects.get(email="policy@demo.ohtawara.example.jp")
    services.notice_publish_emergency(
        actor=policy_officer,
        title="土砂災害警戒情報",
        body="黒羽地区に避難指示を出しました。",
        category=selectors.categories().get(key="bousai"),
    )
    body = Client().get(reverse("portal:home")).content.decode()
    assert "土砂災害警戒情報" in body and "黒羽地区に避難指示" in body
