from django.urls import path

from cityhall.announcements.console import emergency, notices, rules, subscribers

app_name = "announcements"
urlpatterns = [
    path("", notices.notice_list, name="notices"),
    path("new/", notices.notice_new, name="notice_new"),
    path("<int:notice_id>/", notices.notice_detail, name="notice"),
    path("<int:notice_id>/edit/", notices.notice_edit, name="notice_edit"),
    path("<int:notice_id>/submit/", notices.notice_submit, name="notice_submit"),
    path("<int:notice_id>/approve/", notices.notice_approve, name="notice_approve"),
    path("<int:notice_id>/return/", notices.notice_return, name="notice_return"),
    path("<int:notice_id>/withdraw/", notices.notice_withdraw, name="notice_withdraw"),
    path("emergency/", emergency.emergency, name="emergency"),
    path("emergency/switch/", emergency.emergency_switch, name="emergency_switch"),
    path("emergency/publish/", emergency.emergency_publish, name="emergency_publish"),
    path("rules/", rules.rules, name="rules"),
    path("rules/<int:rule_id>/delete/", rules.rule_delete, name="rule_delete"),
    path("subscribers/", subscribers.subscribers, name="subscribers"),
    path("subscribers/<int:subscriber_id>/end/", subscribers.paper_subscriber_end, name="paper_subscriber_end"),
]
