"""Products, options, prices (integer cents), stock, search, carts and orders.

Knows nothing of speech: the dialogue layer talks to it through :class:`catalog.store.Store`.
"""
