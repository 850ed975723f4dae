"""Shop information from configuration: name, hours, address, returns policy and an FAQ.

The catalog may carry the shop's own details too (the JSON format's ``shop`` block: name, phone, hours,
address; :class:`catalog.models.ShopDetails`, kept by the store: ``Store.shop_details``). They fill the fields
the ``[shop]`` table leaves unset; a field the configuration sets wins (:func:`shop_table`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from catalog.models import ShopDetails
from catalog.store import Store
from dialogue.normalize import tokens

_TOPICS: tuple[tuple[str, frozenset[str]], ...] = (
    ("hours", frozenset({"open", "opening", "close", "closing", "closed", "hours", "today", "weekend", "sunday"})),
    ("address", frozenset({"address", "located", "location", "where", "directions", "find"})),
    ("returns", frozenset({"return", "returns", "refund", "refunds", "exchange", "money", "back"})),
    ("name", frozenset({"called", "name"})),
    ("phone", frozenset({"phone", "number", "call", "telephone"})),
)


def shop_table(cfg: Mapping[str, Any] | None, catalog: ShopDetails | None) -> dict[str, Any]:
    """The ``[shop]`` table with each field it leaves unset (absent or empty) taken from the catalog's shop
    details: configuration wins over the catalog."""
    table = dict(cfg or {})
    for key, value in (catalog.as_dict() if catalog else {}).items():
        if not table.get(key):
            table[key] = value
    return table


@dataclass(frozen=True)
class ShopInfo:
    name: str = "our shop"
    hours: str = ""
    address: str = ""
    returns: str = ""
    phone: str = ""
    faq: Mapping[str, str] = field(default_factory=dict)  # question -> answer

    @classmethod
    def from_config(cls, cfg: Mapping[str, Any] | None, catalog: ShopDetails | None = None) -> ShopInfo:
        """From the ``[shop]`` table: name, hours, address, returns, phone, faq (a table or a list of {q, a});
        ``catalog``: the catalog's shop details, for the fields the table leaves unset."""
        cfg = shop_table(cfg, catalog)
        faq_raw = cfg.get("faq") or {}
        faq: dict[str, str] = {}
        if isinstance(faq_raw, Mapping):
            faq = {str(k): str(v) for k, v in faq_raw.items()}
        elif isinstance(faq_raw, Sequence):
            for entry in faq_raw:
                if isinstance(entry, Mapping) and ("q" in entry or "question" in entry):
                    faq[str(entry.get("q", entry.get("question")))] = str(entry.get("a", entry.get("answer", "")))
        return cls(name=str(cfg.get("name") or "our shop"), hours=str(cfg.get("hours") or ""),
                   address=str(cfg.get("address") or ""), returns=str(cfg.get("returns") or ""),
                   phone=str(cfg.get("phone") or ""), faq=faq)

    @classmethod
    def for_store(cls, cfg: Mapping[str, Any] | None, store: Store) -> ShopInfo:
        """:meth:`from_config` with the shop details the store keeps with its catalog (``Store.shop_details``)."""
        return cls.from_config(cfg, store.shop_details())

    def answer(self, text: str) -> str | None:
        """An answer for a question about the shop, or None when it is not one we know."""
        words = set(tokens(text))
        best: tuple[float, str] | None = None
        for question, ans in self.faq.items():
            q = {w for w in tokens(question) if len(w) > 3}
            if q:
                score = len(q & words) / len(q)
                if score >= 0.5 and (best is None or score > best[0]):
                    best = (score, ans)
        if best is not None:
            return best[1]
        for topic, keys in _TOPICS:
            if words & keys:
                if topic == "hours" and self.hours:
                    return f"We're open {self.hours}."
                if topic == "address" and self.address and words & {"address", "located", "location", "where", "directions"}:
                    return f"You'll find us at {self.address}."
                if topic == "returns" and self.returns and words & {"return", "returns", "refund", "refunds", "exchange"}:
                    return self.returns
                if topic == "phone" and self.phone and words & {"phone", "telephone"} | ({"call"} & words):
                    return f"You can call us on {self.phone}."
                if topic == "name" and words & {"called", "name"} and words & {"shop", "store", "place", "cafe", "you"}:
                    return f"This is {self.name}."
        return None
