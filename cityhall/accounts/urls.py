from django.urls import path

from cityhall.accounts import views

app_name = "org"
urlpatterns = [
    path("", views.org_home, name="home"),
    path("departments/new/", views.department_create, name="department_create"),
    path("departments/<int:department_id>/", views.department_edit, name="department_edit"),
    path("departments/<int:department_id>/active/", views.department_toggle, name="department_toggle"),
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/new/", views.staff_create, name="staff_create"),
    path("staff/<int:user_id>/", views.staff_edit, name="staff_edit"),
    path("staff/<int:user_id>/active/", views.staff_toggle, name="staff_toggle"),
    path("roles/", views.role_list, name="role_list"),
    path("roles/new/", views.role_create, name="role_create"),
    path("roles/<int:role_id>/", views.role_edit, name="role_edit"),
    path("committees/", views.committee_list, name="committee_list"),
    path("committees/<int:membership_id>/end/", views.membership_end, name="membership_end"),
    path("assignments/", views.assignment_list, name="assignment_list"),
    path("assignments/<int:assignment_id>/remove/", views.assignment_remove, name="assignment_remove"),
    path("tokens/", views.token_list, name="token_list"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
]
