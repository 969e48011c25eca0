"""Russian dates and numbers follow the Bulgarian conventions ("6 сентября 2021 г.")."""

from embassy.formats.bg.formats import *  # noqa: F403
