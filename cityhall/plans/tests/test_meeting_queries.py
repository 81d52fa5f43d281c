"""The meeting page reads a constant number of queries however many initiatives its decisions link."""

import datetime as dt

from django.urls import reverse

from cityhall.plans import selectors, services
from cityhall.plans.models import Initiative


def test_the_meeting_page_does_not_query_per_linked_initiative(policy_officer, as_user, django_assert_max_num_queries):
    every = list(Initiative.objects.filter(field__pillar__plan=selectors.plan_get()))
    assert len(every) == 18
    meeting = services.meeting_save(
        actor=policy_officer,
        meeting=None,
        committee="headquarters",
        held_on=dt.date(2024, 5, 20),
        title="第1回推進本部会議",
        committees=["headquarters"],
    )
    for n in range(5):
        services.meeting_decision_add(actor=policy_officer, meeting=meeting, text=f"決定事項{n + 1}", initiatives=every)
    client = as_user(policy_officer)
    url = reverse("console:plans:meeting", args=[meeting.pk])
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('href="/console/plans/initiatives/') == 5 * 18
    assert "I-(1)①" in page and "II-(" in page
