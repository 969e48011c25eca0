"""Django's file system storage, leaving no partial file behind when a write fails (disk full)."""

from django.core.files import storage


class FileSystemStorage(storage.FileSystemStorage):
    def save(self, name, content, max_length=None):
        # Free a moment ago: a file there now is what the failed write left.
        name = self.get_available_name(name, max_length=max_length)
        try:
            return super().save(name, content, max_length=max_length)
        except OSError:
            if self.exists(name):
                self.delete(name)
            raise
