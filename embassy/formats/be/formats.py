"""Belarusian dates and numbers follow the same conventions as Russian ones."""

from embassy.formats.ru.formats import *  # noqa: F403
