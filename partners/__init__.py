"""
The partner search board: regions of either country looking for a partner in the other post
requests, staff publish them, visitors answer by e-mail through the site. Start at models.py;
the pages are in views.py, the staff's side in admin.py. It uses `cooperation`, never the reverse.
"""
