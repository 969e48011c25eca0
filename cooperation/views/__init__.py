"""The section's public pages, a module per subject; cooperation/urls.py maps them."""
