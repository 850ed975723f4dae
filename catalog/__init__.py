"""Products, options, prices (integer cents), stock, search, carts and orders.

Knows nothing of speech: the dialogue layer talks to it through :class:`catalog.store.Store`.

Modules: ``models`` (records), ``money``, ``errors``, ``cart`` (in-memory cart, option validation),
``store`` (the Store protocol), ``sqlite_store`` (the embedded SQLite/WAL store; ``sqlite_schema``,
``sqlite_products``, ``sqlite_orders`` behind it), ``pg_store`` (the PostgreSQL store),
``order_rules`` (status moves, cancelling, order lines as JSON and order numbers, shared by both stores), ``search`` (FTS5 + fuzzy + phonetic ranking),
``validate``, ``json_format`` (the project's catalog format), ``importers`` (JSON, generic CSV, Shopify CSV),
``bundled`` (``open_store`` with the bundled ``cafe`` / ``store`` catalogs), ``cli``.
"""
