"""The Alembic scripts of Quotewire's schema, one file per change in `versions/`.

They live at the top of the checkout and are installed inside the package as `app.store.migrations`
(pyproject's package-dir), so `quotewire db upgrade` finds them in a wheel as in a checkout.
"""
