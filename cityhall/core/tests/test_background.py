"""Tasks by name: services enqueue a registered name, never import a tasks module."""

import pytest

from cityhall.core import background


def test_every_app_registers_the_tasks_its_services_enqueue():
    for name in ("notifications.deliver_email", "opendata.validate_upload", "opendata.publish_upload"):
        assert background.task_named(name).name


def test_an_unknown_name_says_where_to_register_it():
    with pytest.raises(LookupError, match="register it in the app's ready"):
        background.enqueue_on_commit("nowhere.nothing", 1)


def test_a_name_cannot_be_taken_twice():
    task = background.task_named("notifications.deliver_email")
    background.register_task("notifications.deliver_email", task)  # the same task again: fine (ready() twice)
    with pytest.raises(ValueError, match="registered twice"):
        background.register_task("notifications.deliver_email", background.task_named("opendata.publish_upload"))
