"""The partner search board: regions post requests, staff publish them, visitors answer by
e-mail through the site. Start at models.py; it uses `cooperation`, never the reverse."""
