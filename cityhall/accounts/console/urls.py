from django.urls import path

from cityhall.accounts.console import organisation, roles, tokens

app_name = "org"
urlpatterns = [
    path("", organisation.org_home, name="home"),
    path("departments/new/", organisation.department_create, name="department_create"),
    path("departments/<int:department_id>/", organisation.department_edit, name="department_edit"),
    path("departments/<int:department_id>/active/", organisation.department_toggle, name="department_toggle"),
    path("staff/", organisation.staff_list, name="staff_list"),
    path("staff/new/", organisation.staff_create, name="staff_create"),
    path("staff/<int:user_id>/", organisation.staff_edit, name="staff_edit"),
    path("staff/<int:user_id>/active/", organisation.staff_toggle, name="staff_toggle"),
    path("roles/", roles.role_list, name="role_list"),
    path("roles/new/", roles.role_create, name="role_create"),
    path("roles/<int:role_id>/", roles.role_edit, name="role_edit"),
    path("committees/", roles.committee_list, name="committee_list"),
    path("committees/<int:membership_id>/end/", roles.membership_end, name="membership_end"),
    path("assignments/", roles.assignment_list, name="assignment_list"),
    path("assignments/<int:assignment_id>/remove/", roles.assignment_remove, name="assignment_remove"),
    path("tokens/", tokens.token_list, name="token_list"),
    path("tokens/<int:token_id>/revoke/", tokens.token_revoke, name="token_revoke"),
]
