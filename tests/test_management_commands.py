"""The project's own management commands explain themselves: `manage.py COMMAND --help` says
what the command does and what each of its options means."""

import pytest
from django.core.management import BaseCommand, get_commands, load_command_class

PROJECT_APPS = {"cooperation", "editorial", "embassy", "photos"}


def project_commands():
    return sorted((name, app) for name, app in get_commands().items() if app in PROJECT_APPS)


def options_of(parser):
    return {action.dest: action for action in parser._actions if action.option_strings}


def test_the_project_has_commands_to_check():
    names = [name for name, _app in project_commands()]
    assert {"load_initial_data", "make_renditions"} <= set(names)


@pytest.mark.parametrize(("name", "app"), project_commands())
def test_every_option_of_a_project_command_has_a_help_text(name, app):
    command = load_command_class(app, name)
    assert command.help.strip()
    common = options_of(BaseCommand().create_parser("manage.py", "base"))
    own = {
        dest: action
        for dest, action in options_of(command.create_parser("manage.py", name)).items()
        if dest not in common
    }
    for dest, action in own.items():
        assert action.help and action.help.strip(), f"{name} --{dest} has no help text"
