from django.urls import path

from cityhall.notifications.console import outbox

app_name = "notifications"
urlpatterns = [
    path("outbox/", outbox.outbox_list, name="outbox"),
    path("outbox/<int:email_id>/", outbox.outbox_detail, name="outbox_detail"),
    path("outbox/<int:email_id>/retry/", outbox.outbox_retry, name="outbox_retry"),
]
