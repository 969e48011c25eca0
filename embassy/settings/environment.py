"""`env`: the one way settings read environment variables, each as its type. Unset or empty gives
the default; a value not of the type stops the site at start-up, naming the variable."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


class Environment:
    def __init__(self, environ=os.environ):
        self.environ = environ

    def raw(self, name):
        return self.environ.get(name, "").strip()

    def str(self, name, default=""):
        return self.raw(name) or default

    def bool(self, name, default):
        value = self.raw(name).lower()
        if not value:
            return default
        if value in TRUE_WORDS | FALSE_WORDS:
            return value in TRUE_WORDS
        raise ImproperlyConfigured(f"{name} must be 1 or 0, not {value!r}.")

    def int(self, name, default):
        value = self.raw(name)
        if not value:
            return default
        try:
            return int(value)
        except ValueError:
            raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None

    def list(self, name, default=()):
        """A comma-separated list: `a.example.org, b.example.org`."""
        value = self.raw(name)
        if not value:
            return list(default)
        return [item.strip() for item in value.split(",") if item.strip()]

    def path(self, name, default):
        return Path(self.raw(name) or default)


env = Environment()
